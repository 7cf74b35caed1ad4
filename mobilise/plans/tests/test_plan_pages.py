"""The plan pages: suggestions, the plan, an element and an action."""

import datetime

import pytest

from mobilise.assessments.models import Consensus
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.core.tests.html import error_summary, page, text
from mobilise.plans.models import LocalAction, NoActionRequired, PlanAction
from mobilise.plans.services import plan as plans

pytestmark = pytest.mark.django_db
HIGH = plans.ActionFields(priority="high", given={"priority"})


def element_url(assessment, code):
    return f"/assessments/{assessment.id}/plan/element/{code}/"


def test_choosing_a_shared_option_under_two_elements_makes_one_action(signed_in, assessment):
    response = signed_in.post(
        element_url(assessment, "4.1"), {"chosen": ["4.1-c"], "priority": "high"}
    )
    assert response.status_code == 302
    signed_in.post(
        element_url(assessment, "4.3"), {"chosen": ["4.3-c", "4.3-a"], "priority": "medium"}
    )
    actions = {a.text: sorted(a.element_codes) for a in PlanAction.objects.all()}
    assert actions[
        "Review resources on the website to optimise your Knowledge and Library Service"
    ] == ["4.1", "4.3"]
    assert len(actions) == 2
    shown = page(signed_in.get(f"/assessments/{assessment.id}/plan/"))
    rows = shown.select("#plan-table tbody tr")
    assert [r for r in rows if "Review resources on the website" in r.select_one("a").text]
    assert len(rows) == 2  # one row for the shared action, one for 4.3-a
    task_lists = " ".join(text(t) for t in shown.select(".nhsuk-task-list"))
    assert task_lists.count("Review resources on the website") == 2  # under 4.1 and 4.3


def test_the_builder_shows_what_is_chosen_and_can_unchoose(signed_in, assessment):
    signed_in.post(element_url(assessment, "4.1"), {"chosen": ["4.1-c"], "priority": "high"})
    signed_in.post(element_url(assessment, "4.3"), {"chosen": ["4.3-c"], "priority": "high"})
    form = page(signed_in.get(element_url(assessment, "4.3")))
    assert form.select_one("input[value='4.3-c']").has_attr("checked")
    signed_in.post(element_url(assessment, "4.3"), {"custom": "Our own", "priority": "low"})
    action = PlanAction.objects.get(option_id="4.1-c")
    assert action.element_codes == ["4.1"]
    assert PlanAction.objects.get(text="Our own").priority == "low"


def test_no_action_required_with_a_reason_and_not_both(signed_in, assessment):
    both = signed_in.post(
        element_url(assessment, "2.3"), {"chosen": ["2.3-a"], "no_action": "on", "priority": "high"}
    )
    assert error_summary(both) == [
        ("#id_no_action", "Choose actions or No action required, not both")
    ]
    nothing = signed_in.post(element_url(assessment, "2.3"), {"priority": "high"})
    assert error_summary(nothing)[0][1].startswith("Choose at least one action")
    assert not PlanAction.objects.exists()
    signed_in.post(
        element_url(assessment, "2.3"),
        {"no_action": "on", "reason": "A strength", "priority": "high"},
    )
    assert NoActionRequired.objects.get().reason == "A strength"


def test_the_builder_moves_to_the_next_uncovered_element(signed_in, assessment):
    response = signed_in.post(
        element_url(assessment, "1.1"), {"no_action": "on", "priority": "high"}
    )
    assert response.url == element_url(assessment, "1.2")


def test_local_actions_appear_in_the_builder_marked_as_local(signed_in, assessment, facilitator):
    local = LocalAction.objects.create(
        organisation=facilitator.organisation,
        element_code="2.1",
        text="Journal club",
        good_practice="ED runs one monthly",
    )
    html = text(page(signed_in.get(element_url(assessment, "2.1"))))
    assert "Journal club" in html and "Local action. Good practice: ED runs one monthly" in html
    signed_in.post(
        element_url(assessment, "2.1"), {"chosen": [f"local:{local.id}"], "priority": "high"}
    )
    assert PlanAction.objects.get().local_action == local


def test_an_editor_updates_an_action_and_a_past_due_date_is_accepted_with_a_warning(
    signed_in, assessment
):
    action = plans.add_custom_action(assessment, "Do", ["1.1"], HIGH)
    data = {
        "priority": "low",
        "owner": "Lead",
        "owner_email": "lead@nhs.net",
        "due_on_day": "1",
        "due_on_month": "1",
        "due_on_year": "2024",
        "measure": "Used",
        "status": "in_progress",
    }
    response = signed_in.post(
        f"/assessments/{assessment.id}/plan/actions/{action.id}/", data, follow=True
    )
    action.refresh_from_db()
    assert (action.priority, action.owner, action.due_on, action.status) == (
        "low",
        "Lead",
        datetime.date(2024, 1, 1),
        "in_progress",
    )
    body = text(page(response))
    assert "The due date is in the past" in body and "Overdue" in body


