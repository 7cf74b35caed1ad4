"""Journeys: follow-up filtered to My actions and overdue, paged; My actions on the home page."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.core.dates import uk_today
from mobilise.plans.models import ActionPlan, PlanAction, PlanActionElement
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SIZES = [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}]


def actions(assessment, count, *, member=None, first_due=-40, text="Action"):
    plan, _ = ActionPlan.objects.get_or_create(assessment=assessment)
    today = uk_today()
    for index in range(count):
        action = PlanAction.objects.create(
            plan=plan,
            text=f"{text} {index:02}",
            owner_member=member,
            owner=member.user.display_name if member else "Someone else",
            due_on=today + datetime.timedelta(days=first_due + index),
        )
        PlanActionElement.objects.create(action=action, element_code="1.1")


@pytest.mark.parametrize("size", SIZES)
def test_a_viewer_filters_to_their_overdue_actions_and_pages_on(page: Page, viewer, size):
    page.set_viewport_size(size)
    assessment = AssessmentFactory(organisation=viewer.organisation)
    actions(assessment, 30, member=viewer, text="Mine late")  # due 40 to 11 days ago
    actions(assessment, 5, member=viewer, first_due=5, text="Mine later")
    actions(assessment, 10, first_due=-30, text="Theirs late")

    sign_in(page, viewer.user.username, PASSWORD)
    page.goto("/")
    expect(page.get_by_role("heading", name="My actions")).to_be_visible()
    expect(page.get_by_role("link", name="Mine late 00")).to_be_visible()
    assert_accessible(page)

    page.goto("/follow-up/")
    expect(page.locator("#match-count")).to_have_text("45 actions: showing 1 to 25.")
    page.get_by_label("Owned by").select_option(label="My actions")
    page.get_by_label("Overdue actions only").check()
    page.get_by_role("button", name="Filter").click()

    expect(page).to_have_url(re.compile(r"member=me.*overdue=yes"))
    expect(page.locator("#match-count")).to_have_text("30 actions: showing 1 to 25.")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(25)
    expect(rows.first).to_contain_text("Mine late 00")
    expect(page.get_by_text("Theirs late 00")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("navigation", name="Pages of actions").get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.locator("#match-count")).to_have_text("30 actions: showing 26 to 30.")
    expect(rows).to_have_count(5)
    expect(rows.last).to_contain_text("Mine late 29")
    expect(page.get_by_label("Owned by")).to_have_value("me")
    expect(page.get_by_label("Overdue actions only")).to_be_checked()
    assert_accessible(page)


def test_bad_filters_in_the_url_are_named_in_the_error_summary(page: Page, viewer):
    sign_in(page, viewer.user.username, PASSWORD)
    page.goto("/follow-up/?status=finished&member=me")
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("Select a status from the list")
    summary.get_by_role("link", name="Select a status from the list").click()
    expect(page.get_by_label("Status")).to_be_focused()
    assert_accessible(page)
