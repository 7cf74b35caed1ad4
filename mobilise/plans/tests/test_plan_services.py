"""The plan service: actions, coverage, notes, reminders, follow-up and reassessment."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command

from mobilise.assessments.models import Consensus
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.audit.models import HistoryEntry
from mobilise.core.errors import Conflict, InvalidInput, NotAllowed
from mobilise.plans.models import ActionStatus, LocalAction, PlanAction, ReminderSent, overdue
from mobilise.plans.services import plan as plans
from mobilise.plans.services.followup import Filters, calendar, open_actions, send_reminders
from mobilise.plans.services.reassess import comparison, cycles, start_reassessment
from mobilise.plans.services.suggestions import suggestions, suggestions_as_list

pytestmark = pytest.mark.django_db
FIELDS = plans.ActionFields(priority="high", given={"priority"})


def agree(assessment, code, level, importance, target=3):
    Consensus.objects.create(
        assessment=assessment, element_code=code, level=level, importance=importance, target=target
    )


def test_suggestions_rank_by_gap_times_importance_ties_in_framework_order(organisation):
    assessment = AssessmentFactory(organisation=organisation)
    agree(assessment, "2.1", 1, "high")  # 2 x 3 = 6
    agree(assessment, "1.4", 0, "medium")  # 3 x 2 = 6, earlier in the framework
    agree(assessment, "4.5", 3, "high")  # 0
    agree(assessment, "3.2", 1, "low", target=4)  # 3 x 1 = 3
    LocalAction.objects.create(
        organisation=organisation, element_code="2.1", text="Our journal club"
    )
    found = suggestions(assessment)
    assert [(s.element.code, s.score) for s in found.ranked] == [
        ("1.4", 6),
        ("2.1", 6),
        ("3.2", 3),
        ("4.5", 0),
    ]
    assert (
        found.ranked[1].reason == "Agreed Emerging, target Established, importance High: 2 × 3 = 6"
    )
    assert len(found.unrated) == 19
    data = suggestions_as_list(found)
    assert data[1]["options"][-1] == {
        "id": str(LocalAction.objects.get().id),
        "text": "Our journal club",
        "local": True,
    }
    assert data[1]["options"][0] == {
        "id": "2.1-a",
        "text": found.ranked[1].options[0].text,
        "local": False,
    }


def test_a_shared_option_is_one_action_serving_every_element_it_was_chosen_for():
    assessment = AssessmentFactory()
    first, created = plans.add_catalogue_action(assessment, "4.1-c", ["4.1"], FIELDS)
    second, again = plans.add_catalogue_action(
        assessment, "4.5-b", ["4.5", "4.3"], plans.ActionFields(priority="low", given={"priority"})
    )
    assert created and not again and first.pk == second.pk
    assert sorted(second.element_codes) == ["4.1", "4.3", "4.5"]
    assert PlanAction.objects.count() == 1
    assert PlanAction.objects.get().priority == "high"  # the other fields unchanged
    assert PlanAction.objects.get().option_id == "4.1-c"


def test_an_option_may_only_name_elements_it_belongs_to():
    assessment = AssessmentFactory()
    with pytest.raises(InvalidInput) as raised:
        plans.add_catalogue_action(assessment, "4.1-c", ["4.1", "1.1"], FIELDS)
    assert raised.value.errors[0].loc == ("elements", 1)
    assert not PlanAction.objects.exists()


@pytest.mark.parametrize(
    ("call", "loc"),
    [
        (lambda a: plans.add_catalogue_action(a, "9.9-z", ["1.1"], FIELDS), ("option_id",)),
        (lambda a: plans.add_catalogue_action(a, "1.1-a", [], FIELDS), ("elements",)),
        (lambda a: plans.add_custom_action(a, "   ", ["1.1"], FIELDS), ("text",)),
        (
            lambda a: plans.add_custom_action(
                a, "Do it", ["1.1"], plans.ActionFields(priority="urgent", given={"priority"})
            ),
            ("priority",),
        ),
        (
            lambda a: plans.add_custom_action(
                a, "Do it", ["1.1"], plans.ActionFields(status="finished", given={"status"})
            ),
            ("status",),
        ),
        (lambda a: plans.add_custom_action(a, "Do it", ["7.7"], FIELDS), ("elements", 0)),
    ],
)
def test_bad_actions_name_the_field_and_save_nothing(call, loc):
    assessment = AssessmentFactory()
    with pytest.raises(InvalidInput) as raised:
        call(assessment)
    assert loc in [e.loc for e in raised.value.errors]
    assert not PlanAction.objects.exists()


def test_custom_actions_are_never_merged():
    assessment = AssessmentFactory()
    plans.add_custom_action(assessment, "Run a journal club", ["2.1"], FIELDS)
    plans.add_custom_action(assessment, "Run a journal club", ["2.1"], FIELDS)
    assert PlanAction.objects.count() == 2


def test_the_plan_is_complete_when_every_element_is_covered():
    assessment = AssessmentFactory()
    codes = [e.code for e in assessment.framework.elements]
    for code in codes[:-1]:
        plans.mark_no_action(assessment, code, "Fine")
    assert plans.coverage(assessment).missing == ["4.5"]
    action = plans.add_custom_action(assessment, "Invest", ["4.5"], FIELDS)
    assert plans.coverage(assessment).complete
    plans.update_action(action, plans.ActionFields(status="dropped", given={"status"}))
    assert plans.coverage(assessment).missing == ["4.5"]  # a dropped action covers nothing


def test_an_element_cannot_have_both_kinds_of_cover():
    assessment = AssessmentFactory()
    plans.add_custom_action(assessment, "Invest", ["4.5"], FIELDS)
    with pytest.raises(Conflict):
        plans.mark_no_action(assessment, "4.5")
    plans.mark_no_action(assessment, "4.4")
    with pytest.raises(Conflict):
        plans.add_catalogue_action(assessment, "4.4-a", ["4.4"], FIELDS)
    assert PlanAction.objects.count() == 1


def test_marking_no_action_again_updates_the_reason():
    assessment = AssessmentFactory()
    _, created = plans.mark_no_action(assessment, "2.3", "First")
    marked, again = plans.mark_no_action(assessment, "2.3", "Second")
    assert created and not again and marked.reason == "Second"


def test_changes_are_recorded_in_the_history(facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    action = plans.add_custom_action(assessment, "Invest", ["4.5"], FIELDS, facilitator.user)
    plans.update_action(
        action,
        plans.ActionFields(status="in_progress", owner="Lead", given={"status", "owner"}),
        user=facilitator.user,
    )
    plans.add_note(action, "Budget agreed", facilitator.user)
    entries = list(HistoryEntry.objects.filter(assessment=assessment).order_by("created_at"))
    assert [e.summary for e in entries] == [
        "Added the action “Invest” for 4.5",
        "Changed the action “Invest”",
        "Added a progress note to “Invest”",
    ]
    assert entries[1].changes == {"owner": ["", "Lead"], "status": ["not_started", "in_progress"]}
    assert entries[1].actor == facilitator.user


def test_a_note_over_2000_characters_is_refused():
    action = plans.add_custom_action(AssessmentFactory(), "Invest", ["4.5"], FIELDS)
    with pytest.raises(InvalidInput, match="2,000"):
        plans.add_note(action, "x" * 2001)
    assert not action.notes.exists()


def test_a_reassessment_carries_the_open_actions_over(facilitator):
    previous = AssessmentFactory(organisation=facilitator.organisation)
    done = plans.add_custom_action(
        previous, "Done one", ["1.1"], plans.ActionFields(status="done", given={"status"})
    )
    plans.add_custom_action(
        previous,
        "Open one",
        ["1.2", "1.3"],
        plans.ActionFields(owner="Ann", status="in_progress", given={"owner", "status"}),
    )
    plans.add_custom_action(
        previous, "Dropped one", ["1.4"], plans.ActionFields(status="dropped", given={"status"})
    )
    assessment = start_reassessment(previous, facilitator.user)
    assert assessment.previous == previous and assessment.unit == previous.unit
    carried = list(assessment.plan.actions.all())
    assert [(a.text, a.owner, a.status, sorted(a.element_codes)) for a in carried] == [
        ("Open one", "Ann", "in_progress", ["1.2", "1.3"])
    ]
    assert carried[0].carried_over_from.plan.assessment == previous
    assert cycles(assessment) == [previous, assessment]
    assert done.status == ActionStatus.DONE


def test_the_comparison_shows_the_change_beside_the_actions_done():
    previous = AssessmentFactory()
    submit(previous, 1)
    agree(previous, "1.1", 1, "high")
    plans.add_custom_action(
        previous, "Summaries", ["1.1"], plans.ActionFields(status="done", given={"status"})
    )
    assessment = start_reassessment(previous)
    submit(assessment, 2)
    agree(assessment, "1.1", 3, "medium")
    found = comparison(assessment)
    row = found.elements[0]
    assert (row.element, row.previous_agreed, row.agreed, row.agreed_change) == ("1.1", 1, 3, 2)
    assert (row.previous_median, row.median, row.median_change) == (1, 2, 1)
    assert [a.text for a in row.done] == ["Summaries"]
    assert found.elements[1].agreed_change is None
    assert comparison(previous) is None


def action_due(
    assessment,
    days: int,
    email="owner@nhs.net",
    status="not_started",
    today=datetime.date(2027, 3, 1),
):
    return plans.add_custom_action(
        assessment,
        f"Due in {days} days",
        ["1.1"],
        plans.ActionFields(
            owner="Owner",
            owner_email=email,
            due_on=today + datetime.timedelta(days=days),
            status=status,
            given={"owner", "owner_email", "due_on", "status"},
        ),
    )


def test_reminders_go_once_a_day_to_owners_of_actions_due_soon_or_overdue():
    assessment = AssessmentFactory()
    today = datetime.date(2027, 3, 1)
    action_due(assessment, 14, "soon@nhs.net")
    action_due(assessment, -3, "late@nhs.net")
    action_due(assessment, 15, "later@nhs.net")
    action_due(assessment, 2, "")  # no address: nobody to tell
    action_due(assessment, 2, "done@nhs.net", status="done")
    assert send_reminders(today) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["late@nhs.net", "soon@nhs.net"]
    late = next(m for m in mail.outbox if m.to == ["late@nhs.net"])
    assert late.subject.startswith("Action overdue") and "was due on 26 February 2027" in late.body
    assert send_reminders(today) == 0
    assert len(mail.outbox) == 2
    # The next day: the same two again, and the one due in 15 days is now due in 14.
    assert send_reminders(today + datetime.timedelta(days=1)) == 3
    assert ReminderSent.objects.count() == 5


def test_the_send_reminders_command_reports_what_it_sent(capsys):
    action_due(AssessmentFactory(), -1, today=datetime.date.today())
    call_command("send_reminders")
    call_command("send_reminders")
    assert capsys.readouterr().out.splitlines() == ["Sent 1 reminder", "Sent 0 reminders"]


def test_the_calendar_feed_parses_back_with_the_due_dates(facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    action = action_due(assessment, 5)
    action_due(assessment, 6, status="done")
    other = AssessmentFactory()
    action_due(other, 7)
    parsed = icalendar.Calendar.from_ical(calendar(facilitator))
    events = list(parsed.walk("VEVENT"))
    assert len(events) == 1
    assert events[0]["uid"] == f"{action.id}@mobilise"
    assert events[0].decoded("dtstart") == action.due_on
    assert str(events[0]["summary"]) == "Due: Due in 5 days"


def test_open_actions_filter_by_owner_status_and_due_date(organisation):
    assessment = AssessmentFactory(organisation=organisation)
    today = datetime.date(2027, 3, 1)
    plans.add_custom_action(
        assessment,
        "A",
        ["1.1"],
        plans.ActionFields(owner="Ann Lee", due_on=today, given={"owner", "due_on"}),
    )
    plans.add_custom_action(
        assessment,
        "B",
        ["1.1"],
        plans.ActionFields(
            owner="Bo",
            status="in_progress",
            due_on=today + datetime.timedelta(days=30),
            given={"owner", "status", "due_on"},
        ),
    )
    plans.add_custom_action(
        assessment, "C", ["1.1"], plans.ActionFields(status="done", given={"status"})
    )
    assert [a.text for a in open_actions(organisation)] == ["A", "B"]
    assert [a.text for a in open_actions(organisation, Filters(owner="ann"))] == ["A"]
    assert [a.text for a in open_actions(organisation, Filters(status="in_progress"))] == ["B"]
    assert [a.text for a in open_actions(organisation, Filters(due_before=today))] == ["A"]


def test_one_refused_address_does_not_stop_the_other_reminders(monkeypatch):
    from mobilise.plans.services import followup

    assessment = AssessmentFactory()
    today = datetime.date(2027, 3, 1)
    action_due(assessment, 1, "refused@nhs.net")
    action_due(assessment, 2, "fine@nhs.net")
    real = followup.send_mail

    def flaky(**kwargs):
        if kwargs["recipient_list"] == ["refused@nhs.net"]:
            raise OSError("550 mailbox unavailable")
        return real(**kwargs)

    monkeypatch.setattr(followup, "send_mail", flaky)
    assert send_reminders(today) == 1
    assert [m.to for m in mail.outbox] == [["fine@nhs.net"]]
    assert not ReminderSent.objects.filter(email="refused@nhs.net").exists()  # tried again tomorrow


def test_viewers_may_change_only_the_status_of_an_action_they_own(viewer, facilitator):
    assessment = AssessmentFactory(organisation=viewer.organisation)
    mine = plans.add_custom_action(
        assessment, "Mine", ["1.1"], plans.ActionFields(owner_member=viewer, given={"owner_member"})
    )
    theirs = plans.add_custom_action(assessment, "Theirs", ["1.2"], plans.ActionFields())
    plans.check_may_change(viewer, {"status"}, mine)
    plans.check_may_note(viewer, mine)
    plans.check_may_change(facilitator, {"status", "owner", "due_on"}, theirs)
    plans.check_may_note(facilitator, theirs)
    with pytest.raises(NotAllowed):
        plans.check_may_change(viewer, {"status", "owner"}, mine)
    with pytest.raises(NotAllowed):
        plans.check_may_change(viewer, {"status"}, theirs)
    with pytest.raises(NotAllowed):
        plans.check_may_note(viewer, theirs)
    assert (plans.may_update(viewer, mine), plans.may_update(viewer, theirs)) == (True, False)


def test_a_member_as_owner_is_named_and_reminded_at_their_own_address(viewer):
    viewer.user.first_name, viewer.user.last_name, viewer.user.email = "Priya", "Shah", "p@nhs.net"
    viewer.user.save()
    assessment = AssessmentFactory(organisation=viewer.organisation)
    fields = plans.ActionFields(
        owner_member=viewer, due_on=datetime.date(2026, 6, 5), given={"owner_member", "due_on"}
    )
    action = plans.add_custom_action(assessment, "Mine", ["1.1"], fields)
    assert (action.owner, action.owner_email, action.reminder_address) == (
        "Priya Shah",
        "",
        "p@nhs.net",
    )
    assert send_reminders(datetime.date(2026, 6, 1)) == 1
    assert mail.outbox[-1].to == ["p@nhs.net"]
    typed = plans.ActionFields(owner="Board secretary", given={"owner"})
    plans.update_action(action, typed)
    action.refresh_from_db()
    assert (action.owner_member, action.owner) == (None, "Board secretary")
    assert action.reminder_address == ""
    history = assessment.history.order_by("-created_at").first()
    assert history.changes["owner"] == ["Priya Shah", "Board secretary"]


def test_an_owner_must_be_a_member_of_the_organisation(assessment, outsider):
    fields = plans.ActionFields(owner_member=outsider, given={"owner_member"})
    with pytest.raises(InvalidInput) as refused:
        plans.add_custom_action(assessment, "Do", ["1.1"], fields)
    assert refused.value.errors[0].loc == ("owner_member",)
    assert not PlanAction.objects.exists()


def test_coverage_lists_each_action_once_and_by_priority(assessment):
    low = plans.add_custom_action(
        assessment, "Low", ["1.1", "2.1"], plans.ActionFields(priority="low", given={"priority"})
    )
    high = plans.add_custom_action(
        assessment, "High", ["1.1"], plans.ActionFields(priority="high", given={"priority"})
    )
    found = plans.coverage(assessment)
    assert found.actions == [low, high]  # the one serving two elements is listed once
    assert found.actions_by_priority == [high, low]


def test_overdue_is_one_rule_in_python_and_in_the_database(assessment):
    today = datetime.date(2026, 6, 1)
    rows = [
        ("open and late", "in_progress", today - datetime.timedelta(days=1), True),
        ("due today", "not_started", today, False),
        ("done late", "done", today - datetime.timedelta(days=9), False),
        ("undated", "not_started", None, False),
    ]
    for text, status, due_on, _ in rows:
        fields = plans.ActionFields(status=status, due_on=due_on, given={"status", "due_on"})
        plans.add_custom_action(assessment, text, ["1.1"], fields)
    in_sql = set(PlanAction.objects.filter(overdue(today)).values_list("text", flat=True))
    in_python = {a.text for a in PlanAction.objects.all() if a.is_overdue(today)}
    assert in_sql == in_python == {text for text, *_, late in rows if late}