def test_bad_action_fields_are_named(signed_in, assessment):
    action = plans.add_custom_action(assessment, "Do", ["1.1"], HIGH)
    data = {
        "priority": "urgent",
        "owner_email": "not an email",
        "due_on_day": "31",
        "due_on_month": "2",
        "due_on_year": "2027",
        "status": "done",
    }
    response = signed_in.post(f"/assessments/{assessment.id}/plan/actions/{action.id}/", data)
    links = dict(error_summary(response))
    assert set(links) == {"#id_priority", "#id_owner_email", "#id_due_on"}
    action.refresh_from_db()
    assert action.status == "not_started"


def test_a_viewer_updates_only_the_status_of_an_action_they_own_and_adds_notes(client, viewer):
    client.force_login(viewer.user)
    assessment = AssessmentFactory(organisation=viewer.organisation)
    owned = plans.ActionFields(
        priority="high", owner_member=viewer, given={"priority", "owner_member"}
    )
    action = plans.add_custom_action(assessment, "Do", ["1.1"], owned)
    path = f"/assessments/{assessment.id}/plan/actions/{action.id}/"
    form = page(client.get(path))
    assert form.select_one("#id_owner") is None and form.select_one("#id_status") is not None
    client.post(path, {"status": "done", "owner": "Sneaky", "priority": "low"})
    client.post(path + "notes/", {"text": "Finished in March"})
    action.refresh_from_db()
    assert (action.status, action.owner_member, action.priority) == ("done", viewer, "high")
    assert action.notes.get().text == "Finished in March"
    assert client.get(element_url(assessment, "1.1")).status_code == 403
    assert client.post(path + "delete/").status_code == 403


def test_a_viewer_cannot_change_or_note_an_action_someone_else_owns(client, viewer):
    client.force_login(viewer.user)
    assessment = AssessmentFactory(organisation=viewer.organisation)
    action = plans.add_custom_action(assessment, "Theirs", ["1.1"], HIGH)
    path = f"/assessments/{assessment.id}/plan/actions/{action.id}/"
    shown = page(client.get(path))
    assert shown.select_one("#id_status") is None
    assert "Only the action's owner" in text(shown)
    assert client.post(path, {"status": "done"}).status_code == 403
    assert client.post(path + "notes/", {"text": "Not mine"}).status_code == 403
    action.refresh_from_db()
    assert action.status == "not_started" and not action.notes.exists()


def test_an_empty_note_is_refused(signed_in, assessment):
    action = plans.add_custom_action(assessment, "Do", ["1.1"], HIGH)
    response = signed_in.post(
        f"/assessments/{assessment.id}/plan/actions/{action.id}/notes/", {"text": ""}
    )
    assert error_summary(response) == [("#id_text", "Enter the progress note")]


def test_it_checks_ownership(signed_in, outsider):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    action = plans.add_custom_action(theirs, "Southshire's own secret action", ["1.1"], HIGH)
    for path in [
        "plan/",
        "suggestions/",
        "plan/element/1.1/",
        f"plan/actions/{action.id}/",
        "comparison/",
    ]:
        assert signed_in.get(f"/assessments/{theirs.id}/{path}").status_code == 404, path
    assert signed_in.post(f"/assessments/{theirs.id}/reassess/").status_code == 404
    assert "Southshire's own secret action" not in text(page(signed_in.get("/follow-up/")))


def test_the_history_page_shows_who_changed_what(signed_in, assessment, facilitator, outsider):
    action = plans.add_custom_action(assessment, "Do", ["1.1"], HIGH, facilitator.user)
    plans.update_action(
        action, plans.ActionFields(status="done", given={"status"}), user=facilitator.user
    )
    html = text(page(signed_in.get(f"/assessments/{assessment.id}/history/")))
    assert "Changed the action “Do”" in html and "Status: Not started → Done" in html
    assert facilitator.user.username in html
    theirs = AssessmentFactory(organisation=outsider.organisation)
    assert signed_in.get(f"/assessments/{theirs.id}/history/").status_code == 404


