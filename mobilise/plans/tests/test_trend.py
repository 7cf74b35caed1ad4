"""A unit's trend over many cycles."""

import pytest

from mobilise.accounts.tests.factories import UnitFactory
from mobilise.assessments.models import Assessment, Mode
from mobilise.assessments.tests.factories import CODES, submit
from mobilise.plans.services.trend import unit_cycles, unit_trend
from mobilise.plans.tests.factories import action, cycle

pytestmark = pytest.mark.django_db


def four_cycles(organisation):
    """Agreed levels 1, 2, 2, 3 on every element but 1.1 (0, 1, 3, 4); actions done."""
    unit = UnitFactory(organisation=organisation, name="Pharmacy")
    found = []
    previous = None
    for days_ago, level, first in [(900, 1, 0), (600, 2, 1), (300, 2, 3), (10, 3, 4)]:
        previous = cycle(unit, {**dict.fromkeys(CODES, level), "1.1": first}, previous, days_ago)
        for _ in range(len(found) + 2):
            submit(previous, 2)
        found.append(previous)
    action(found[0], ["1.1", "2.1"], "done", text="Journal club")
    action(found[0], ["1.1"], "in_progress", text="Not yet")
    action(found[1], ["1.1"], "done", text="Evidence summaries")
    action(found[3], ["1.1"], "done", text="After the last")
    return unit, found


def test_a_trend_of_four_cycles(organisation):
    unit, made = four_cycles(organisation)
    found = unit_trend(unit)
    assert found.enough
    assert [c.assessment for c in found.cycles] == made
    assert [c.responses for c in found.cycles] == [2, 3, 4, 5]
    first = found.elements[0]
    assert first.element == "1.1"
    assert first.levels == [0, 1, 3, 4]
    assert first.changes == [1, 2, 1]
    assert [[a.text for a in done] for done in first.done] == [
        ["Journal club"],
        ["Evidence summaries"],
        [],
    ]
    second = next(e for e in found.elements if e.element == "2.1")
    assert [[a.text for a in done] for done in second.done] == [["Journal club"], [], []]
    assert second.changes == [1, 0, 1]
    # 22 elements at the level and 1.1 apart.
    assert found.overall[0] == pytest.approx((22 * 1 + 0) / 23)
    assert found.overall[3] == pytest.approx((22 * 3 + 4) / 23)
    assert found.sections["2"] == [1, 2, 2, 3]
    assert found.sections["1"][0] == pytest.approx(0.8)


def test_a_hidden_cycle_shows_no_figure(organisation, settings):
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 3
    unit, made = four_cycles(organisation)
    Assessment.objects.filter(pk=made[0].pk).update(mode=Mode.INDIVIDUAL)  # 2 answered of 3
    found = unit_trend(unit)
    hidden = found.cycles[0]
    assert hidden.hidden and hidden.responses == 2
    assert all(e.levels[0] is None for e in found.elements)
    assert found.overall[0] is None and found.sections["1"][0] is None
    assert found.elements[0].changes == [None, 2, 1]
    assert found.shown[0][0] is found.cycles[1]


def test_fewer_than_three_cycles_is_not_a_trend(organisation):
    unit = UnitFactory(organisation=organisation)
    first = cycle(unit, 1, days_ago=30)
    cycle(unit, 2, first)
    assert not unit_trend(unit).enough
    assert not unit_trend(UnitFactory(organisation=organisation)).enough


def test_the_cycles_up_to_an_assessment(organisation):
    unit, made = four_cycles(organisation)
    assert unit_cycles(unit, made[2]) == made[:3]
    assert [c.assessment for c in unit_trend(unit, made[1]).cycles] == made[:2]
