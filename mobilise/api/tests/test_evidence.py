"""The evidence API: list, add a note or link (JSON) or a file (multipart), delete, download."""

import datetime
import hashlib

import pytest
from django.test import Client

from conftest import api_client_for
from mobilise.assessments.models import Evidence
from mobilise.assessments.services import evidence
from mobilise.assessments.tests import evidence_files as files
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.models import HistoryEntry

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 10, 1)


def path(assessment, code="1.1", rest=""):
    return f"/api/v1/assessments/{assessment.id}/elements/{code}/evidence{rest}"


def test_a_note_and_a_link_are_added_as_json_and_listed(facilitator_api, assessment):
    note = facilitator_api.post(
        path(assessment),
        {"kind": "note", "note": "Seen at the Board", "describes_on": "2026-09-30"},
        content_type="application/json",
    )
    assert note.status_code == 201, note.json()
    assert note.json()["title"] == "Seen at the Board"
    assert note.json()["describes_on"] == "2026-09-30"
    link = facilitator_api.post(
        path(assessment),
        {
            "kind": "link",
            "url": "https://example.org/a",
            "title": "A",
            "describes_on": "2026-10-01",
        },
        content_type="application/json",
    )
    assert link.status_code == 201
    listed = facilitator_api.get(path(assessment)).json()
    assert [e["kind"] for e in listed] == ["note", "link"]
    assert listed[1]["url"] == "https://example.org/a" and listed[1]["file"] is None
    assert facilitator_api.get(path(assessment, "1.2")).json() == []


def test_a_file_is_added_as_multipart_and_downloaded(facilitator_api, assessment):
    from django.core.files.uploadedfile import SimpleUploadedFile

    added = facilitator_api.post(
        path(assessment),
        {
            "kind": "file",
            "describes_on": "2026-09-01",
            "file": SimpleUploadedFile("s.docx", files.DOCX),
        },
    )
    assert added.status_code == 201, added.json()
    file = added.json()["file"]
    assert file["type"] == evidence.DOCX.content_type
    assert file["sha256"] == hashlib.sha256(files.DOCX).hexdigest() and file["carried"]
    got = facilitator_api.get(file["download_url"].removeprefix("http://testserver"))
    assert got.status_code == 200
    assert got["Content-Disposition"].startswith("attachment")
    assert got["X-Content-Type-Options"] == "nosniff"
    assert b"".join(got.streaming_content) == files.DOCX


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "link", "url": "javascript:alert(1)", "describes_on": "2026-01-01"}, "url"),
        ({"kind": "note", "note": "", "describes_on": "2026-01-01"}, "note"),
        ({"kind": "note", "note": "x"}, "describes_on"),
        ({"kind": "file", "describes_on": "2026-01-01"}, "kind"),
    ],
)
def test_bad_json_is_a_422_naming_the_field(facilitator_api, assessment, body, field):
    response = facilitator_api.post(path(assessment), body, content_type="application/json")
    assert response.status_code == 422
    assert ["body", field] in [e["loc"][:2] for e in response.json()["detail"]]
    assert not Evidence.objects.exists()


def test_an_html_file_named_pdf_is_a_422_and_a_big_file_a_413(
    facilitator_api, assessment, settings
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    html = facilitator_api.post(
        path(assessment),
        {
            "kind": "file",
            "describes_on": "2026-09-01",
            "file": SimpleUploadedFile("x.pdf", files.HTML),
        },
    )
    assert html.status_code == 422
    assert html.json()["detail"][0]["loc"] == ["body", "file"]
    settings.MOBILISE_MAX_EVIDENCE_BYTES = 20
    big = facilitator_api.post(
        path(assessment),
        {
            "kind": "file",
            "describes_on": "2026-09-01",
            "file": SimpleUploadedFile("x.pdf", files.PDF),
        },
    )
    assert big.status_code == 413
    assert not Evidence.objects.exists()


def test_delete_removes_it_and_records_it(facilitator_api, assessment):
    item = evidence.add(assessment, "1.1", kind="note", note="x", describes_on=DAY)
    assert facilitator_api.delete(path(assessment, "1.2", f"/{item.id}")).status_code == 404
    assert facilitator_api.delete(path(assessment, "1.1", f"/{item.id}")).status_code == 204
    assert not Evidence.objects.exists()
    assert HistoryEntry.objects.filter(summary__startswith="Removed evidence").exists()


def test_a_viewer_reads_but_cannot_add_or_delete(viewer_api, assessment):
    item = evidence.add(assessment, "1.1", kind="note", note="x", describes_on=DAY)
    assert viewer_api.get(path(assessment)).status_code == 200
    body = {"kind": "note", "note": "y", "describes_on": "2026-01-01"}
    assert (
        viewer_api.post(path(assessment), body, content_type="application/json").status_code == 403
    )
    assert viewer_api.delete(path(assessment, "1.1", f"/{item.id}")).status_code == 403
    assert Evidence.objects.count() == 1


def test_another_organisations_evidence_and_file_are_404_and_no_token_no_file(
    facilitator_api, assessment, outsider
):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    item = evidence.add(
        theirs, "1.1", kind="file", file_name="a.pdf", content=files.PDF, describes_on=DAY
    )
    file_path = path(theirs, "1.1", f"/{item.id}/file")
    assert facilitator_api.get(file_path).status_code == 404
    assert facilitator_api.get(path(assessment, "1.1", f"/{item.id}/file")).status_code == 404
    assert facilitator_api.get(path(theirs)).status_code == 404
    assert facilitator_api.delete(path(theirs, "1.1", f"/{item.id}")).status_code == 404
    assert Client().get(file_path).status_code == 401
    # A session is not a token: the API never serves a file to a signed-in browser alone.
    browser = Client()
    browser.force_login(outsider.user)
    assert browser.get(file_path).status_code == 401
    assert api_client_for(outsider).get(file_path).status_code == 200
