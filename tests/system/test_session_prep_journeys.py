"""Journeys before and around the session (#13): the pre-read on the start page, changing an
answer from the check page, the start page once answers are sent, and the new assessment
form's conditional reveals, each at desktop and phone widths with axe checks."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.assessments.models import Mode, Response
from mobilise.assessments.services import setup
from mobilise.assessments.tests.factories import AssessmentFactory
from tests.system.conftest import assert_accessible, sign_in
from tests.system.test_assessment_journeys import rate_section

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = {"desktop": {"width": 1920, "height": 1080}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=sorted(WIDTHS))
def sized(request, page: Page) -> Page:
    page.set_viewport_size(WIDTHS[request.param])
    return page


def test_the_start_page_carries_the_pre_read(sized: Page):
    page = sized
    assessment = AssessmentFactory(mode=Mode.INDIVIDUAL, title="Pharmacy review")
    page.goto(f"/take/{assessment.participant_token}/")
    expect(page.get_by_text("Answer on behalf of your team, not yourself")).to_be_visible()
    expect(
        page.get_by_text("Nothing is shown until at least 3 people have answered")
    ).to_be_visible()
    expanders = page.locator("details.nhsuk-expander")
    expect(expanders).to_have_count(23)
    level = page.get_by_text(re.compile(r"^: Staff have no time, skills or support"))
    expect(level).to_be_hidden()
    assert_accessible(page)

    page.get_by_text("2.1 Capacity to use evidence from research (Behaviours)").click()
    expect(expanders.nth(5)).to_have_attribute("open", "")
    expect(expanders.nth(5).get_by_text("0 Not yet")).to_be_visible()
    assert_accessible(page)

    link = page.get_by_role("link", name="Download the pre-read (PDF)")
    pdf = page.request.get(link.get_attribute("href"))
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")


def test_change_from_the_check_page_comes_back_to_it_then_the_start_page_says_sent(
    sized: Page,
):
    page = sized
    assessment = AssessmentFactory(title="Ward review")
    page.goto(f"/take/{assessment.participant_token}/")
    page.get_by_role("button", name="Start now").click()
    for number, label in enumerate(["Developing", "Emerging", "Established", "Embedded"], 1):
        rate_section(page, number, label)
        page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")

    page.get_by_role("link", name="Change your answer for 2.3").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2 Behaviours")
    expect(page.get_by_role("link", name="Back to check your answers")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name=re.compile(r"^2\.3 ")).get_by_label("Embedded").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    row = page.locator(".nhsuk-summary-list__row").filter(has_text="2.3 Approach to innovation")
    expect(row).to_contain_text("4 Embedded")
    assert_accessible(page)

    page.get_by_role("button", name="Send answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your answers have been sent")
    page.goto(f"/take/{assessment.participant_token}/")
    expect(page.get_by_role("heading", name="You have sent your answers")).to_be_visible()
    expect(page.get_by_text("You have started this assessment")).to_have_count(0)
    expect(page.get_by_role("button", name="Continue your answers")).to_have_count(0)
    expect(page.get_by_role("link", name="See the group's results")).to_have_count(0)
    assert_accessible(page)

    setup.reveal_results(assessment, True)
    page.reload()
    page.get_by_role("link", name="See the group's results").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The group's results")
    expect(
        page.get_by_role("rowheader", name=re.compile(r"^4\.4 .*\(Knowledge Services\)"))
    ).to_be_visible()
    assert_accessible(page)
    assert Response.objects.get().ratings.get(element_code="2.3").level == 4


def test_the_new_assessment_form_reveals_fields_under_their_choice(sized: Page, facilitator):
    page = sized
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto("/assessments/new/")
    new_unit = page.get_by_label("Name of the new unit")
    closing = page.get_by_role("group", name="Closing date")
    expect(new_unit).to_be_hidden()
    expect(closing).to_be_hidden()
    assert_accessible(page)

    page.get_by_label("A new unit").check()
    expect(new_unit).to_be_visible()
    page.get_by_label("Individual completion").check()
    expect(closing).to_be_visible()
    # The design system's aria-expanded is not allowed on a radio (ARIA 1.2): taken off.
    expect(page.get_by_label("A new unit")).not_to_have_attribute("aria-expanded", re.compile("."))
    assert_accessible(page)
    page.get_by_label("Group session").check()
    expect(closing).to_be_hidden()

    page.get_by_label("Individual completion").check()
    page.get_by_label("Title").fill("Pharmacy review")
    page.get_by_role("button", name="Create assessment").click()
    expect(page.get_by_role("link", name="Enter the name of the new unit")).to_be_visible()
    expect(
        page.get_by_role("link", name="Enter the closing date: people rate by then")
    ).to_be_visible()
    expect(new_unit).to_be_visible()
    expect(closing).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Enter the name of the new unit").click()
    expect(new_unit).to_be_focused()


def test_without_javascript_every_field_of_the_new_assessment_form_shows(
    page_without_javascript: Page, facilitator
):
    page = page_without_javascript
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto("/assessments/new/")
    expect(page.get_by_label("Name of the new unit")).to_be_visible()
    expect(page.get_by_role("group", name="Closing date")).to_be_visible()
    page.get_by_label("Title").fill("Board review")
    page.get_by_label("Name of the new unit").fill("Trust Board")
    page.get_by_label("Group session").check()
    page.get_by_role("button", name="Create assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Board review")
