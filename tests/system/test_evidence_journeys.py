"""Journeys: evidence behind an agreed rating, attached on the agree page (a note, a link
and a file), seen beside the agreed level in the results, removed after a confirmation; and
the last cycle's evidence offered again ("Still true?")."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.assessments.models import Evidence
from mobilise.assessments.services import consensus, evidence
from mobilise.assessments.tests import evidence_files as files
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SIZES = [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}]


def fill_date(page: Page, day: str, month: str, year: str) -> None:
    group = page.get_by_role("group", name="Date it describes")
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_a_note_a_link_and_a_file_on_the_agree_page_then_in_the_results(
    page: Page, facilitator, size
):
    page.set_viewport_size(size)
    assessment = AssessmentFactory(organisation=facilitator.organisation, title="Board day")
    for level in [1, 2, 3]:
        submit(assessment, level)
    consensus.set_consensus(assessment, "1.1", 2, "high")
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/agree/element/1.1/")
    expect(page.get_by_text("No evidence is attached to 1.1 yet.")).to_be_visible()

    page.get_by_role("link", name="Add a note, link or file as evidence for 1.1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Add evidence for 1\.1"))
    assert_accessible(page)
    page.get_by_role("radio", name="Note").check()
    page.get_by_role("textbox", name="Note").fill("The Board asked for an evidence summary")
    fill_date(page, "15", "9", "2026")
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.get_by_text("The evidence is added to 1.1.")).to_be_visible()
    expect(page.locator("#evidence ~ ul").first).to_contain_text("describing 15 September 2026")

    page.get_by_role("link", name="Add a note, link or file as evidence for 1.1").click()
    page.get_by_role("radio", name="Link").check()
    page.get_by_role("textbox", name="Link").fill("javascript:alert(1)")
    page.get_by_label("Title (optional)").fill("Library page")
    fill_date(page, "1", "10", "2026")
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_focused()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("starting https:// or http://")
    assert_accessible(page)
    page.get_by_role("textbox", name="Link").fill("https://example.org/library")
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.get_by_role("link", name="Library page", exact=True)).to_be_visible()

    page.get_by_role("link", name="Add a note, link or file as evidence for 1.1").click()
    page.get_by_role("radio", name="File").check()
    page.get_by_label("Title (optional)").fill("Survey chart")
    page.locator("input[type=file]").set_input_files(
        {"name": "survey.png", "mimeType": "image/png", "buffer": files.PNG}
    )
    fill_date(page, "1", "8", "2026")
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.get_by_role("link", name="Survey chart", exact=True)).to_be_visible()
    expect(page.get_by_text("(PNG image, 1 KB)")).to_be_visible()
    assert_accessible(page)
    assert Evidence.objects.filter(assessment=assessment).count() == 3

    with page.expect_download() as downloaded:
        page.get_by_role("link", name="Survey chart", exact=True).click()
    assert downloaded.value.suggested_filename == "survey.png"

    page.goto(f"/assessments/{assessment.id}/results/")
    row = page.locator(".app-evidence-summary .nhsuk-summary-list__row").filter(
        has_text="Agreed: 2 Developing"
    )
    expect(row).to_contain_text("The Board asked for an evidence summary")
    expect(row.get_by_role("link", name="Library page", exact=True)).to_have_attribute(
        "href", "https://example.org/library"
    )
    expect(row.get_by_role("link", name="Survey chart", exact=True)).to_be_visible()
    assert_accessible(page)

    row.get_by_role("link", name="Remove evidence “Library page” for 1.1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove this evidence for 1.1?")
    assert_accessible(page)
    page.get_by_role("button", name="Remove the evidence").click()
    expect(page.get_by_text("The evidence for 1.1 is removed.")).to_be_visible()
    expect(page.get_by_role("link", name="Library page", exact=True)).to_have_count(0)


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_the_last_cycles_evidence_is_kept_updated_or_dropped(page: Page, facilitator, size):
    page.set_viewport_size(size)
    first = AssessmentFactory(organisation=facilitator.organisation, title="Last year")
    day = datetime.date(2025, 10, 1)
    evidence.add(first, "1.1", kind="note", title="Journal club", note="Monthly", describes_on=day)
    evidence.add(
        first, "1.1", kind="link", title="Old page", url="https://example.org/old", describes_on=day
    )
    evidence.add(first, "1.1", kind="note", title="Retired idea", note="Gone", describes_on=day)
    again = AssessmentFactory(
        organisation=facilitator.organisation, unit=first.unit, previous=first, title="This year"
    )
    evidence.offer_again(first, again)
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{again.id}/agree/element/1.1/")
    expect(
        page.get_by_role("heading", name="Still true? Evidence from the last cycle")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Keep “Journal club”").click()
    expect(page.get_by_text("The evidence “Journal club” is kept for 1.1.")).to_be_visible()

    page.get_by_role("link", name="Update “Old page”").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Update evidence for 1.1")
    assert_accessible(page)
    page.get_by_role("textbox", name="Link").fill("https://example.org/new")
    page.get_by_role("button", name="Save the evidence").click()
    expect(page.get_by_role("link", name="Old page", exact=True)).to_have_attribute(
        "href", "https://example.org/new"
    )

    page.get_by_role("link", name="Drop “Retired idea”").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Drop this evidence for 1.1?")
    assert_accessible(page)
    page.get_by_role("button", name="Drop the evidence").click()
    expect(page.get_by_text("The evidence for 1.1 is dropped.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Still true"))).to_have_count(0)
    assert sorted(again.evidence.values_list("title", flat=True)) == ["Journal club", "Old page"]
    assert first.evidence.count() == 3
