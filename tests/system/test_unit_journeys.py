"""Journeys: an admin adds, renames, archives and restores a unit, each from the units page,
at desktop and phone widths; the archived unit leaves the home page and the choice of units
for a new assessment, and comes back when restored."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD, UnitFactory
from mobilise.assessments.tests.factories import AssessmentFactory
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SIZES = [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}]


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_an_admin_adds_renames_archives_and_restores_a_unit(page: Page, admin, size):
    page.set_viewport_size(size)
    board = UnitFactory(organisation=admin.organisation, name="Board")
    AssessmentFactory(organisation=admin.organisation, unit=board)
    sign_in(page, admin.user.username, PASSWORD)
    # The home page's unit links to its latest assessment.
    page.get_by_role("link", name=re.compile("^Board ?: its latest assessment$")).click()
    expect(page).to_have_url(re.compile(r"/assessments/[0-9a-f-]{36}/$"))

    page.goto("/")
    page.get_by_role("link", name="Units", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Units")
    assert_accessible(page)

    page.get_by_role("button", name="Add a unit").click()
    page.get_by_label("Name of the unit").fill("board")
    page.get_by_role("button", name="Add the unit").click()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is already a unit called Board")
    expect(page).to_have_title(re.compile("^Error: "))
    assert_accessible(page)
    page.get_by_label("Name of the unit").fill("Library team")
    page.get_by_role("button", name="Add the unit").click()
    expect(page.get_by_text("Library team is added.")).to_be_visible()

    page.get_by_role("link", name="Rename Library team").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rename Library team")
    assert_accessible(page)
    page.get_by_label("Name of the unit").fill("Knowledge and library team")
    page.get_by_role("button", name="Rename the unit").click()
    expect(
        page.get_by_text("Library team is now called Knowledge and library team.")
    ).to_be_visible()

    page.get_by_role("link", name="Archive Board").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Archive Board?")
    expect(
        page.get_by_text(re.compile("Its 1 assessment, their plans and their history stay"))
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Archive Board").click()
    expect(page.get_by_text("Board is archived.")).to_be_visible()
    archived = page.get_by_role("table", name="Archived units")
    expect(archived.get_by_role("cell", name="Board", exact=True)).to_be_visible()
    assert_accessible(page)

    page.goto("/")
    expect(page.get_by_role("link", name=re.compile("^Board"))).to_have_count(0)
    page.goto("/assessments/new/")
    expect(page.get_by_label("Board", exact=True)).to_have_count(0)
    expect(page.get_by_label("Knowledge and library team", exact=True)).to_have_count(1)

    page.goto("/organisation/units/")
    page.get_by_role("link", name="Restore Board").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Restore Board?")
    assert_accessible(page)
    page.get_by_role("button", name="Restore Board").click()
    expect(page.get_by_text("Board is restored.")).to_be_visible()
    expect(page.get_by_text("There are no archived units.")).to_be_visible()

    page.goto("/organisation/history/")
    for words in ("Added the unit Library team", "Renamed the unit", "Archived the unit Board"):
        expect(page.get_by_text(re.compile(words)).first).to_be_visible()
    expect(page.get_by_text(re.compile("Restored the unit Board")).first).to_be_visible()
    board.refresh_from_db()
    assert board.archived_at is None
