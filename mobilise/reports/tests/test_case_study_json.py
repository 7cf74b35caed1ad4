"""Impact case studies in the JSON export and import: every national field, who wrote it
and when, and its actions as places in the plan's list, recreated linked to the imported
actions; a file that names an action it does not have is refused and creates nothing."""

import copy
import json

import pytest

from mobilise.assessments.models import Assessment
from mobilise.core.errors import InvalidInput
from mobilise.plans.models import CaseStudy, PlanAction
from mobilise.plans.services import case_studies
from mobilise.plans.tests.factories import case_fields
from mobilise.reports.json_export import export_assessment
from mobilise.reports.json_import import import_assessment

pytestmark = pytest.mark.django_db


BOARD = {
    "title": "Board papers cite their evidence",
    "challenge": "Papers came without evidence.",
    "service_did": "The library searched for each paper.\nAnd trained the authors.",
    "intervention": "Every paper now has an evidence box.",
    "outcome": "The Board asks fewer questions twice.",
    "figure": "9 in 10 papers cite evidence",
    "quote": "We decide on evidence now.",
    "champion_name": "Alex Jones",
    "champion_role": "Company Secretary",
}


def fields(actions, **changes) -> case_studies.CaseStudyFields:
    return case_fields(*actions, **{**BOARD, **changes})


@pytest.fixture
def exported(full_assessment, facilitator):
    actions = list(PlanAction.objects.filter(plan__assessment=full_assessment))
    PlanAction.objects.filter(plan__assessment=full_assessment).update(status="done")
    actions = sorted(actions, key=lambda a: (a.created_at, a.id))
    case_studies.write(full_assessment, facilitator, fields(actions[:2]), facilitator.user)
    case_studies.write(
        full_assessment,
        facilitator,
        fields(actions[2:], title="A second story", quote="", champion_name="", figure=""),
        None,
    )
    # An action that moved on from done after the case study stays linked, and travels so.
    PlanAction.objects.filter(pk=actions[0].pk).update(status="in_progress")
    return export_assessment(full_assessment)


def test_every_field_travels_with_its_actions_as_places_in_the_plan(exported, facilitator):
    first, second = exported["case_studies"]
    assert first == {
        **BOARD,
        "written_by": facilitator.user.display_name,
        "written_at": first["written_at"],
        "actions": [0, 1],
    }
    assert second["title"] == "A second story" and second["written_by"] == ""
    texts = [a["text"] for a in exported["plan"]["actions"]]
    assert second["actions"] == list(range(2, len(texts)))
    assert '"id"' not in json.dumps(exported["case_studies"])


def test_an_import_links_the_imported_actions_and_exports_the_same(exported, outsider):
    imported = import_assessment(
        json.loads(json.dumps(exported)), outsider.organisation, outsider.user
    )
    cases = case_studies.of_assessment(imported)
    assert [c.title for c in cases] == ["Board papers cite their evidence", "A second story"]
    linked = {a.plan.assessment_id for c in cases for a in c.actions.all()}
    assert linked == {imported.id}
    assert (
        cases[0].written_by is None
        and cases[0].written_by_name == exported["case_studies"][0]["written_by"]
    )
    assert export_assessment(imported)["case_studies"] == exported["case_studies"]
    # The imported case study reads like any other: its elements are its actions'.
    assert case_studies.written(cases)[0].elements


def test_a_file_without_case_studies_imports_with_none(exported, outsider):
    older = {k: v for k, v in exported.items() if k != "case_studies"}
    imported = import_assessment(older, outsider.organisation, outsider.user)
    assert not CaseStudy.objects.filter(plan__assessment=imported).exists()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"actions": [99]}, ["case_studies", 0, "actions", 0]),
        ({"actions": []}, ["case_studies", 0, "actions"]),
        ({"actions": [-1]}, ["case_studies", 0, "actions", 0]),
        ({"actions": ["0"]}, ["case_studies", 0, "actions", 0]),
        ({"title": "  "}, ["case_studies", 0, "title"]),
        ({"outcome": "x" * 4001}, ["case_studies", 0, "outcome"]),
        ({"champion_name": ""}, ["case_studies", 0, "champion_name"]),
        ({"written_at": "yesterday"}, ["case_studies", 0, "written_at"]),
        ({"id": "5"}, ["case_studies", 0, "id"]),
    ],
)
def test_a_bad_case_study_is_refused_naming_it_and_nothing_is_created(
    exported, outsider, change, where
):
    data = copy.deepcopy(exported)
    data["case_studies"][0].update(change)
    before = Assessment.objects.count(), CaseStudy.objects.count()
    with pytest.raises(InvalidInput) as refused:
        import_assessment(data, outsider.organisation, outsider.user)
    assert where in [list(e.loc[: len(where)]) for e in refused.value.errors]
    assert (Assessment.objects.count(), CaseStudy.objects.count()) == before


def test_a_case_study_without_its_fields_is_refused_naming_each(exported, outsider):
    data = copy.deepcopy(exported)
    del data["case_studies"][1]["challenge"]
    del data["case_studies"][1]["written_at"]
    with pytest.raises(InvalidInput) as refused:
        import_assessment(data, outsider.organisation, outsider.user)
    named = {tuple(e.loc) for e in refused.value.errors}
    assert {("case_studies", 1, "challenge"), ("case_studies", 1, "written_at")} <= named


def test_the_api_refuses_a_bad_reference_with_422_naming_it(exported, outsider):
    from conftest import api_client_for

    data = copy.deepcopy(exported)
    data["case_studies"][1]["actions"] = [0, 42]
    response = api_client_for(outsider).post(
        "/api/v1/assessments/import", data, content_type="application/json"
    )
    assert response.status_code == 422
    locs = [e["loc"] for e in response.json()["detail"]]
    assert ["body", "case_studies", 1, "actions", 1] in locs


def test_an_import_keeps_the_fields_as_the_service_does_and_orders_ties_by_content(
    exported, outsider
):
    data = copy.deepcopy(exported)
    data["case_studies"][0]["title"] = "  Padded  "
    data["case_studies"][1]["written_at"] = data["case_studies"][0]["written_at"]
    data["case_studies"][1]["actions"] = [2, 2]  # read once, as the service reads an id twice
    imported = import_assessment(data, outsider.organisation, outsider.user)
    again = export_assessment(imported)["case_studies"]
    # Written at the same moment: in an order given by their content (actions [0, 1] first).
    assert [c["title"] for c in again] == ["Padded", "A second story"]
    assert again[1]["actions"] == [2]
    for _ in range(3):  # the same order every time, whatever the ids
        assert export_assessment(imported)["case_studies"] == again


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "2026-01-01T10:00:00"]
)
def test_a_time_out_of_range_or_without_its_offset_is_refused(exported, outsider, moment):
    data = copy.deepcopy(exported)
    data["case_studies"][0]["written_at"] = moment
    with pytest.raises(InvalidInput) as refused:
        import_assessment(data, outsider.organisation, outsider.user)
    assert ("case_studies", 0, "written_at") in [tuple(e.loc) for e in refused.value.errors]
