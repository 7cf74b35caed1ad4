"""Evidence behind agreed ratings: the rules, the type read from the bytes, the storage."""

import datetime
import hashlib

import pytest
from django.http import Http404

from mobilise.assessments.models import Evidence, EvidenceKind
from mobilise.assessments.services import evidence
from mobilise.assessments.tests import evidence_files as files
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.models import HistoryEntry
from mobilise.core.errors import InvalidInput

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 10, 1)


def fields(error: InvalidInput) -> dict:
    return {e.loc[0]: e.msg for e in error.errors}


def test_a_note_a_link_and_a_file_are_added_with_their_date_and_who(assessment, facilitator):
    note = evidence.add(
        assessment,
        "1.1",
        kind="note",
        note="Board minutes cite the review",
        describes_on=DAY,
        added_by=facilitator.user,
    )
    link = evidence.add(
        assessment,
        "1.1",
        kind="link",
        title="Intranet page",
        url="https://example.org/kls",
        describes_on=DAY,
        added_by=facilitator.user,
    )
    upload = evidence.add(
        assessment,
        "1.1",
        kind="file",
        file_name="survey.pdf",
        content=files.PDF,
        describes_on=datetime.date(2026, 9, 1),
        added_by=facilitator.user,
    )
    assert note.title == "Board minutes cite the review"
    assert link.url == "https://example.org/kls" and link.title == "Intranet page"
    assert upload.file_type == "application/pdf" and upload.file_size == len(files.PDF)
    assert upload.file_sha256 == hashlib.sha256(files.PDF).hexdigest()
    assert upload.describes_on == datetime.date(2026, 9, 1)
    assert upload.created_at.date() != upload.describes_on
    assert upload.added_by_name == facilitator.user.display_name
    with evidence.read_file(upload) as stored:
        assert stored.read() == files.PDF
    # The stored name says nothing of the file's own name.
    assert "survey" not in upload.stored_name
    listed = evidence.for_assessment(assessment)["1.1"]
    assert [e.kind for e in listed] == ["file", "note", "link"]  # by the date each describes
    summaries = list(HistoryEntry.objects.values_list("summary", flat=True))
    assert sum("Added evidence to 1.1" in s for s in summaries) == 3


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (files.PDF, "application/pdf"),
        (files.PNG, "image/png"),
        (files.JPEG, "image/jpeg"),
        (files.DOCX, evidence.DOCX.content_type),
        (files.XLSX, evidence.XLSX.content_type),
    ],
)
def test_each_type_taken_is_known_by_its_bytes(content, content_type):
    assert evidence.sniff(content).content_type == content_type


def test_a_pdf_name_on_png_bytes_is_typed_by_its_content(assessment):
    upload = evidence.add(
        assessment, "2.1", kind="file", file_name="chart.pdf", content=files.PNG, describes_on=DAY
    )
    assert upload.file_type == "image/png"
    assert evidence.download_name(upload) == "chart.png"


@pytest.mark.parametrize(
    "content", [files.HTML, files.plain_zip(), b"PK\x03\x04 not a zip", b"MZ\x90\x00exe"]
)
def test_anything_else_is_refused_naming_the_file_field(assessment, content):
    with pytest.raises(InvalidInput) as refused:
        evidence.add(
            assessment,
            "1.1",
            kind="file",
            file_name="report.pdf",
            content=content,
            describes_on=DAY,
        )
    assert "file" in fields(refused.value)
    assert not Evidence.objects.exists()


def test_a_file_over_the_limit_is_refused(assessment, settings):
    settings.MOBILISE_MAX_EVIDENCE_BYTES = 100
    with pytest.raises(InvalidInput) as refused:
        evidence.add(
            assessment,
            "1.1",
            kind="file",
            file_name="big.pdf",
            content=files.PDF + b" " * 100,
            describes_on=DAY,
        )
    assert "smaller than" in fields(refused.value)["file"]


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/x", "file:///etc/passwd", "example.org"]
)
def test_only_http_and_https_links_are_taken(assessment, url):
    with pytest.raises(InvalidInput) as refused:
        evidence.add(assessment, "1.1", kind="link", url=url, describes_on=DAY)
    assert "url" in fields(refused.value)


