"""Journeys: build a complete plan; a viewer updates an action; reassess and compare."""

import re

import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.assessments.models import Assessment, Consensus
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.plans.models import PlanAction
from mobilise.plans.services import plan as plans
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SHARED = "Review resources on the website to optimise your Knowledge and Library Service"


def test_a_facilitator_builds_a_complete_plan_from_the_suggestions(page: Page, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation, title="Board review")
    for code, level, importance in [("4.1", 1, "high"), ("4.3", 2, "medium"), ("4.5", 3, "low")]:
        Consensus.objects.create(
            assessment=assessment, element_code=code, level=level, importance=importance
        )
    for element in assessment.framework.elements:
        if element.code not in {"4.1", "4.3", "4.5"}:
            plans.mark_no_action(assessment, element.code, "Covered elsewhere")

    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/suggestions/")
    expect(
        page.get_by_text("Agreed Emerging, target Established, importance High: 2 × 3 = 6")
    ).to_be_visible()
    assert_accessible(page)

    page.goto(f"/assessments/{assessment.id}/plan/")
    page.get_by_role("link", name=re.compile("^4.1 Access to a Knowledge")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("^4.1 Access to a Knowledge")
    )
    assert_accessible(page)
    page.get_by_role("checkbox", name=SHARED).check()
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^4.3 "))
    expect(
        page.get_by_text("4.1 is covered. Next, the highest priority not yet covered: 4.3.")
    ).to_be_visible()
    page.get_by_role("checkbox", name=SHARED).check()
    page.get_by_label("Add an action of your own (optional)").fill(
        "Present the knowledge service strategy to the Board"
    )
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^4.5 "))
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("link", name=re.compile("^Choose at least one action"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("checkbox", name="No action required").check()
    page.get_by_label("Why no action is required (optional)").fill(
        "The knowledge service leads this"
    )
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_text("Every element is covered: the plan is complete.")).to_be_visible()
    expect(page.get_by_text("The plan is complete: every one of the 23 elements")).to_be_visible()
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows.filter(has_text=SHARED)).to_have_count(1)
    expect(rows.filter(has_text=SHARED).get_by_role("cell").first).to_contain_text("4.1, 4.3")
    assert_accessible(page)
    assert PlanAction.objects.filter(plan__assessment=assessment).count() == 2


