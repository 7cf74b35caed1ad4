"""Journeys: a facilitator writes up what a done action achieved as an impact case study,
mends what the page refused, reads it with the score change at the next cycle, finds it on
the unit's results and the portfolio, and deletes it only after being asked."""

import re

import pytest
from docx import Document
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD, UnitFactory
from mobilise.plans.models import CaseStudy
from mobilise.plans.tests.factories import action, cycle
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SIZES = [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}]


@pytest.mark.parametrize("size", SIZES)
def test_a_facilitator_writes_up_a_done_action_and_finds_it_everywhere(
    page: Page, live_server, facilitator, size
):
    page.set_viewport_size(size)
    unit = UnitFactory(organisation=facilitator.organisation, name="Maternity")
    first = cycle(unit, {"2.4": 1, "1.1": 2}, None, 300, title="Maternity, spring")
    second = cycle(unit, {"2.4": 3, "1.1": 2}, first, 10, title="Maternity, winter")
    alerts = action(first, ["2.4"], status="done", text="Set up tailored e-mail alerts")

    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{first.id}/plan/")
    page.get_by_role("link", name=re.compile("^Impact case studies")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Impact case studies")
    assert_accessible(page)
    page.get_by_role("button", name="Write an impact case study").click()

    # Nothing filled in: every missing field is named, and nothing is saved.
    page.get_by_role("button", name="Save the case study").click()
    expect(
        page.get_by_role("link", name="Choose at least one done action of this plan")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Enter the challenge")).to_be_visible()
    assert_accessible(page)
    assert not CaseStudy.objects.exists()

    page.get_by_label("Set up tailored e-mail alerts").check()
    page.get_by_label("Title").fill("Midwives keep up with the evidence")
    page.get_by_label("The challenge").fill("Guidance changed faster than the team could read it.")
    page.get_by_label("What the knowledge and library service did").fill(
        "The library set up alerts for each midwife."
    )
    page.get_by_label("The intervention").fill("A monthly huddle on what the alerts brought.")
    page.get_by_label("Outcome and impact").fill("Two guidelines were updated within a month.")
    page.get_by_label("The impact in a figure (optional)").fill("40 midwives receive alerts")
    page.get_by_label("Quote from a champion (optional)").fill("We hear of changes first now.")
    page.get_by_label("Champion's name").fill("Alex Morgan")
    page.get_by_role("button", name="Save the case study").click()

    expect(
        page.get_by_text("The impact case study “Midwives keep up with the evidence” is saved.")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Midwives keep up with the evidence")
    row = page.get_by_role("row", name=re.compile("^2.4"))
    expect(row).to_contain_text("1 Emerging")
    expect(row).to_contain_text("3 Established")
    expect(row).to_contain_text("Up 2 levels")
    expect(page.get_by_text("Alex Morgan")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the case study as a Word document").click()
    word = Document(info.value.path())
    assert info.value.suggested_filename.endswith(
        "-case-study-midwives-keep-up-with-the-evidence.docx"
    )
    assert "Midwives keep up with the evidence" in [p.text for p in word.paragraphs]

    # The action it was written from stays in the plan while the case study is linked to it.
    page.goto(f"/assessments/{first.id}/plan/actions/{alerts.id}/delete/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The action cannot be removed yet")
    expect(page.get_by_role("button", name="Remove the action")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Midwives keep up with the evidence").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Midwives keep up with the evidence")

    page.goto(f"/assessments/{second.id}/results/")
    panel = page.locator("#case-studies + p + ul")
    expect(panel).to_contain_text("Midwives keep up with the evidence")
    expect(panel).to_contain_text("up 2 levels")
    page.goto("/portfolio/")
    found = page.get_by_role("row", name=re.compile("^Midwives keep up"))
    expect(found).to_contain_text("Maternity")
    expect(found).to_contain_text("40 midwives receive alerts")
    assert_accessible(page)

    found.get_by_role("link").click()
    page.get_by_role("link", name="Delete the case study").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete the impact case study?")
    assert_accessible(page)
    assert CaseStudy.objects.count() == 1
    page.get_by_role("button", name="Delete the case study").click()
    expect(page.get_by_text("is deleted.")).to_be_visible()
    assert not CaseStudy.objects.exists()
