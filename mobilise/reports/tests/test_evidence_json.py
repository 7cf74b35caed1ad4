"""Evidence in the JSON export and import: notes and links whole, files as references
flagged as not carried."""

import copy
import datetime
import hashlib
import json

import pytest

from mobilise.assessments.models import Evidence
from mobilise.assessments.services import evidence
from mobilise.assessments.tests import evidence_files as files
from mobilise.core.errors import InvalidInput
from mobilise.reports.json_export import export_assessment
from mobilise.reports.json_import import import_assessment

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 9, 15)


@pytest.fixture
def exported(full_assessment, facilitator):
    evidence.add(
        full_assessment,
        "1.1",
        kind="note",
        note="Minutes",
        describes_on=DAY,
        added_by=facilitator.user,
    )
    evidence.add(
        full_assessment,
        "1.1",
        kind="link",
        title="Page",
        url="https://example.org/p",
        describes_on=DAY,
    )
    evidence.add(
        full_assessment,
        "2.3",
        kind="file",
        title="Survey",
        file_name="survey.pdf",
        content=files.PDF,
        describes_on=DAY,
    )
    return export_assessment(full_assessment)


def test_notes_and_links_travel_and_files_as_references(exported, facilitator):
    by_kind = {e["kind"]: e for e in exported["evidence"]}
    assert by_kind["note"] == {
        "element": "1.1",
        "kind": "note",
        "title": "Minutes",
        "note": "Minutes",
        "url": "",
        "describes_on": "2026-09-15",
        "added_by": facilitator.user.display_name,
        "file": None,
        "file_carried": False,
    }
    assert by_kind["link"]["url"] == "https://example.org/p"
    assert by_kind["file"]["file"] == {
        "name": "survey.pdf",
        "type": "application/pdf",
        "size": len(files.PDF),
        "sha256": hashlib.sha256(files.PDF).hexdigest(),
    }
    assert by_kind["file"]["file_carried"] is False
    assert files.PDF.decode() not in json.dumps(exported)


def test_an_import_keeps_the_references_without_files_and_exports_them_again(exported, outsider):
    imported = import_assessment(
        json.loads(json.dumps(exported)), outsider.organisation, outsider.user
    )
    reference = Evidence.objects.get(assessment=imported, kind="file")
    assert not reference.file_carried and reference.stored_name == ""
    assert export_assessment(imported)["evidence"] == exported["evidence"]


def test_a_file_without_the_evidence_key_imports_with_none(exported, outsider):
    older = {k: v for k, v in exported.items() if k != "evidence"}
    imported = import_assessment(older, outsider.organisation, outsider.user)
    assert not imported.evidence.exists()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"element": "9.9"}, ["evidence", 0, "element"]),
        ({"kind": "link", "url": "javascript:alert(1)"}, ["evidence", 0, "url"]),
        ({"file_carried": True}, ["evidence", 0, "file_carried"]),
        ({"kind": "file", "file": None}, ["evidence", 0, "file"]),
    ],
)
def test_bad_evidence_is_refused_and_nothing_is_created(exported, outsider, change, where):
    data = copy.deepcopy(exported)
    data["evidence"][0].update(change)
    with pytest.raises(InvalidInput) as refused:
        import_assessment(data, outsider.organisation, outsider.user)
    assert where in [list(e.loc[: len(where)]) for e in refused.value.errors]
    assert not Evidence.objects.filter(assessment__organisation=outsider.organisation).exists()
