"""The follow-up rules: each filter, their combination, the sort, paging and My actions."""

import datetime

import pytest
from django.http import QueryDict

from mobilise.accounts.models import Role
from mobilise.accounts.tests.factories import MembershipFactory, UnitFactory
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.plans.models import PlanAction
from mobilise.plans.services import followup
from mobilise.plans.services import plan as plans
from mobilise.plans.services.followup import ANY, Filters, matching, my_actions

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 1)


def add(assessment, text, *, due=None, status="not_started", member=None, owner=None):
    given = {"status", "due_on"} | ({"owner_member"} if member else set())
    given |= {"owner"} if owner else set()
    fields = plans.ActionFields(
        status=status, due_on=due, owner_member=member, owner=owner, given=given
    )
    return plans.add_custom_action(assessment, text, ["1.1"], fields)


def texts(organisation, filters=None) -> list[str]:
    return [a.text for a in matching(organisation, filters, TODAY)]


@pytest.fixture
def two_units(organisation):
    north = AssessmentFactory(
        organisation=organisation, unit=UnitFactory(organisation=organisation, name="North")
    )
    south = AssessmentFactory(
        organisation=organisation, unit=UnitFactory(organisation=organisation, name="South")
    )
    return north, south


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def test_soonest_due_first_undated_last_and_ties_in_the_order_added(organisation, two_units):
    north, south = two_units
    add(north, "Undated first added")
    add(south, "Due in ten days", due=days(10))
    add(north, "Tie one", due=days(3))
    add(south, "Tie two", due=days(3))
    add(north, "Overdue", due=days(-5))
    add(south, "Undated last added")
    assert texts(organisation) == [
        "Overdue",
        "Tie one",
        "Tie two",
        "Due in ten days",
        "Undated first added",
        "Undated last added",
    ]


def test_the_order_is_total_even_when_created_at_the_same_moment(organisation, two_units):
    north, _ = two_units
    for index in range(4):
        add(north, f"Same {index}", due=days(1))
    PlanAction.objects.update(created_at=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC))
    ids = [a.id for a in matching(organisation)]
    assert ids == sorted(ids)


def test_status_filter_open_by_default_one_status_or_any(organisation, two_units):
    north, _ = two_units
    add(north, "Not started")
    add(north, "In progress", status="in_progress")
    add(north, "Done", status="done")
    add(north, "Dropped", status="dropped")
    assert texts(organisation) == ["Not started", "In progress"]
    assert texts(organisation, Filters(status="")) == ["Not started", "In progress"]
    assert texts(organisation, Filters(status="in_progress")) == ["In progress"]
    assert texts(organisation, Filters(status="done")) == ["Done"]
    assert texts(organisation, Filters(status=ANY)) == [
        "Not started",
        "In progress",
        "Done",
        "Dropped",
    ]


def test_unit_filter(organisation, two_units):
    north, south = two_units
    add(north, "North's")
    add(south, "South's")
    assert texts(organisation, Filters(unit=south.unit)) == ["South's"]


def test_my_actions_a_member_and_a_typed_name(organisation, two_units, facilitator):
    north, _ = two_units
    colleague = MembershipFactory(organisation=organisation, role=Role.VIEWER)
    colleague.user.first_name, colleague.user.last_name = "Ann", "Lee"
    colleague.user.save()
    add(north, "Mine", member=facilitator)
    add(north, "Ann's", member=colleague)
    add(north, "Typed", owner="Annabel Smith")
    assert texts(organisation, Filters(owner_member=facilitator)) == ["Mine"]
    assert texts(organisation, Filters(owner_member=colleague)) == ["Ann's"]
    # A typed name finds the members whose names it matches as well as owners without accounts.
    assert texts(organisation, Filters(owner="ann")) == ["Ann's", "Typed"]


def test_overdue_is_open_and_due_before_today(organisation, two_units):
    north, _ = two_units
    add(north, "Late", due=days(-1))
    add(north, "Today", due=TODAY)
    add(north, "Late but done", due=days(-1), status="done")
    add(north, "Undated")
    assert texts(organisation, Filters(overdue=True)) == ["Late"]
    assert texts(organisation, Filters(overdue=True, status=ANY)) == ["Late"]


def test_filters_combine(organisation, two_units, facilitator):
    north, south = two_units
    add(north, "Mine, north, late", due=days(-2), member=facilitator)
    add(
        north,
        "Mine, north, late, in progress",
        due=days(-1),
        member=facilitator,
        status="in_progress",
    )
    add(north, "Mine, north, not late", due=days(2), member=facilitator)
    add(south, "Mine, south, late", due=days(-2), member=facilitator)
    add(north, "Not mine, north, late", due=days(-2))
    combined = Filters(unit=north.unit, owner_member=facilitator, overdue=True)
    assert texts(organisation, combined) == [
        "Mine, north, late",
        "Mine, north, late, in progress",
    ]
    assert texts(
        organisation,
        Filters(unit=north.unit, owner_member=facilitator, overdue=True, status="in_progress"),
    ) == ["Mine, north, late, in progress"]
    assert texts(organisation, Filters(unit=south.unit, due_before=days(-2))) == [
        "Mine, south, late"
    ]


def test_another_organisations_actions_never_match(organisation, two_units):
    north, _ = two_units
    add(north, "Ours")
    add(AssessmentFactory(), "Theirs")
    assert texts(organisation, Filters(status=ANY)) == ["Ours"]


def test_a_page_of_25_with_the_count_and_the_overdue_count(organisation, two_units):
    north, _ = two_units
    for index in range(30):
        add(north, f"Action {index:02}", due=days(index - 10))
    paged, late = followup.follow_up_page(organisation, Filters(), QueryDict("page=2"), TODAY)
    assert paged.count == 30 and late == 10
    assert [a.text for a in paged.objects] == [f"Action {i:02}" for i in range(25, 30)]
    first, _ = followup.follow_up_page(organisation, Filters(), QueryDict(""), TODAY)
    assert len(first.objects) == 25 and first.objects[0].text == "Action 00"


def test_a_window_for_the_api(organisation, two_units):
    north, _ = two_units
    for index in range(7):
        add(north, f"Action {index}", due=days(index))
    count, actions = followup.window(organisation, Filters(), limit=3, offset=5)
    assert count == 7
    assert [a.text for a in actions] == ["Action 5", "Action 6"]


def test_my_actions_for_the_home_page(organisation, two_units, facilitator):
    north, south = two_units
    add(north, "Mine undated", member=facilitator)
    add(south, "Mine soon", due=days(1), member=facilitator)
    add(north, "Mine done", due=days(1), member=facilitator, status="done")
    add(north, "Not mine", due=days(0))
    mine = my_actions(facilitator)
    assert [a.text for a in mine.first] == ["Mine soon", "Mine undated"] and mine.count == 2
    for index in range(6):
        add(north, f"More {index}", due=days(5), member=facilitator)
    many = my_actions(facilitator, limit=5)
    assert len(many.first) == 5 and many.count == 8


def test_the_calendar_stays_complete_whatever_the_paging(organisation, two_units, facilitator):
    north, _ = two_units
    for index in range(30):
        add(north, f"Action {index}", due=days(index))
    add(north, "Undated")
    assert followup.calendar(facilitator).count(b"BEGIN:VEVENT") == 30