def test_a_viewer_updates_the_status_of_an_action(page: Page, viewer):
    assessment = AssessmentFactory(organisation=viewer.organisation)
    action = plans.add_custom_action(
        assessment,
        "Set up a journal club",
        ["2.1"],
        plans.ActionFields(owner_member=viewer, given={"owner_member"}),
    )
    sign_in(page, viewer.user.username, PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Follow-up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Follow-up")
    assert_accessible(page)
    page.get_by_role("link", name="Set up a journal club").click()
    expect(page.get_by_label("Owner")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("radio", name="In progress").check()
    page.get_by_role("button", name="Save the action").click()
    expect(page.get_by_text("The action is saved.")).to_be_visible()  # back on the plan (#15)
    page.get_by_role("link", name="Set up a journal club").first.click()
    page.get_by_label("Add a progress note").fill("First meeting booked for May")
    page.get_by_role("button", name="Add the note").click()
    expect(page.get_by_text("First meeting booked for May")).to_be_visible()
    assert_accessible(page)
    action.refresh_from_db()
    assert action.status == "in_progress" and action.notes.count() == 1


def test_a_facilitator_reassesses_the_unit_and_reads_the_comparison(page: Page, facilitator):
    previous = AssessmentFactory(organisation=facilitator.organisation, title="Cycle one")
    submit(previous, 1)
    Consensus.objects.create(assessment=previous, element_code="1.4", level=0, importance="high")
    plans.add_custom_action(
        previous,
        "Hold After Action Reviews",
        ["1.4"],
        plans.ActionFields(status="done", given={"status"}),
    )
    plans.add_custom_action(
        previous,
        "Start action learning sets",
        ["1.4"],
        plans.ActionFields(status="in_progress", given={"status"}),
    )

    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{previous.id}/")
    page.get_by_role("button", name="Reassess this unit").click()
    # Nothing is created in one click (#15): a form asks first, closing this one by default.
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Reassess "))
    assert not Assessment.objects.filter(previous=previous).exists()
    assert_accessible(page)
    page.get_by_label("Title").fill("Cycle two")
    page.get_by_role("button", name="Start the reassessment").click()
    expect(page.get_by_text("1 open action was carried over")).to_be_visible()
    assert_accessible(page)
    previous.refresh_from_db()
    assert previous.status == "closed"

    current = Assessment.objects.get(previous=previous)
    submit(current, 2)
    Consensus.objects.create(assessment=current, element_code="1.4", level=2, importance="medium")
    page.get_by_role("link", name="Compare with the last assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change since the last assessment")
    row = page.get_by_role("row", name=re.compile("^1.4 Leaders building"))
    expect(row).to_contain_text("+2")
    expect(row).to_contain_text("Hold After Action Reviews")
    expect(page.get_by_role("img", name=re.compile("^Line chart of mean ratings"))).to_be_visible()
    assert_accessible(page)

    page.goto(f"/assessments/{current.id}/plan/")
    expect(page.get_by_text("Carried over from the last plan")).to_be_visible()


@pytest.mark.parametrize("size", [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}])
def test_removing_an_action_asks_on_a_page_of_its_own(page: Page, facilitator, size):
    page.set_viewport_size(size)
    assessment = AssessmentFactory(organisation=facilitator.organisation, title="Plan day")
    action = plans.add_custom_action(
        assessment,
        "Run a journal club",
        ["2.4"],
        plans.ActionFields(priority="high", given={"priority"}),
    )
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/plan/actions/{action.id}/")
    page.get_by_role("link", name="Remove this action from the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove the action from the plan?")
    expect(page.get_by_text("2.4 will have no action.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Keep it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Run a journal club")
    page.get_by_role("link", name="Remove this action from the plan").click()
    page.get_by_role("button", name="Remove the action").click()
    expect(page.get_by_text("“Run a journal club” is removed from the plan.")).to_be_visible()
    assert not PlanAction.objects.filter(pk=action.pk).exists()


TEN = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5"]


@pytest.mark.parametrize("size", [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}])
def test_a_plan_of_ten_actions_in_one_tick_and_one_save(page: Page, facilitator, viewer, size):
    """Build a plan of 10 actions from the suggestions page in one post, then give every
    action an owner and a due date in the plan's table in one more (#15)."""
    page.set_viewport_size(size)
    viewer.user.first_name, viewer.user.last_name = "Vik", "Viewer"
    viewer.user.save()
    assessment = AssessmentFactory(organisation=facilitator.organisation, title="Plan day")
    for code in TEN:
        Consensus.objects.create(
            assessment=assessment, element_code=code, level=1, importance="high"
        )
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/suggestions/")
    assert_accessible(page)
    for code in TEN:
        group = page.get_by_role("group", name=f"Actions to add for {code}")
        group.get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Add the ticked actions to the plan").click()
    expect(page.get_by_text("10 actions are added to the plan.")).to_be_visible()
    assert PlanAction.objects.filter(plan__assessment=assessment).count() == 10
    assert_accessible(page)

    for row in range(10):
        owner = page.locator(f"#id_row-{row}-owner")
        owner.fill("Vik")
        page.get_by_role("option", name="Vik Viewer").click()
        page.locator(f"#id_row-{row}-due_on").fill(str(row + 1))
        page.locator(f"#id_row-{row}-due_on-month").fill("6")
        page.locator(f"#id_row-{row}-due_on-year").fill("2027")
    page.locator("#id_row-9-due_on").fill("31")
    page.locator("#id_row-9-due_on-month").fill("2")
    page.get_by_role("button", name="Save the plan").click()
    # One wrong date: nothing is saved, and the summary leads to the row and field.
    expect(page.get_by_text("There is a problem: nothing was saved")).to_be_visible()
    assert_accessible(page)
    assert not PlanAction.objects.filter(plan__assessment=assessment).exclude(owner_member=None)
    page.get_by_role("link", name=re.compile("The due date must be a real date")).click()
    expect(page.locator("#id_row-9-due_on")).to_be_focused()
    page.locator("#id_row-9-due_on").fill("28")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_text("10 actions are saved.")).to_be_visible()
    assert_accessible(page)
    saved = PlanAction.objects.filter(plan__assessment=assessment)
    assert {a.owner_member_id for a in saved} == {viewer.id}
    assert sorted(a.due_on.day for a in saved) == [*range(1, 10), 28]


@pytest.mark.parametrize("size", [{"width": 1920, "height": 1080}, {"width": 375, "height": 740}])
def test_an_owner_is_chosen_by_typing_their_name(page: Page, facilitator, viewer, size):
    page.set_viewport_size(size)
    viewer.user.first_name, viewer.user.last_name = "Priya", "Shah"
    viewer.user.save()
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    action = plans.add_custom_action(
        assessment, "Run a journal club", ["2.4"], plans.ActionFields()
    )
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/plan/actions/{action.id}/")
    page.get_by_role("combobox", name="Owner").fill("pri")
    page.get_by_role("option", name="Priya Shah").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save the action").click()
    expect(page.get_by_text("The action is saved.")).to_be_visible()
    action.refresh_from_db()
    assert (action.owner_member, action.owner) == (viewer, "Priya Shah")


def test_without_javascript_the_owner_is_a_plain_select(
    page_without_javascript: Page, facilitator, viewer
):
    page = page_without_javascript
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    action = plans.add_custom_action(
        assessment, "Run a journal club", ["2.4"], plans.ActionFields()
    )
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{assessment.id}/plan/actions/{action.id}/")
    page.get_by_label("Owner", exact=True).select_option(label=viewer.user.display_name)
    page.get_by_role("button", name="Save the action").click()
    expect(page.get_by_text("The action is saved.")).to_be_visible()
    action.refresh_from_db()
    assert action.owner_member == viewer
