"""Importing JSON exports: round trips, refusals, and what an import records."""

import copy
import json

import pytest
from django.test import Client

from mobilise.accounts.models import Unit
from mobilise.assessments.models import Assessment, Response
from mobilise.audit.models import HistoryEntry
from mobilise.core.errors import InvalidInput
from mobilise.plans.models import LocalAction, PlanAction
from mobilise.reports.json_export import export_assessment
from mobilise.reports.json_import import import_assessment
from mobilise.reports.json_schema import SCHEMA_VERSION
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
    # The one difference: the import itself is on record, last.
    assert again["history"][-1]["summary"] == f"Imported by {outsider.user.username} from a file"
    again["history"].pop()
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
    if how == "a change that is a string":
        broken["history"][0]["changes"] = {"status": "not_started → done"}
    if how == "a change of three values":
        broken["history"][0]["changes"] = {"status": ["a", "b", "c"]}
    if how == "a change holding an object":
        broken["history"][0]["changes"] = {"status": [{"x": 1}, "done"]}
    if how == "changes that are a list":
        broken["history"][0]["changes"] = ["status"]
    if how == "a date and a time for a response":
        broken["responses"][0]["submitted_on"] = "2026-11-30T10:41:07.123456+00:00"
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
        ("a change that is a string", ("history", 0, "changes", "status")),
        ("a change of three values", ("history", 0, "changes", "status")),
        ("a change holding an object", ("history", 0, "changes", "status", 0)),
        ("changes that are a list", ("history", 0, "changes")),
        ("a date and a time for a response", ("responses", 0, "submitted_on")),
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


def test_exported_responses_carry_the_day_only_in_an_order_given_by_their_content(
    full_assessment,
):
    responses = export_assessment(full_assessment)["responses"]
    assert len(responses) == 8
    assert all(set(r) == {"source", "submitted_on", "ratings"} for r in responses)
    assert all(len(r["submitted_on"]) == 10 for r in responses)  # YYYY-MM-DD, no time
    # The fixture sent them with 1.1 at 0, 1, 2, 2, 3, 4, Don't know, 2: the file's order is
    # the content's (levels first, Don't know last), not the order they arrived in.
    assert [r["ratings"][0]["level"] for r in responses] == [0, 1, 2, 2, 2, 3, 4, None]
    Response.objects.filter(assessment=full_assessment).update(submitted_at=None)
    assert export_assessment(full_assessment)["responses"] == []


def test_no_response_is_exported_while_results_are_hidden(full_assessment, settings):
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 9
    full_assessment.mode = "individual"
    full_assessment.save()
    data = export_assessment(full_assessment)
    assert data["responses"] == [] and data["responses_withheld"] == 8
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 8
    data = export_assessment(full_assessment)
    assert len(data["responses"]) == 8 and data["responses_withheld"] == 0


def test_an_import_is_on_record_and_its_history_is_marked_as_the_files(full_assessment, outsider):
    data = json.loads(json.dumps(export_assessment(full_assessment)))
    data["history"].append(
        {"at": "2020-01-01T09:00:00+00:00", "by": "ceo", "summary": "Approved by the Board"}
    )
    imported = import_assessment(data, outsider.organisation, outsider.user)
    entries = list(HistoryEntry.objects.filter(assessment=imported).order_by("created_at"))
    from_file = [e for e in entries if e.original_at]
    assert len(from_file) == len(data["history"])
    forged = next(e for e in from_file if e.summary == "Approved by the Board")
    assert forged.original_at.year == 2020 and forged.created_at.year > 2020
    assert forged.actor is None and forged.actor_name == "ceo"
    own = [e for e in entries if not e.original_at]
    assert [(e.summary, e.actor) for e in own] == [
        (f"Imported by {outsider.user.username} from a file", outsider.user)
    ]
    assert Response.objects.filter(assessment=imported).count() == 8
    assert not Response.objects.filter(assessment=imported, imported=False).exists()


