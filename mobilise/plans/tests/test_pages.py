"""The plan pages: suggestions, the plan, an element, an action, follow-up."""

import datetime

import icalendar
import pytest

from mobilise.assessments.models import Assessment, Consensus
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.html import error_summary, page, text
from mobilise.plans.models import CalendarFeed, LocalAction, NoActionRequired, PlanAction
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
    plan_page = text(page(signed_in.get(f"/assessments/{assessment.id}/plan/")))
    assert (
        plan_page.count("Review resources on the website") == 3
    )  # one table row and two task hints


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


def test_a_viewer_updates_only_the_status_and_adds_notes(client, viewer):
    client.force_login(viewer.user)
    assessment = AssessmentFactory(organisation=viewer.organisation)
    action = plans.add_custom_action(assessment, "Do", ["1.1"], HIGH)
    path = f"/assessments/{assessment.id}/plan/actions/{action.id}/"
    form = page(client.get(path))
    assert form.select_one("#id_owner") is None and form.select_one("#id_status") is not None
    client.post(path, {"status": "done", "owner": "Sneaky", "priority": "low"})
    client.post(path + "notes/", {"text": "Finished in March"})
    action.refresh_from_db()
    assert (action.status, action.owner, action.priority) == ("done", "", "high")
    assert action.notes.get().text == "Finished in March"
    assert client.get(element_url(assessment, "1.1")).status_code == 403
    assert client.post(path + "delete/").status_code == 403


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


def test_follow_up_lists_open_actions_filters_and_highlights_overdue(signed_in, assessment):
    plans.add_custom_action(
        assessment,
        "Late one",
        ["1.1"],
        plans.ActionFields(
            owner="Ann", due_on=datetime.date(2020, 1, 1), given={"owner", "due_on"}
        ),
    )
    plans.add_custom_action(
        assessment,
        "Bo's one",
        ["1.1"],
        plans.ActionFields(owner="Bo", status="in_progress", given={"owner", "status"}),
    )
    plans.add_custom_action(
        assessment, "Finished", ["1.1"], plans.ActionFields(status="done", given={"status"})
    )
    html = text(page(signed_in.get("/follow-up/")))
    assert "Late one" in html and "Bo's one" in html and "Finished" not in html
    assert "1 overdue" in html
    filtered = text(page(signed_in.get("/follow-up/", {"owner": "bo"})))
    assert "Bo's one" in filtered and "Late one" not in filtered
    assert "Late one" not in text(page(signed_in.get("/follow-up/", {"status": "in_progress"})))


def test_the_calendar_feed_is_secret_and_parses(signed_in, facilitator, assessment, client):
    plans.add_custom_action(
        assessment,
        "Due soon",
        ["1.1"],
        plans.ActionFields(due_on=datetime.date(2027, 5, 1), given={"due_on"}),
    )
    signed_in.get("/follow-up/")
    key = CalendarFeed.objects.get(membership=facilitator).key
    response = client.get(f"/calendar/{key}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Due: Due soon"]
    assert client.get("/calendar/wrong-key.ics").status_code == 404


def test_a_person_can_change_their_calendar_feeds_address(client, viewer):
    client.force_login(viewer.user)
    client.get("/follow-up/")
    old = CalendarFeed.objects.get(membership=viewer).key
    confirm = client.get("/follow-up/calendar/change/")
    assert confirm.status_code == 200
    assert "The old address stops working at once" in text(page(confirm))
    assert CalendarFeed.objects.get(membership=viewer).key == old  # nothing in one click
    changed = client.post("/follow-up/calendar/change/")
    assert changed.status_code == 302 and changed.url == "/follow-up/"
    new = CalendarFeed.objects.get(membership=viewer).key
    assert new != old
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200
    follow_up = page(client.get("/follow-up/"))
    assert (
        follow_up.select_one("#calendar-feed").get_text().strip().endswith(f"/calendar/{new}.ics")
    )


def test_local_actions_are_managed_by_admins_only(client, admin, viewer):
    client.force_login(viewer.user)
    assert client.post("/local-actions/", {"element": "2.1", "text": "Club"}).status_code == 403
    client.force_login(admin.user)
    missing = client.post("/local-actions/", {"element": "", "text": ""})
    assert [m for _, m in error_summary(missing)] == ["Select the element", "Enter the action"]
    client.post("/local-actions/", {"element": "2.1", "text": "Club", "good_practice": "Monthly"})
    local = LocalAction.objects.get()
    assert local.organisation == admin.organisation
    client.post(f"/local-actions/{local.id}/delete/")
    assert not LocalAction.objects.exists()
    # Both changes are in the organisation's history, by the admin.
    assert list(
        HistoryEntry.objects.filter(organisation=admin.organisation)
        .order_by("created_at")
        .values_list("summary", "actor")
    ) == [
        ("Added the local action “Club” for 2.1", admin.user.pk),
        ("Removed the local action “Club” for 2.1", admin.user.pk),
    ]


def test_reassessing_a_unit_carries_open_actions_and_compares(signed_in, assessment):
    submit(assessment, 1)
    Consensus.objects.create(assessment=assessment, element_code="1.1", level=1, importance="high")
    plans.add_custom_action(assessment, "Open", ["1.1"], HIGH)
    plans.add_custom_action(
        assessment, "Done", ["1.1"], plans.ActionFields(status="done", given={"status"})
    )
    response = signed_in.post(f"/assessments/{assessment.id}/reassess/")
    new = Assessment.objects.get(previous=assessment)
    assert response.url == f"/assessments/{new.id}/"
    assert [a.text for a in new.plan.actions.all()] == ["Open"]
    submit(new, 3)
    Consensus.objects.create(assessment=new, element_code="1.1", level=2, importance="high")
    html = page(signed_in.get(f"/assessments/{new.id}/comparison/"))
    assert html.select_one("img.app-chart")["alt"].startswith("Line chart of mean ratings")
    row = [text(td) for td in html.select("tbody tr")[2].select("td")]  # first element row
    assert row[:3] == ["1 Emerging", "2 Developing", "+1"]
    assert "Done" in row[-1]
    assert signed_in.get(f"/assessments/{assessment.id}/comparison/").status_code == 404


def test_the_history_page_shows_who_changed_what(signed_in, assessment, facilitator, outsider):
    action = plans.add_custom_action(assessment, "Do", ["1.1"], HIGH, facilitator.user)
    plans.update_action(
        action, plans.ActionFields(status="done", given={"status"}), user=facilitator.user
    )
    html = text(page(signed_in.get(f"/assessments/{assessment.id}/history/")))
    assert "Changed the action “Do”" in html and "Status: not_started → done" in html
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
