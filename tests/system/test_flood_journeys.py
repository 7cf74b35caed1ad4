"""Journeys: a flood refused in words; turnout, discarding a response; personal links."""

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.assessments.models import Mode, Response
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = [{"width": 1280, "height": 900}, {"width": 375, "height": 740}]


@pytest.mark.parametrize("size", WIDTHS, ids=["desktop", "phone"])
def test_a_participant_beyond_the_flood_limit_is_told_when_to_try_again(
    browser, live_server, settings, size
):
    settings.MOBILISE_FLOOD_BURST = 1
    settings.MOBILISE_FLOOD_INTERVAL_SECONDS = 3600
    # Its own context: the browser reports the page's 429 status on the console, as it must.
    context = browser.new_context(base_url=live_server.url, viewport=size)
    page = context.new_page()
    assessment = AssessmentFactory()
    page.goto(f"/take/{assessment.participant_token}/")
    page.get_by_role("button", name="Start now").click()
    page.context.clear_cookies()  # a scripted run with fresh cookies
    page.goto(f"/take/{assessment.participant_token}/")
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Too many people are answering from your network at once"
    )
    expect(page.get_by_text("Try again in")).to_be_visible()
    assert_accessible(page)
    assert Response.objects.count() == 1
    context.close()


@pytest.mark.parametrize("size", WIDTHS, ids=["desktop", "phone"])
def test_a_facilitator_sets_the_number_expected_and_discards_a_twin(page: Page, facilitator, size):
    page.set_viewport_size(size)
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    submit(assessment, 1)
    submit(assessment, 3)
    submit(assessment, 3)
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/expected/")
    page.get_by_label("How many people do you expect to answer?").fill("2")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("More answers than people expected").first).to_be_visible()
    expect(page.get_by_text("3 of 2 answered").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Check the responses").click()
    table = page.get_by_role("table", name="Responses and their levels, element by element")
    expect(table).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Discard response C").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Discard response C?")
    assert_accessible(page)
    assert Response.objects.filter(discarded=True).count() == 0
    page.get_by_role("button", name="Discard response C").click()
    expect(page.get_by_text("Response C is discarded")).to_be_visible()
    expect(page.get_by_text("2 of 2 answered")).to_be_visible()
    assert Response.objects.filter(discarded=True).count() == 1


@pytest.mark.parametrize("size", WIDTHS, ids=["desktop", "phone"])
def test_a_facilitator_makes_personal_links_and_one_is_used_once(
    page: Page, browser, live_server, facilitator, size
):
    page.set_viewport_size(size)
    assessment = AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/")
    page.get_by_role("link", name="Make personal links").click()
    assert_accessible(page)
    page.get_by_role("button", name="Make the links").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_focused()
    assert_accessible(page)
    page.get_by_label("How many links?").fill("2")
    page.get_by_role("button", name="Make the links").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your personal links")
    assert_accessible(page)
    links = page.get_by_label("2 links, one per line").input_value().split("\n")
    assert len(links) == 2 and all("/personal/" in link for link in links)
    expect(page.get_by_text("The shared link no longer takes answers")).to_be_visible()

    shared = browser.new_context(base_url=live_server.url).new_page()
    shared.goto(f"/take/{assessment.participant_token}/")
    expect(shared.get_by_role("heading", level=1)).to_have_text(
        "This assessment takes answers through personal links"
    )
    assert_accessible(shared)
    shared.context.close()