def test_imported_responses_never_unlock_hidden_results(full_assessment, outsider, settings):
    from mobilise.assessments.services.results import assessment_results

    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 3
    imported = import_assessment(export_assessment(full_assessment), outsider.organisation)
    imported.mode = "individual"
    imported.save()
    found = assessment_results(imported)
    assert found.hidden and (found.responses, found.counted) == (8, 0)
    assert export_assessment(imported)["responses"] == []


def test_a_version_1_file_is_still_read_as_days(full_assessment, outsider):
    data = json.loads(json.dumps(export_assessment(full_assessment)))
    data["schema_version"] = 1
    del data["responses_withheld"]
    for response in data["responses"]:
        del response["submitted_on"]
        response["submitted_at"] = "2026-07-01T23:30:00.123456+00:00"  # 00:30 on 2 July, UK
    imported = import_assessment(data, outsider.organisation)
    again = export_assessment(imported)
    assert again["schema_version"] == SCHEMA_VERSION == 2
    assert {r["submitted_on"] for r in again["responses"]} == {"2026-07-02"}
    assert len(again["responses"]) == 8


def test_history_pages_show_imported_lines_as_the_files(
    client, full_assessment, facilitator, admin
):
    from mobilise.core.tests.html import page, text

    data = json.loads(json.dumps(export_assessment(full_assessment)))
    data["history"] = [
        {
            "at": "2020-01-01T09:00:00+00:00",
            "by": "ceo",
            "summary": "Approved by the Board",
            "changes": {"status": ["in_progress", "done"]},
        }
    ]
    imported = import_assessment(data, facilitator.organisation, facilitator.user)
    for who, path in (
        (facilitator, f"/assessments/{imported.id}/history/"),
        (admin, "/organisation/history/"),
    ):
        client.force_login(who.user)
        html = page(client.get(path))
        row = next(r for r in html.select("tr") if "Approved by the Board" in r.text)
        assert text(row).count("from the imported file") == 2, text(row)
        assert "1 Jan 2020, 09:00" in text(row) and "ceo" in text(row)
        assert "Status: In progress → Done" in text(row)  # in words (#15)
        assert "Imported by" in text(html)


def test_a_change_stored_as_text_is_one_line_not_one_per_character(client, facilitator):
    from mobilise.assessments.tests.factories import AssessmentFactory
    from mobilise.audit.models import HistoryEntry
    from mobilise.core.tests.html import page, text

    assessment = AssessmentFactory(organisation=facilitator.organisation)
    HistoryEntry.objects.create(
        assessment=assessment, summary="Odd entry", changes={"status": "done"}
    )
    client.force_login(facilitator.user)
    html = page(client.get(f"/assessments/{assessment.id}/history/"))
    row = next(r for r in html.select("tr") if "Odd entry" in r.text)
    assert "→" not in text(row) and "Status: done" in text(row)


def test_a_show_of_hands_travels_in_the_file_and_is_refused_when_it_contradicts_itself(
    full_assessment, other_admin
):
    from mobilise.assessments.services import hands

    hands.set_hands(full_assessment, "2.1", {1: 3, None: 2})
    original = export_assessment(full_assessment)
    assert original["hand_counts"] == [
        {"element": "2.1", "level": 1, "count": 3},
        {"element": "2.1", "level": None, "count": 2},
    ]
    imported = import_assessment(original, other_admin.organisation, other_admin.user)
    assert hands.hands_for(imported, "2.1") == {0: 0, 1: 3, 2: 0, 3: 0, 4: 0, None: 2}
    twice = copy.deepcopy(original)
    twice["hand_counts"].append({"element": "2.1", "level": 1, "count": 1})
    with pytest.raises(InvalidInput) as refused:
        import_assessment(twice, other_admin.organisation, other_admin.user)
    assert [e.loc for e in refused.value.errors] == [("hand_counts", 2, "level")]
    older = {k: v for k, v in original.items() if k != "hand_counts"}
    assert not import_assessment(older, other_admin.organisation).hand_counts.exists()
