"""Journeys: set up an assessment and watch it live; take part; agree and read results."""

import json
import re
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.assessments.models import Assessment, Consensus, Response
from mobilise.assessments.tests.factories import AssessmentFactory, full_ratings, submit
from mobilise.framework.catalogue import get_framework
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
FRAMEWORK = get_framework()


def post_response(live_server, token: str, level: int) -> None:
    request = urllib.request.Request(  # noqa: S310 - the test's own live server
        f"{live_server.url}/api/v1/responses/{token}",
        data=json.dumps({"ratings": full_ratings(level)}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as answer:  # noqa: S310
        assert answer.status == 201


def test_a_facilitator_sets_up_an_assessment_and_opens_the_live_view(
    page: Page, live_server, facilitator
):
    sign_in(page, facilitator.user.username, PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Assessments").click()
    page.get_by_role("button", name="Create an assessment").click()
    assert_accessible(page)

    page.get_by_role("button", name="Create assessment").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_focused()
    expect(page.get_by_role("link", name="Enter a title for the assessment")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Title").fill("Board development day")
    page.get_by_label("A new unit").check()
    page.get_by_label("Name of the new unit").fill("Trust Board")
    page.get_by_label("Group session").check()
    page.get_by_role("button", name="Create assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Board development day")
    expect(page.get_by_text("Assessment created.")).to_be_visible()
    link = page.locator("#participant-link").inner_text().strip()
    assert re.fullmatch(rf"{re.escape(live_server.url)}/take/[\w-]+/", link)
    expect(page.get_by_role("img", name="QR code of the participant link")).to_be_visible()
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Open the live view").click()
    expect(page.locator(".app-live-count")).to_have_text("0")
    assert_accessible(page)

    token = Assessment.objects.get().participant_token
    post_response(live_server, token, 2)
    post_response(live_server, token, 3)
    # The page refreshes itself: no reload here.
    expect(page.locator(".app-live-count")).to_have_text("2", timeout=15_000)
    expect(page.get_by_role("table", name="Answers so far, per element and level")).to_be_visible()
    assert_accessible(page)


def rate_section(page: Page, number: int, level_label: str) -> None:
    section = FRAMEWORK.sections[number - 1]
    for element in section.elements:
        group = page.get_by_role("group", name=f"{element.code} {element.title}")
        group.get_by_label(level_label, exact=True).check()


def test_a_participant_rates_saves_comes_back_and_submits(page: Page, browser, live_server):
    assessment = AssessmentFactory(title="Directorate self-assessment")
    page.goto(f"/take/{assessment.participant_token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Directorate self-assessment")
    assert_accessible(page)
    page.get_by_role("button", name="Start now").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("1 Leadership")
    assert_accessible(page)
    rate_section(page, 1, "Developing")
    page.get_by_label("Comment on 1.1 (optional)").fill("Board papers rarely cite evidence")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2 Behaviours")
    page.get_by_role("group", name=re.compile(r"^2\.1 ")).get_by_label("Don't know").check()
    page.get_by_role("button", name="Save and come back later").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your answers are saved")
    assert_accessible(page)
    resume = page.locator("#copy-link").inner_text().strip()
    code = page.locator("#resume-code").inner_text().strip()
    assert resume.endswith(f"/resume/#{code}")

    # The resume page itself, with its error, at desktop width.
    page.goto(f"/take/{assessment.participant_token}/resume/")
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Enter your resume code")).to_be_visible()
    assert_accessible(page)

    # Later, on another device: the personal link brings the answers back, its script
    # posting the code from the fragment, so the code is in no URL the server sees.
    other = browser.new_context(base_url=live_server.url)
    phone = other.new_page()
    phone.set_viewport_size({"width": 375, "height": 740})
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url))
    phone.goto(resume)
    expect(phone.get_by_text("6 of 23 elements answered")).to_be_visible()
    assert requested and not any(code in url for url in requested)
    assert code not in phone.url
    # Section 1 is answered: "Continue your answers" opens the first with gaps.
    phone.get_by_role("button", name="Continue your answers").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("2 Behaviours")
    expect(
        phone.get_by_role("group", name=re.compile(r"^2\.1 ")).get_by_label("Don't know")
    ).to_be_checked()
    # Keyboard alone for section 2: every radio group is reachable and operable.
    first = phone.get_by_role("group", name=re.compile(r"^2\.2 ")).get_by_label("Not yet")
    first.focus()
    phone.keyboard.press("Space")
    expect(first).to_be_checked()
    rate_section(phone, 2, "Emerging")
    phone.get_by_role("button", name="Save and continue").click()
    rate_section(phone, 3, "Established")
    phone.get_by_role("button", name="Save and continue").click()
    rate_section(phone, 4, "Embedded")
    phone.get_by_role("button", name="Save and continue").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(phone.get_by_text("Board papers rarely cite evidence")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("button", name="Send answers").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your answers have been sent")
    assert_accessible(phone)
    other.close()

    response = Response.objects.get()
    assert response.submitted_at is not None
    levels = {r.element_code: r.level for r in response.ratings.all()}
    assert (levels["1.1"], levels["2.1"], levels["3.1"], levels["4.5"]) == (2, 1, 3, 4)


def test_a_facilitator_agrees_the_ratings_and_reads_the_results(page: Page, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation, title="Team review")
    for level in [1, 2, 2, 3, 0, 4]:
        submit(assessment, level, {"2.6": f"Comment at level {level}"})
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/")
    page.get_by_role("link", name="Agree the ratings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^1\.1 "))
    page.get_by_role("link", name="Agree the whole of section 1 on one page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("1 Leadership")
    assert_accessible(page)
    for number, section in enumerate(FRAMEWORK.sections, start=1):
        for element in section.elements:
            # Nothing is chosen for the group (#13): each level is chosen here.
            page.get_by_role("group", name=f"Agreed level for {element.code}").get_by_label(
                f"2 {FRAMEWORK.level(2).label}"
            ).check()
            page.get_by_role("group", name=f"How important is {element.code} now?").get_by_label(
                "High" if element.code in {"1.4", "3.2"} else "Medium"
            ).check()
        if number == 1:
            page.get_by_role("group", name="Agreed level for 1.4").get_by_label("0 Not yet").check()
            page.get_by_label("Rationale or dissent for 1.4 (optional)").fill(
                "No time for reflection"
            )
        page.get_by_role("button", name=re.compile("Save and")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Results: Team review")
    assert Consensus.objects.filter(assessment=assessment).count() == 23
    expect(
        page.get_by_role("img", name=re.compile("^Radar chart of the four sections"))
    ).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("^Heat map"))).to_be_visible()
    expect(
        page.get_by_text("Agreed Not yet, target Established, importance High: 3 × 3 = 9")
    ).to_be_visible()
    expect(page.get_by_text("Comment at level 4")).to_be_visible()
    assert_accessible(page)


def test_a_participant_can_take_part_with_javascript_off(
    page_without_javascript: Page, browser, live_server
):
    page = page_without_javascript
    assessment = AssessmentFactory()
    page.goto(f"/take/{assessment.participant_token}/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("link", name="Select a level for 1.1, or Don't know")).to_be_visible()
    rate_section(page, 1, "Emerging")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2 Behaviours")
    assert Response.objects.get().ratings.count() == 5
    page.get_by_role("button", name="Save and come back later").click()
    code = page.locator("#resume-code").inner_text().strip()

    # On a phone with JavaScript off, the code is typed into the resume page.
    other = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    phone = other.new_page()
    phone.set_viewport_size({"width": 375, "height": 740})
    phone.goto(f"/take/{assessment.participant_token}/resume/")
    phone.get_by_role("button", name="Continue").click()
    expect(phone.get_by_role("link", name="Enter your resume code")).to_be_visible()
    phone.get_by_label("Your resume code").fill(code)
    phone.get_by_role("button", name="Continue").click()
    expect(phone.get_by_text("5 of 23 elements answered")).to_be_visible()
    other.close()
