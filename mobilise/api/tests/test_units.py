"""A unit's trend in the API."""

import pytest

from conftest import api_client_for
from mobilise.accounts.tests.factories import UnitFactory
from mobilise.assessments.models import Assessment, Mode
from mobilise.plans.tests.factories import cycle
from mobilise.plans.tests.test_trend import four_cycles

pytestmark = pytest.mark.django_db


def test_the_trend_of_four_cycles(viewer_api, organisation):
    unit, made = four_cycles(organisation)
    answer = viewer_api.get(f"/api/v1/units/{unit.id}/trend")
    assert answer.status_code == 200
    data = answer.json()
    assert data["unit"] == {"id": str(unit.id), "name": "Pharmacy"}
    assert data["enough_cycles"] is True and data["minimum_cycles"] == 3
    cycles = data["cycles"]
    assert [c["assessment_id"] for c in cycles] == [str(a.id) for a in made]
    assert [c["responses"] for c in cycles] == [2, 3, 4, 5]
    assert [c["mean_agreed_level"] for c in cycles] == [0.96, 1.96, 2.04, 3.04]
    assert cycles[0]["sections"][0] == {"section": "1", "mean_agreed_level": 0.8}
    assert [a["text"] for a in cycles[0]["actions_done"]] == ["Journal club"]
    assert cycles[0]["actions_done"][0]["elements"] == ["1.1", "2.1"]
    assert cycles[3]["actions_done"] == []  # after the latest: not between cycles
    first = data["elements"][0]
    assert first["element"] == "1.1"
    assert first["agreed_levels"] == [0, 1, 3, 4]
    assert first["changes"] == [1, 2, 1]
    assert first["actions_done_before"][0] == [cycles[0]["actions_done"][0]["id"]]


def test_a_hidden_cycle_gives_no_figure(viewer_api, organisation, settings):
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 3
    unit, made = four_cycles(organisation)
    Assessment.objects.filter(pk=made[0].pk).update(mode=Mode.INDIVIDUAL)
    data = viewer_api.get(f"/api/v1/units/{unit.id}/trend").json()
    hidden = data["cycles"][0]
    assert hidden["hidden"] is True and hidden["responses"] == 2
    assert hidden["mean_agreed_level"] is None and hidden["elements_agreed"] is None
    assert all(s["mean_agreed_level"] is None for s in hidden["sections"])
    assert all(e["agreed_levels"][0] is None for e in data["elements"])


def test_fewer_than_three_cycles(viewer_api, organisation):
    unit = UnitFactory(organisation=organisation)
    cycle(unit, 2)
    data = viewer_api.get(f"/api/v1/units/{unit.id}/trend").json()
    assert data["enough_cycles"] is False and len(data["cycles"]) == 1


def test_another_organisations_unit_is_a_404(organisation, outsider):
    unit, _ = four_cycles(organisation)
    answer = api_client_for(outsider).get(f"/api/v1/units/{unit.id}/trend")
    assert answer.status_code == 404
    assert "Pharmacy" not in answer.content.decode()
    assert api_client_for(outsider).get("/api/v1/units/not-a-uuid/trend").status_code == 404
