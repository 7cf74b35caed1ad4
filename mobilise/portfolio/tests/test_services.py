"""The portfolio service: units' latest levels, spread, plan progress and change."""

import datetime

import pytest

from mobilise.accounts.tests.factories import UnitFactory
from mobilise.plans.tests.factories import TODAY, action, cycle
from mobilise.portfolio.services import ActionCounts, portfolio
from mobilise.portfolio.tests.factories import build_portfolio

pytestmark = pytest.mark.django_db


def unit_row(found, name):
    return next(u for u in found.units if u.name == name)


def test_each_unit_shows_the_levels_of_its_latest_assessment_with_agreed_ratings(organisation):
    board = UnitFactory(organisation=organisation, name="Board")
    old = cycle(board, 1, days_ago=400)
    agreed = cycle(board, {"1.1": 3, "2.2": 4}, previous=old, days_ago=30)
    cycle(board, None, previous=agreed)  # a reassessment just started: nothing agreed yet
    UnitFactory(organisation=organisation, name="Finance")

    found = portfolio(organisation, TODAY)

    row = unit_row(found, "Board")
    assert row.agreed.id == agreed.id and row.levels == {"1.1": 3, "2.2": 4}
    assert row.mean == 3.5
    assert row.latest.id != agreed.id  # the plan followed is the newest assessment's
    finance = unit_row(found, "Finance")
    assert finance.agreed is None and finance.levels == {} and finance.mean is None
    assert [u.name for u in found.assessed] == ["Board"]


def test_the_distribution_counts_units_per_level_and_those_not_assessed(organisation):
    cycle(UnitFactory(organisation=organisation), 2)
    cycle(UnitFactory(organisation=organisation), {"1.1": 2, "1.2": 4})
    UnitFactory(organisation=organisation)

    found = portfolio(organisation, TODAY)

    assert found.distribution["1.1"] == {0: 0, 1: 0, 2: 2, 3: 0, 4: 0, None: 1}
    assert found.distribution["1.2"] == {0: 0, 1: 0, 2: 1, 3: 0, 4: 1, None: 1}
    assert found.distribution["4.5"] == {0: 0, 1: 0, 2: 1, 3: 0, 4: 0, None: 2}
    assert all(sum(counts.values()) == 3 for counts in found.distribution.values())


def test_plan_progress_counts_the_current_plans_by_status_element_and_unit(organisation):
    unit = UnitFactory(organisation=organisation, name="ED")
    first = cycle(unit, 1, days_ago=400)
    action(first, ["1.1"], "done")  # the previous cycle's plan is history
    current = cycle(unit, 2, previous=first)
    yesterday = TODAY - datetime.timedelta(days=1)
    action(current, ["1.1", "1.2"], "done", yesterday, "Shared")
    action(current, ["1.1"], "in_progress", yesterday, "Late")
    action(current, ["1.1"], "not_started", TODAY, "Due today")
    action(current, ["1.2"], "not_started", None, "No date")
    action(current, ["1.2"], "dropped", yesterday, "Dropped")
    other = cycle(UnitFactory(organisation=organisation, name="Board"), 3)
    action(other, ["1.1"], "not_started", yesterday, "Board's late one")

    found = portfolio(organisation, TODAY)

    assert unit_row(found, "ED").progress == ActionCounts(
        not_started=2, in_progress=1, done=1, dropped=1, overdue=1
    )
    assert unit_row(found, "Board").progress == ActionCounts(not_started=1, overdue=1)
    assert found.progress_by_element["1.1"] == ActionCounts(
        not_started=2, in_progress=1, done=1, overdue=2
    )
    assert found.progress_by_element["1.2"] == ActionCounts(not_started=1, done=1, dropped=1)
    assert found.progress_by_element["3.1"] == ActionCounts()
    assert found.progress == ActionCounts(
        not_started=3, in_progress=1, done=1, dropped=1, overdue=2
    )
    assert found.progress.total == 5


def test_the_change_since_the_previous_cycle_compares_elements_agreed_both_times(organisation):
    unit = UnitFactory(organisation=organisation, name="Nursing")
    before = cycle(unit, {"1.1": 1, "1.2": 2, "1.3": 3, "1.4": 2}, days_ago=365)
    cycle(unit, {"1.1": 2, "1.2": 4, "1.3": 2, "2.1": 4}, previous=before)
    cycle(UnitFactory(organisation=organisation, name="First time"), 2)
    unassessed_before = cycle(UnitFactory(organisation=organisation, name="Unagreed"), None)
    cycle(unassessed_before.unit, 2, previous=unassessed_before)

    found = portfolio(organisation, TODAY)

    change = unit_row(found, "Nursing").change
    assert change.compared == ["1.1", "1.2", "1.3"]
    assert (change.up, change.down, change.same) == (2, 1, 0)
    assert change.previous_mean == 2 and change.mean == pytest.approx(8 / 3)
    assert change.mean_change == pytest.approx(2 / 3)
    assert unit_row(found, "First time").change is None
    nothing = unit_row(found, "Unagreed").change
    assert nothing.compared == [] and nothing.mean_change is None
    assert [u.name for u in found.changes] == ["Nursing", "Unagreed"]


def test_nothing_of_another_organisation_is_counted(organisation, other_organisation):
    theirs = cycle(UnitFactory(organisation=other_organisation, name="Their unit"), 4)
    action(theirs, ["1.1"], "done")
    cycle(UnitFactory(organisation=organisation, name="Ours"), 1)

    found = portfolio(organisation, TODAY)

    assert [u.name for u in found.units] == ["Ours"]
    assert found.distribution["1.1"][4] == 0 and found.progress == ActionCounts()


@pytest.mark.parametrize("units", [2, 6])
def test_the_portfolio_takes_five_queries_however_many_units(
    organisation, units, django_assert_num_queries
):
    build_portfolio(organisation, units)
    with django_assert_num_queries(5):
        found = portfolio(organisation, TODAY)
    assert len(found.changes) == units and found.progress.in_progress == units
