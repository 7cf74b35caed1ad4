"""A plan's sign-offs in the JSON export and import: each version as it was agreed, its
actions named by their place in the plan (or null for one removed since), so that after an
import the plan is still agreed and says what changed since, in the same words."""

import copy
import json

import pytest

from mobilise.assessments.models import Assessment
from mobilise.core.errors import InvalidInput
from mobilise.plans.models import PlanSignOff
from mobilise.plans.services import plan as plans
from mobilise.plans.services import sign_off as signing
from mobilise.plans.tests.factories import action
from mobilise.plans.tests.test_sign_off import BOARD
from mobilise.reports.json_export import export_assessment
from mobilise.reports.json_import import import_assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreed(assessment, admin):
    """Agreed twice; since then one action moved on, one was removed and one added."""
    first = action(assessment, ["1.1"], text="Summaries")
    dropped = action(assessment, ["2.1"], text="Journal club")
    signing.sign_off(assessment, admin, BOARD, admin.user)
    plans.mark_no_action(assessment, "4.5", "Already strong")
    signing.sign_off(assessment, admin, BOARD, admin.user)
    plans.update_action(first, plans.ActionFields(status="done", given={"status"}))
    plans.delete_action(dropped)
    action(assessment, ["3.1"], text="Horizon scanning")
    return assessment


def said(assessment) -> list[tuple]:
    return [(c.kind, c.text, c.details) for c in signing.standing(assessment).changes]


def test_each_version_travels_as_it_was_agreed(agreed):
    exported = export_assessment(agreed)
    first, second = exported["sign_offs"]
    assert first["version"] == 1 and second["version"] == 2
    assert first["agreed_by"] == "Trust Board" and first["agreed_on"] == "2026-11-26"
    assert first["no_action"] == [] and second["no_action"] == [
        {"element": "4.5", "reason": "Already strong"}
    ]
    texts = [a["text"] for a in exported["plan"]["actions"]]
    assert texts == ["Summaries", "Horizon scanning"]
    kept = {a["text"]: a for a in second["actions"]}
    assert kept["Summaries"]["action"] == 0 and kept["Summaries"]["status"] == "not_started"
    assert kept["Journal club"]["action"] is None  # removed from the plan since
    assert "id" not in kept["Summaries"]


def test_an_import_is_still_agreed_and_tells_the_same_changes(agreed, outsider):
    exported = export_assessment(agreed)
    imported = import_assessment(
        json.loads(json.dumps(exported)), outsider.organisation, outsider.user
    )
    assert [v.version for v in signing.versions(imported)] == [1, 2]
    assert said(imported) == said(agreed) and len(said(agreed)) == 3
    assert signing.standing(imported).in_words == signing.standing(agreed).in_words
    assert export_assessment(imported)["sign_offs"] == exported["sign_offs"]
    assert signing.versions(imported)[0].recorded_by is None


def test_a_file_without_sign_offs_imports_as_a_draft(agreed, outsider):
    older = {k: v for k, v in export_assessment(agreed).items() if k != "sign_offs"}
    imported = import_assessment(older, outsider.organisation, outsider.user)
    assert signing.standing(imported).agreed is None


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda s: s[1].update(version=1), ["sign_offs", 1, "version"]),
        (lambda s: s[0].update(agreed_by=" "), ["sign_offs", 0, "agreed_by"]),
        (lambda s: s[0].update(agreed_on="2999-01-01"), ["sign_offs", 0, "agreed_on"]),
        (lambda s: s[0].update(version=0), ["sign_offs", 0, "version"]),
        (lambda s: s[0]["actions"][0].update(action=7), ["sign_offs", 0, "actions", 0, "action"]),
        (
            lambda s: s[0]["actions"][1].update(action=s[0]["actions"][0]["action"]),
            ["sign_offs", 0, "actions", 1, "action"],
        ),
        (
            lambda s: s[0]["actions"][0].update(elements=["9.9"]),
            ["sign_offs", 0, "actions", 0, "elements", 0],
        ),
        (lambda s: s[0]["actions"][0].update(status="won"), ["sign_offs", 0, "actions", 0]),
        (
            lambda s: s[1]["no_action"][0].update(element="0.0"),
            ["sign_offs", 1, "no_action", 0, "element"],
        ),
    ],
)
def test_a_bad_sign_off_is_refused_naming_it_and_nothing_is_created(
    agreed, outsider, change, where
):
    data = copy.deepcopy(export_assessment(agreed))
    change(data["sign_offs"])
    before = Assessment.objects.count(), PlanSignOff.objects.count()
    with pytest.raises(InvalidInput) as refused:
        import_assessment(data, outsider.organisation, outsider.user)
    assert where in [list(e.loc[: len(where)]) for e in refused.value.errors]
    assert (Assessment.objects.count(), PlanSignOff.objects.count()) == before