def test_unticking_the_last_element_of_an_action_removes_the_action(signed_in, assessment):
    signed_in.post(element_url(assessment, "1.2"), {"chosen": ["1.2-a"], "priority": "high"})
    signed_in.post(element_url(assessment, "1.2"), {"no_action": "on", "priority": "high"})
    assert not PlanAction.objects.exists()
    assert NoActionRequired.objects.get().element_code == "1.2"


def test_own_actions_can_be_kept_or_unticked_and_conflicts_are_explained(signed_in, assessment):
    signed_in.post(element_url(assessment, "2.1"), {"custom": "Journal club", "priority": "high"})
    own = PlanAction.objects.get()
    form = page(signed_in.get(element_url(assessment, "2.1")))
    assert form.select_one(f"input[value='own:{own.id}']").has_attr("checked")
    both = signed_in.post(
        element_url(assessment, "2.1"),
        {"chosen": [f"own:{own.id}"], "no_action": "on", "priority": "high"},
    )
    assert error_summary(both)[0][1] == "Choose actions or No action required, not both"
    unchanged = signed_in.post(
        element_url(assessment, "2.1"), {"chosen": [f"own:{own.id}"], "priority": "high"}
    )
    assert unchanged.status_code == 302 and PlanAction.objects.count() == 1
    signed_in.post(element_url(assessment, "2.1"), {"no_action": "on", "priority": "high"})
    assert (
        not PlanAction.objects.exists()
        and NoActionRequired.objects.filter(element_code="2.1").exists()
    )


def test_removing_an_action_asks_first_and_says_what_it_changes(signed_in, assessment):
    only = plans.add_custom_action(assessment, "Only cover", ["2.4"], HIGH)
    plans.add_custom_action(assessment, "Shared", ["2.5"], HIGH)
    second = plans.add_custom_action(assessment, "Also 2.5", ["2.5"], HIGH)
    url = f"/assessments/{assessment.id}/plan/actions/{only.id}/delete/"
    html = text(page(signed_in.get(url)))
    assert PlanAction.objects.filter(pk=only.pk).exists()
    assert "The plan will cover 1 of 23 elements: 2.4 will have no action." in html
    other = text(
        page(signed_in.get(f"/assessments/{assessment.id}/plan/actions/{second.id}/delete/"))
    )
    assert "every element it covers now stays covered" in other
    response = signed_in.post(url)
    assert response.url == f"/assessments/{assessment.id}/plan/"
    assert not PlanAction.objects.filter(pk=only.pk).exists()


def test_next_goes_to_the_highest_priority_not_yet_covered(signed_in, assessment):
    # 3.1 has the largest gap on a high importance, then 2.2; 1.1 is agreed at its target.
    for code, level, importance in [("1.1", 3, "high"), ("2.2", 1, "medium"), ("3.1", 0, "high")]:
        Consensus.objects.create(
            assessment=assessment, element_code=code, level=level, importance=importance
        )
    response = signed_in.post(
        element_url(assessment, "1.1"), {"no_action": "on", "reason": "", "priority": "high"}
    )
    assert response.url == element_url(assessment, "3.1")
    response = signed_in.post(
        element_url(assessment, "3.1"), {"no_action": "on", "reason": "", "priority": "high"}
    )
    assert response.url == element_url(assessment, "2.2")


def test_saving_an_action_goes_back_to_the_plan(signed_in, assessment):
    action = plans.add_custom_action(assessment, "Do", ["1.1"], HIGH)
    response = signed_in.post(
        f"/assessments/{assessment.id}/plan/actions/{action.id}/",
        {"priority": "low", "status": "not_started"},
    )
    assert response.url == f"/assessments/{assessment.id}/plan/"


def table_post(actions, **changes) -> dict:
    """The plan table as the page posts it, with `changes` ({"0-status": "done"}) made."""
    data = {"row-count": str(len(actions))}
    for index, action in enumerate(actions):
        row = f"row-{index}-"
        data |= {
            row + "action": str(action.id),
            row + "owner": str(action.owner_member_id or ""),
            row + "priority": action.priority,
            row + "status": action.status,
            row + "due_on_day": str(action.due_on.day) if action.due_on else "",
            row + "due_on_month": str(action.due_on.month) if action.due_on else "",
            row + "due_on_year": str(action.due_on.year) if action.due_on else "",
        }
    return data | {f"row-{k.replace('_', '-', 0)}": v for k, v in changes.items()}


