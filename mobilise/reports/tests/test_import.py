import copy
import json

import pytest
from django.test import Client

from mobilise.accounts.models import Unit
from mobilise.assessments.models import Assessment, HistoryEntry, Response
from mobilise.core.errors import InvalidInput
from mobilise.plans.models import LocalAction, PlanAction
from mobilise.reports.json_io import SCHEMA_VERSION, export_assessment, import_assessment
from mobilise.reports.tests.fixtures import COMMENT, CUSTOM

pytestmark = pytest.mark.django_db


def without_export_date(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "exported_at"}


@pytest.fixture
def other_admin(other_organisation):
    from mobilise.accounts.models import Role
    from mobilise.accounts.tests.factories import MembershipFactory

    return MembershipFactory(organisation=other_organisation, role=Role.ADMIN)


def test_an_import_of_an_export_exports_identically(full_assessment, other_admin):
    outsider = other_admin  # an admin: the plan's local actions join the organisation's list
    original = export_assessment(full_assessment)
    assert (
        original["schema"] == "mobilise.assessment" and original["schema_version"] == SCHEMA_VERSION
    )
    imported = import_assessment(
        json.loads(json.dumps(original)), outsider.organisation, outsider.user
    )
    assert imported.organisation == outsider.organisation and imported.pk != full_assessment.pk
    again = export_assessment(imported)
    assert without_export_date(again) == without_export_date(original)
    assert any(r["comment"] == COMMENT for resp in again["responses"] for r in resp["ratings"])
    assert any(a["text"] == CUSTOM for a in again["plan"]["actions"])
    assert LocalAction.objects.filter(
        organisation=outsider.organisation, text="Our knowledge café"
    ).exists()
    assert again["history"] == original["history"] and len(again["history"]) >= 5


def counts() -> tuple:
    return (
        Assessment.objects.count(),
        Response.objects.count(),
        PlanAction.objects.count(),
        Unit.objects.count(),
        HistoryEntry.objects.count(),
    )


def break_it(data: dict, how: str) -> dict | list:
    broken = copy.deepcopy(data)
    if how == "not an export":
        return {"title": "A spreadsheet"}
    if how == "a list":
        return [1, 2, 3]
    if how == "unknown schema version":
        broken["schema_version"] = 99
    if how == "unknown framework version":
        broken["framework_version"] = "9.9"
    if how == "unknown element":
        broken["responses"][0]["ratings"][0]["element"] = "9.9"
    if how == "level off the scale":
        broken["responses"][0]["ratings"][0]["level"] = 7
    if how == "unknown option":
        broken["plan"]["actions"][0]["option_id"] = "9.9-z"
    if how == "option under the wrong element":
        broken["plan"]["actions"][0]["elements"] = ["1.1"]
    if how == "missing field":
        del broken["assessment"]["title"]
    if how == "bad status":
        broken["plan"]["actions"][0]["status"] = "finished"
    if how == "agreed twice":
        broken["consensus"].append(broken["consensus"][0])
    if how == "importance off the list":
        broken["consensus"][0]["importance"] = "huge"
    if how == "consensus level off the scale":
        broken["consensus"][0]["level"] = 9
    if how == "both kinds of cover":
        broken["plan"]["no_action"].append({"element": "4.1", "reason": ""})
    if how == "an action with no elements":
        broken["plan"]["actions"][0]["elements"] = []
    if how == "a bad e-mail address":
        broken["plan"]["actions"][0]["owner_email"] = "a@b.c\nBcc: x@y.z"
    if how == "an element twice in one action":
        broken["plan"]["actions"][0]["elements"] = ["4.1", "4.1"]
    if how == "the same action twice":
        broken["plan"]["actions"].append(copy.deepcopy(broken["plan"]["actions"][0]))
    if how == "an owner too long":
        broken["plan"]["actions"][0]["owner"] = "x" * 201
    return broken


@pytest.mark.parametrize(
    ("how", "loc_start"),
    [
        ("not an export", ("schema",)),
        ("a list", ("schema",)),
        ("unknown schema version", ("schema_version",)),
        ("unknown framework version", ("framework_version",)),
        ("unknown element", ("responses", 0, "ratings", 0, "element")),
        ("level off the scale", ("responses", 0, "ratings", 0, "level")),
        ("unknown option", ("plan", "actions", 0, "option_id")),
        ("option under the wrong element", ("plan", "actions", 0, "elements")),
        ("missing field", ("assessment", "title")),
        ("bad status", ("plan", "actions", 0, "status")),
        ("agreed twice", ("consensus", 23, "element")),
        ("importance off the list", ("consensus", 0, "importance")),
        ("consensus level off the scale", ("consensus", 0, "level")),
        ("both kinds of cover", ("plan", "no_action", 1, "element")),
        ("an action with no elements", ("plan", "actions", 0, "elements")),
        ("a bad e-mail address", ("plan", "actions", 0, "owner_email")),
        ("an element twice in one action", ("plan", "actions", 0, "elements", 1)),
        ("the same action twice", ("plan", "actions", 3, "option_id")),
        ("an owner too long", ("plan", "actions", 0, "owner")),
    ],
)
def test_what_is_not_a_valid_export_is_refused_and_creates_nothing(
    full_assessment, outsider, how, loc_start
):
    data = export_assessment(full_assessment)
    before = counts()
    with pytest.raises(InvalidInput) as raised:
        import_assessment(break_it(json.loads(json.dumps(data)), how), outsider.organisation)
    assert any(e.loc[: len(loc_start)] == loc_start for e in raised.value.errors), (
        raised.value.errors
    )
    assert counts() == before


def test_the_api_imports_into_the_callers_organisation(full_assessment, outsider):
    from conftest import api_client_for

    client = api_client_for(outsider)
    data = export_assessment(full_assessment)
    response = client.post("/api/v1/assessments/import", data, content_type="application/json")
    assert response.status_code == 201
    created = Assessment.objects.get(pk=response.json()["id"])
    assert created.organisation == outsider.organisation and created.title == "Board review 2027"
    before = counts()
    bad = client.post(
        "/api/v1/assessments/import", {"hello": "world"}, content_type="application/json"
    )
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "schema"]
    assert (
        client.post(
            "/api/v1/assessments/import", "{not json", content_type="application/json"
        ).status_code
        == 422
    )
    assert counts() == before


def test_viewers_cannot_import(viewer_api, full_assessment):
    response = viewer_api.post(
        "/api/v1/assessments/import",
        export_assessment(full_assessment),
        content_type="application/json",
    )
    assert response.status_code == 403


def test_importing_needs_a_token():
    assert (
        Client().post("/api/v1/assessments/import", {}, content_type="application/json").status_code
        == 401
    )


def test_only_admins_add_local_actions_to_their_organisation_by_importing(
    full_assessment, outsider
):
    imported = import_assessment(
        export_assessment(full_assessment), outsider.organisation, outsider.user
    )
    assert not LocalAction.objects.filter(organisation=outsider.organisation).exists()
    action = PlanAction.objects.get(plan__assessment=imported, text="Our knowledge café")
    assert action.local_action is None  # came in as the plan's own action
