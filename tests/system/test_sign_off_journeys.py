"""Journeys: an admin names the facilitator who records that the Board agreed the plan;
a later change shows against the agreed version, which stays as it was."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.models import Role
from mobilise.accounts.tests.factories import PASSWORD, MembershipFactory
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.plans.models import PlanSignOff
from mobilise.plans.services import plan as plans
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SIZES = [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}]


@pytest.mark.parametrize("size", SIZES)
def test_the_board_agrees_the_plan_and_a_later_change_shows_against_it(
    page: Page, browser, live_server, admin, size
):
    page.set_viewport_size(size)
    facilitator = MembershipFactory(organisation=admin.organisation, role=Role.FACILITATOR)
    assessment = AssessmentFactory(organisation=admin.organisation, title="Board review")
    action = plans.add_custom_action(
        assessment, "Set up a journal club", ["2.1"], plans.ActionFields()
    )

    sign_in(page, admin.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/plan/")
    expect(page.get_by_text("The plan is a draft: it has not been agreed.")).to_be_visible()
    page.get_by_role("link", name="Record that the plan was agreed, and its versions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign-off of the action plan")
    page.get_by_label("Facilitator who may also record it").select_option(
        label=facilitator.user.display_name
    )
    page.get_by_role("button", name="Save who may record it").click()
    expect(page.get_by_text("may now record that the plan was agreed")).to_be_visible()
    assert_accessible(page)

    # The named facilitator records the sign-off, in a browser of their own.
    context = browser.new_context(base_url=live_server.url, viewport=size)
    theirs = context.new_page()
    sign_in(theirs, facilitator.user.username, PASSWORD)
    theirs.goto(f"/assessments/{assessment.id}/plan/sign-off/")
    theirs.get_by_role("button", name="Record the sign-off").click()
    expect(theirs.get_by_role("link", name="Enter who agreed the plan")).to_be_visible()
    assert_accessible(theirs)
    theirs.get_by_label("Who agreed the plan").fill("Trust Board")
    theirs.get_by_label("Meeting").fill("Trust Board, public meeting")
    theirs.get_by_label("Day").fill("26")
    theirs.get_by_label("Month").fill("11")
    theirs.get_by_label("Year").fill("2026")
    theirs.get_by_role("button", name="Record the sign-off").click()
    expect(theirs.get_by_text("The plan is recorded as agreed (version 1).")).to_be_visible()
    expect(theirs.get_by_role("row", name=re.compile("^Version 1"))).to_contain_text("Trust Board")
    assert_accessible(theirs)
    context.close()

    # Statuses move on; the plan says what changed since, the version stays as agreed.
    plans.update_action(action, plans.ActionFields(status="done", given={"status"}))
    page.goto(f"/assessments/{assessment.id}/plan/")
    expect(
        page.get_by_text(
            re.compile(
                "The plan was agreed by Trust Board at Trust Board, public meeting"
                " on 26 November 2026; 1 change since"
            )
        )
    ).to_be_visible()
    page.get_by_text("What changed since it was agreed (1)").click()
    expect(page.get_by_text("Status: Not started → Done")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="See the plan as agreed (version 1)").click()
    row = page.get_by_role("row", name=re.compile("^Set up a journal club"))
    expect(row).to_contain_text("Not started")
    assert_accessible(page)
    assert PlanSignOff.objects.get().recorded_by == facilitator.user