def test_the_plan_table_saves_every_row_in_one_post(signed_in, assessment, facilitator, viewer):
    actions = [plans.add_custom_action(assessment, f"Action {n}", ["1.1"], HIGH) for n in range(3)]
    path = f"/assessments/{assessment.id}/plan/"
    shown = page(signed_in.get(path))
    assert shown.select_one("#id_row-2-owner") is not None
    assert shown.select_one("form[data-warn-unsaved]") is not None
    assert shown.select_one("#plan-table input[name=csrfmiddlewaretoken]")["value"]
    changes = {}
    for index, who in enumerate([facilitator, viewer, facilitator]):
        changes |= {
            f"{index}-owner": str(who.id),
            f"{index}-due_on_day": "31",
            f"{index}-due_on_month": "3",
            f"{index}-due_on_year": "2027",
        }
    changes["1-status"] = "in_progress"
    response = signed_in.post(path, table_post(actions, **changes))
    assert response.status_code == 302 and response["Location"] == path
    got = {a.text: (a.owner_member, a.due_on, a.status) for a in PlanAction.objects.all()}
    march = datetime.date(2027, 3, 31)
    assert got == {
        "Action 0": (facilitator, march, "not_started"),
        "Action 1": (viewer, march, "in_progress"),
        "Action 2": (facilitator, march, "not_started"),
    }
    assert "3 actions are saved." in text(page(signed_in.get(path)))


def test_one_wrong_row_saves_nothing_and_is_shown_against_its_field(signed_in, assessment, viewer):
    actions = [plans.add_custom_action(assessment, f"Action {n}", ["1.1"], HIGH) for n in range(3)]
    path = f"/assessments/{assessment.id}/plan/"
    response = signed_in.post(
        path,
        table_post(
            actions,
            **{
                "0-owner": str(viewer.id),
                "2-due_on_day": "31",
                "2-due_on_month": "2",
                "2-due_on_year": "2027",
            },
        ),
    )
    assert response.status_code == 200
    assert error_summary(response) == [
        ("#id_row-2-due_on", "“Action 2”: The due date must be a real date")
    ]
    assert not PlanAction.objects.exclude(owner_member=None).exists()


def test_a_service_refusal_lands_on_its_row_and_undoes_the_others(signed_in, assessment, viewer):
    dropped = plans.ActionFields(priority="high", status="dropped", given={"priority", "status"})
    first = plans.add_custom_action(assessment, "Kept", ["1.1"], HIGH)
    second = plans.add_custom_action(assessment, "Dropped", ["1.2"], dropped)
    plans.mark_no_action(assessment, "1.2")
    actions = [first, second]  # high priority, oldest first: the table's order
    response = signed_in.post(
        f"/assessments/{assessment.id}/plan/",
        table_post(actions, **{"0-owner": str(viewer.id), "1-status": "not_started"}),
    )
    assert error_summary(response) == [
        ("#id_row-1-status", "“Dropped”: 1.2 is marked No action required")
    ]
    first.refresh_from_db()
    assert first.owner_member is None


def test_a_table_opened_before_the_plan_changed_is_refused(signed_in, assessment):
    actions = [plans.add_custom_action(assessment, f"Action {n}", ["1.1"], HIGH) for n in range(2)]
    posted = table_post(actions, **{"0-status": "done"})
    plans.add_custom_action(assessment, "Added meanwhile", ["1.2"], HIGH)
    response = signed_in.post(f"/assessments/{assessment.id}/plan/", posted)
    assert response.status_code == 200
    assert "The plan changed while you were editing it" in error_summary(response)[0][1]
    assert not PlanAction.objects.filter(status="done").exists()


def test_viewers_see_the_plan_as_a_table_without_a_form(client, viewer):
    client.force_login(viewer.user)
    assessment = AssessmentFactory(organisation=viewer.organisation)
    plans.add_custom_action(assessment, "Do", ["1.1"], HIGH)
    path = f"/assessments/{assessment.id}/plan/"
    assert page(client.get(path)).select_one("#plan-table") is None
    assert client.post(path, {"row-count": "1"}).status_code == 403


def agree(assessment, *rows):
    for code, level, importance in rows:
        Consensus.objects.create(
            assessment=assessment, element_code=code, level=level, importance=importance
        )