def test_the_date_described_and_the_note_are_needed(assessment):
    with pytest.raises(InvalidInput) as refused:
        evidence.add(assessment, "1.1", kind="note", note="", describes_on=None)
    assert set(fields(refused.value)) == {"note", "describes_on"}


def test_an_unknown_element_is_a_404(assessment):
    with pytest.raises(Http404):
        evidence.add(assessment, "9.9", kind="note", note="x", describes_on=DAY)


def test_removing_deletes_the_file_and_is_in_the_history(
    assessment, django_capture_on_commit_callbacks
):
    upload = evidence.add(
        assessment, "1.1", kind="file", file_name="a.pdf", content=files.PDF, describes_on=DAY
    )
    stored = upload.stored_name
    with django_capture_on_commit_callbacks(execute=True):
        evidence.remove(upload)
    assert not evidence.storage().exists(stored)
    assert HistoryEntry.objects.filter(summary__startswith="Removed evidence for 1.1").exists()


def test_another_assessments_evidence_is_a_404(assessment):
    other = AssessmentFactory()
    theirs = evidence.add(other, "1.1", kind="note", note="theirs", describes_on=DAY)
    with pytest.raises(Http404):
        evidence.get(assessment, theirs.id)
    with pytest.raises(Http404):
        evidence.get(assessment, "not-a-uuid")


def test_the_last_cycles_evidence_is_offered_to_keep_update_or_drop(assessment):
    following = AssessmentFactory(organisation=assessment.organisation, unit=assessment.unit)
    evidence.add(assessment, "1.1", kind="note", note="Still done", describes_on=DAY)
    evidence.add(assessment, "1.2", kind="link", url="https://example.org", describes_on=DAY)
    upload = evidence.add(
        assessment, "1.3", kind="file", file_name="a.pdf", content=files.PDF, describes_on=DAY
    )
    assert evidence.offer_again(assessment, following) == 3
    assert evidence.for_assessment(following) == {}
    offered = evidence.for_assessment(following, confirmed=False)
    kept = evidence.keep(offered["1.1"][0])
    assert kept.confirmed
    updated = evidence.update(
        offered["1.2"][0],
        title="New page",
        url="https://example.org/new",
        describes_on=datetime.date(2026, 11, 1),
    )
    assert updated.confirmed and updated.url == "https://example.org/new"
    copied = offered["1.3"][0]
    assert copied.stored_name != upload.stored_name
    with evidence.read_file(copied) as stored:
        assert stored.read() == files.PDF
    evidence.remove(copied)
    assert set(evidence.for_assessment(following)) == {"1.1", "1.2"}
    # The last cycle's own evidence is untouched.
    assert len(evidence.for_assessment(assessment)) == 3
    assert evidence.storage().exists(upload.stored_name)
    assert HistoryEntry.objects.filter(summary__startswith="Dropped evidence").exists()
    assert HistoryEntry.objects.filter(summary__startswith="Kept evidence").exists()


def test_a_reference_without_its_file_is_not_served(assessment):
    reference = Evidence.objects.create(
        assessment=assessment,
        element_code="1.1",
        kind=EvidenceKind.FILE,
        title="x",
        describes_on=DAY,
        file_name="x.pdf",
        file_type="application/pdf",
    )
    assert not reference.file_carried
    with pytest.raises(Http404):
        evidence.read_file(reference)


def test_deleting_the_assessment_deletes_its_evidence_files(
    assessment, django_capture_on_commit_callbacks
):
    upload = evidence.add(
        assessment, "1.1", kind="file", file_name="a.pdf", content=files.PDF, describes_on=DAY
    )
    with django_capture_on_commit_callbacks(execute=True):
        assessment.delete()
    assert not evidence.storage().exists(upload.stored_name)


def test_a_zip_whose_compressed_data_is_damaged_is_refused_not_a_500():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types>" + "x" * 5000 + "</Types>")
    damaged = bytearray(buffer.getvalue())
    start = 30 + len("[Content_Types].xml")  # the local header, then the compressed data
    for index in range(start, start + 20):
        damaged[index] ^= 0xFF
    assert evidence.sniff(bytes(damaged)) is None
    with pytest.raises(InvalidInput) as refused:
        evidence.check_file("report.docx", bytes(damaged))
    assert refused.value.errors[0].loc == ("file",)
