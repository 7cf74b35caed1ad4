"""Journeys: an admin reads the organisation's history in words, filters it by kind of
change and dates (a wrong date named in the error summary), pages through it with the
filters kept, and filters an assessment's own history, at desktop and phone widths."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.kinds import Kind
from mobilise.audit.models import HistoryEntry
from mobilise.audit.services import record, record_in_organisation
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SIZES = [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}]


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_an_admin_filters_and_pages_through_the_history(page: Page, admin, size):
    page.set_viewport_size(size)
    assessment = AssessmentFactory(organisation=admin.organisation, title="Board review 2027")
    HistoryEntry.objects.bulk_create(
        HistoryEntry(
            organisation=admin.organisation,
            assessment=assessment,
            actor=admin.user,
            actor_name=admin.user.username,
            summary=f"Changed the action “Journal club {n}”",
            changes={"status": ["in_progress", "done"]},
            kind=Kind.PLAN,
        )
        for n in range(30)
    )
    record(assessment, admin.user, "Closed the assessment")
    record_in_organisation(
        admin.organisation,
        admin.user,
        "Invited b@nhs.net as Facilitator",
        {"role": [None, "facilitator"]},
    )
    sign_in(page, admin.user.username, PASSWORD)
    page.goto("/organisation/history/")
    expect(page.get_by_role("heading", level=1)).to_have_text("History of changes")
    expect(page.locator("#match-count")).to_have_text("32 changes: showing 1 to 25.")
    expect(page.get_by_text("Role: None → Facilitator")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Kind of change").select_option(label="The action plan")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"kind=plan"))
    expect(page.locator("#match-count")).to_have_text("30 changes: showing 1 to 25.")
    expect(page.get_by_text("Status: In progress → Done").first).to_be_visible()
    expect(page.get_by_text("Invited b@nhs.net")).to_have_count(0)
    page.get_by_role("navigation", name="Pages of the history").get_by_role(
        "link", name=re.compile("Next")
    ).click()
    expect(page).to_have_url(re.compile(r"kind=plan.*page=2"))
    expect(page.locator("#match-count")).to_have_text("30 changes: showing 26 to 30.")
    expect(page.get_by_label("Kind of change")).to_have_value("plan")
    assert_accessible(page)

    # A date that does not exist is named in the error summary, never a failure.
    page.locator("#id_since").fill("31")
    page.locator("#id_since-month").fill("2")
    page.locator("#id_since-year").fill("2027")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(
        "The from date must be a real date"
    )
    expect(page).to_have_title(re.compile("^Error: "))
    assert_accessible(page)
    page.get_by_role("link", name="Clear filters").click()
    expect(page.locator("#match-count")).to_have_text("32 changes: showing 1 to 25.")

    # The assessment's own history, filtered to the assessment itself.
    page.get_by_role("link", name="Board review 2027").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of changes")
    page.get_by_label("Kind of change").select_option(label="The assessment")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#match-count")).to_have_text("1 change.")
    expect(page.get_by_text("Closed the assessment")).to_be_visible()
    assert_accessible(page)