def test_ticking_options_on_the_suggestions_page_adds_them_all_in_one_post(
    signed_in, assessment, viewer
):
    agree(assessment, ("3.1", 0, "high"), ("4.1", 1, "low"), ("4.3", 1, "medium"))
    local = LocalAction.objects.create(
        organisation=assessment.organisation, element_code="3.1", text="Our own way"
    )
    path = f"/assessments/{assessment.id}/suggestions/"
    shown = page(signed_in.get(path))
    assert shown.select_one("#id_chosen")["value"] == "3.1|3.1-a"  # the summary's link lands
    ticked = ["3.1|3.1-a", f"3.1|local:{local.id}", "4.1|4.1-c", "4.3|4.3-c"]
    response = signed_in.post(
        path,
        {
            "chosen": ticked,
            "owner_member": str(viewer.id),
            "due_on_day": "30",
            "due_on_month": "6",
            "due_on_year": "2027",
        },
    )
    assert response.url == f"/assessments/{assessment.id}/plan/"
    got = {
        a.text[:20]: (sorted(a.element_codes), a.priority, a.owner_member, a.due_on)
        for a in PlanAction.objects.all()
    }
    june = datetime.date(2027, 6, 30)
    assert len(got) == 3  # 4.1-c and 4.3-c are the same action, serving both
    assert got["Our own way"] == (["3.1"], "high", viewer, june)
    assert got["Review resources on "] == (["4.1", "4.3"], "low", viewer, june)
    shown = text(page(signed_in.get(path)))
    assert "In the plan" in shown


def test_ticking_nothing_or_an_element_marked_no_action_saves_nothing(signed_in, assessment):
    agree(assessment, ("3.1", 0, "high"), ("1.1", 1, "high"))
    plans.mark_no_action(assessment, "1.1")
    path = f"/assessments/{assessment.id}/suggestions/"
    response = signed_in.post(path, {"chosen": []})
    assert error_summary(response) == [
        ("#id_chosen", "Tick at least one action to add to the plan")
    ]
    response = signed_in.post(path, {"chosen": ["3.1|3.1-a", "1.1|1.1-a"]})
    assert error_summary(response) == [("#id_chosen", "1.1 is marked No action required")]
    response = signed_in.post(
        path,
        {"chosen": ["3.1|3.1-a"], "due_on_day": "40", "due_on_month": "1", "due_on_year": "2027"},
    )
    assert [field for field, _ in error_summary(response)] == ["#id_due_on"]
    assert not PlanAction.objects.exists()


def test_viewers_read_the_suggestions_but_cannot_tick(client, viewer):
    client.force_login(viewer.user)
    assessment = AssessmentFactory(organisation=viewer.organisation)
    agree(assessment, ("3.1", 0, "high"))
    path = f"/assessments/{assessment.id}/suggestions/"
    assert page(client.get(path)).select_one("input[name=chosen]") is None
    assert client.post(path, {"chosen": ["3.1|3.1-a"]}).status_code == 403


def test_removing_no_action_required_asks_first_and_says_what_it_changes(signed_in, assessment):
    plans.mark_no_action(assessment, "2.3", "A strength")
    plans.add_custom_action(assessment, "Do", ["1.1"], HIGH)
    url = f"/assessments/{assessment.id}/plan/element/2.3/no-action/remove/"
    assert url in str(page(signed_in.get(element_url(assessment, "2.3"))))
    shown = text(page(signed_in.get(url)))
    assert "“A strength”" in shown
    assert "The plan will cover 1 of 23 elements: 2.3 will have no action." in shown
    assert NoActionRequired.objects.filter(element_code="2.3").exists()  # asking removed nothing
    response = signed_in.post(url)
    assert response.url == element_url(assessment, "2.3")
    assert not NoActionRequired.objects.filter(element_code="2.3").exists()
    assert signed_in.get(url).status_code == 404  # nothing left to remove


def test_only_editors_remove_no_action_required(client, viewer):
    client.force_login(viewer.user)
    assessment = AssessmentFactory(organisation=viewer.organisation)
    plans.mark_no_action(assessment, "2.3")
    url = f"/assessments/{assessment.id}/plan/element/2.3/no-action/remove/"
    assert client.get(url).status_code == 403 and client.post(url).status_code == 403
    assert NoActionRequired.objects.filter(element_code="2.3").exists()


def test_no_action_required_is_ticked_on_the_suggestions_page_too(signed_in, assessment):
    agree(assessment, ("3.1", 0, "high"), ("2.3", 3, "low"))
    path = f"/assessments/{assessment.id}/suggestions/"
    shown = page(signed_in.get(path))
    exclusive = shown.select_one("input[value='2.3|none']")
    assert exclusive["data-behaviour"] == "exclusive"  # the design system unticks the others
    response = signed_in.post(path, {"chosen": ["3.1|3.1-a", "2.3|none"]})
    assert response.url == f"/assessments/{assessment.id}/plan/"
    assert NoActionRequired.objects.filter(element_code="2.3").exists()
    assert PlanAction.objects.get().element_codes == ["3.1"]
    refused = signed_in.post(path, {"chosen": ["3.1|3.1-b", "3.1|none"]})
    assert refused.status_code == 200  # 3.1 has an action now: its "none" is no longer offered
    assert PlanAction.objects.count() == 1
