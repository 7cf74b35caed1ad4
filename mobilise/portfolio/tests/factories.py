"""Organisations of many units, for the portfolio's tests and benchmark."""

import datetime

from mobilise.accounts.tests.factories import UnitFactory
from mobilise.plans.tests.factories import TODAY, action, cycle


def build_portfolio(organisation, units: int) -> None:
    """Units with two cycles each: agreed ratings both times and a plan in mixed states."""
    for index in range(units):
        unit = UnitFactory(organisation=organisation)
        first = cycle(unit, index % 5, days_ago=365)
        action(first, ["1.1"], "done")
        second = cycle(unit, (index + 1) % 5, previous=first)
        action(second, ["1.1", "2.1"], "in_progress", TODAY, f"Shared {index}")
        action(second, ["3.1"], "not_started", TODAY - datetime.timedelta(days=3))
    UnitFactory(organisation=organisation)  # and one never assessed
