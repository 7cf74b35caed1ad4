"""Evidence behind each agreed rating: notes, links and files, with the date each
describes and who added it; offered again ("still true?") at the next cycle.

A file's type is read from its bytes, never from its name: PDF, PNG and JPEG by their
signatures, Word and Excel documents by the main part their [Content_Types].xml declares.
Its bytes go to the "evidence" storage (Django's storage API), which serves no URL."""

import datetime
import hashlib
import io
import uuid
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.http import FileResponse, Http404

from mobilise.accounts.models import User
from mobilise.assessments.access import element_of
from mobilise.assessments.models import (
    COMMENT_MAX_LENGTH,
    EVIDENCE_TITLE_MAX,
    EVIDENCE_URL_MAX,
    Assessment,
    Evidence,
    EvidenceKind,
)
from mobilise.audit.services import record
from mobilise.core.errors import FieldError, InvalidInput


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    label: str


PDF = FileType("application/pdf", "pdf", "PDF")
PNG = FileType("image/png", "png", "PNG image")
JPEG = FileType("image/jpeg", "jpg", "JPEG image")
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word"
)
XLSX = FileType(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel"
)
FILE_TYPES = {t.content_type: t for t in (PDF, PNG, JPEG, DOCX, XLSX)}
ACCEPTED = "a PDF, a Word document (.docx), an Excel workbook (.xlsx), or a PNG or JPEG image"

# The main part a Word or Excel package declares in [Content_Types].xml.
_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}


def storage() -> Storage:
    return storages["evidence"]


def max_bytes() -> int:
    return settings.MOBILISE_MAX_EVIDENCE_BYTES


def sniff(content: bytes) -> FileType | None:
    """The file's type from its bytes; None for anything not taken."""
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith(b"PK\x03\x04"):
        return _office_type(content)
    return None


def _office_type(content: bytes) -> FileType | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            info = package.getinfo("[Content_Types].xml")
            if info.file_size > 1024 * 1024:
                return None
            types = package.read(info).decode("utf-8", "replace")
    # A damaged zip fails in its own ways: its index, its compressed data, its encryption.
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        KeyError,
        ValueError,
        OSError,
        RuntimeError,
        NotImplementedError,
    ):
        return None
    return next((kind for part, kind in _MAIN_PARTS.items() if part in types), None)


def download_name(evidence: Evidence) -> str:
    """The file's own name, with the extension of what it really is."""
    kind = FILE_TYPES.get(evidence.file_type)
    stem = evidence.file_name.rsplit(".", 1)[0] if "." in evidence.file_name else evidence.file_name
    return f"{stem or 'evidence'}.{kind.extension}" if kind else evidence.file_name


def type_label(evidence: Evidence) -> str:
    kind = FILE_TYPES.get(evidence.file_type)
    return kind.label if kind else evidence.file_type


def for_assessment(assessment: Assessment, *, confirmed: bool = True) -> dict[str, list[Evidence]]:
    """Each element's evidence (the confirmed, or the offered-again), in date order."""
    found: dict[str, list[Evidence]] = {}
    for item in assessment.evidence.filter(confirmed=confirmed).select_related("added_by"):
        found.setdefault(item.element_code, []).append(item)
    return found


def get(assessment: Assessment, evidence_id) -> Evidence:
    """One piece of the assessment's evidence; a 404 for any other."""
    try:
        return assessment.evidence.get(pk=evidence_id)
    except (Evidence.DoesNotExist, ValidationError, ValueError) as missing:
        raise Http404("No such evidence") from missing


def _check(kind: str, title: str, note: str, url: str, describes_on) -> list[FieldError]:
    errors = []
    if kind not in EvidenceKind.values:
        errors.append(FieldError(("kind",), "Select a note, a link or a file"))
    if len(title) > EVIDENCE_TITLE_MAX:
        errors.append(
            FieldError(("title",), f"The title must be {EVIDENCE_TITLE_MAX} characters or fewer")
        )
    if kind == EvidenceKind.NOTE and not note:
        errors.append(FieldError(("note",), "Enter the note"))
    if len(note) > COMMENT_MAX_LENGTH:
        errors.append(
            FieldError(("note",), f"The note must be {COMMENT_MAX_LENGTH:,} characters or fewer")
        )
    if kind == EvidenceKind.LINK:
        errors.extend(check_url(url))
    if not isinstance(describes_on, datetime.date):
        errors.append(FieldError(("describes_on",), "Enter the date the evidence describes"))
    return errors


def check_url(url: str) -> list[FieldError]:
    if not url:
        return [FieldError(("url",), "Enter the link, starting https:// or http://")]
    if len(url) > EVIDENCE_URL_MAX:
        return [FieldError(("url",), f"The link must be {EVIDENCE_URL_MAX} characters or fewer")]
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return [FieldError(("url",), "Enter a web address starting https:// or http://")]
    return []


def check_file(name: str, content: bytes) -> FileType:
    """The file's type, or InvalidInput naming the `file` field."""
    if not content:
        raise InvalidInput([FieldError(("file",), "The selected file is empty")])
    if len(content) > max_bytes():
        raise InvalidInput(
            [FieldError(("file",), f"The file must be smaller than {max_bytes() // 2**20} MB")]
        )
    kind = sniff(content)
    if kind is None:
        raise InvalidInput([FieldError(("file",), f"The file must be {ACCEPTED}")])
    return kind


@transaction.atomic
def add(
    assessment: Assessment,
    element_code: str,
    *,
    kind: str,
    describes_on: datetime.date | None,
    title: str = "",
    note: str = "",
    url: str = "",
    file_name: str = "",
    content: bytes | None = None,
    added_by: User | None = None,
) -> Evidence:
    """Attach one piece of evidence to an element of the assessment."""
    element_of(assessment, element_code)
    title, note, url = (title or "").strip(), (note or "").strip(), (url or "").strip()
    errors = _check(kind, title, note, url, describes_on)
    file_type = None
    if kind == EvidenceKind.FILE:
        if content is None:
            errors.append(FieldError(("file",), "Select a file"))
        else:
            try:
                file_type = check_file(file_name, content)
            except InvalidInput as bad:
                errors.extend(bad.errors)
    if errors:
        raise InvalidInput(errors)
    evidence = Evidence(
        assessment=assessment,
        element_code=element_code,
        kind=kind,
        title=title or _default_title(kind, note, url, file_name),
        note=note if kind == EvidenceKind.NOTE else "",
        url=url if kind == EvidenceKind.LINK else "",
        describes_on=describes_on,
        added_by=added_by,
        added_by_name=added_by.name_to_record() if added_by else "",
    )
    if file_type is not None:
        _store(evidence, file_name, content, file_type)
    evidence.save()
    record(
        assessment,
        added_by,
        f"Added evidence to {element_code}: {evidence.get_kind_display().lower()} "
        f"“{evidence.title}”",
    )
    return evidence


def _default_title(kind: str, note: str, url: str, file_name: str) -> str:
    text = {EvidenceKind.NOTE: note, EvidenceKind.LINK: url}.get(kind, file_name) or "Evidence"
    return text if len(text) <= 80 else text[:79] + "…"


def _store(evidence: Evidence, file_name: str, content: bytes, file_type: FileType) -> None:
    clean = (file_name or "").replace("\\", "/").rsplit("/", 1)[-1][:200] or "evidence"
    evidence.file_name = clean
    evidence.file_type = file_type.content_type
    evidence.file_size = len(content)
    evidence.file_sha256 = hashlib.sha256(content).hexdigest()
    # The stored name says nothing of the file's own name or organisation.
    name = f"{evidence.assessment.organisation_id}/{uuid.uuid4().hex}.{file_type.extension}"
    stored = storage().save(name, ContentFile(content))
    evidence.stored_name = stored


@transaction.atomic
def update(
    evidence: Evidence,
    *,
    title: str,
    note: str = "",
    url: str = "",
    describes_on: datetime.date | None,
    by: User | None = None,
) -> Evidence:
    """Change a piece of evidence's title, words or link and date (its file stays); an
    offered-again piece is confirmed by it."""
    title, note, url = (title or "").strip(), (note or "").strip(), (url or "").strip()
    errors = _check(evidence.kind, title, note, url, describes_on)
    if errors:
        raise InvalidInput(errors)
    evidence.title = title or _default_title(evidence.kind, note, url, evidence.file_name)
    if evidence.kind == EvidenceKind.NOTE:
        evidence.note = note
    if evidence.kind == EvidenceKind.LINK:
        evidence.url = url
    evidence.describes_on = describes_on
    was_offered = not evidence.confirmed
    evidence.confirmed = True
    evidence.save()
    verb = "Updated and kept evidence from the last cycle" if was_offered else "Updated evidence"
    record(evidence.assessment, by, f"{verb} for {evidence.element_code}: “{evidence.title}”")
    return evidence


@transaction.atomic
def keep(evidence: Evidence, by: User | None = None) -> Evidence:
    """The group says evidence from the last cycle is still true."""
    if not evidence.confirmed:
        evidence.confirmed = True
        evidence.save(update_fields=["confirmed", "updated_at"])
        record(
            evidence.assessment,
            by,
            f"Kept evidence from the last cycle for {evidence.element_code}: “{evidence.title}”",
        )
    return evidence


@transaction.atomic
def remove(evidence: Evidence, by: User | None = None) -> None:
    """Remove a piece of evidence, and its file once the removal is committed."""
    offered = not evidence.confirmed
    record(
        evidence.assessment,
        by,
        f"{'Dropped evidence from the last cycle' if offered else 'Removed evidence'} for "
        f"{evidence.element_code}: {evidence.get_kind_display().lower()} “{evidence.title}”",
    )
    evidence.delete()  # its file goes once the removal is committed (_delete_file)


def read_file(evidence: Evidence):
    """An open file of the evidence's bytes; a 404 when none were carried here."""
    if not evidence.file_carried:
        raise Http404("This evidence has no file here")
    try:
        return storage().open(evidence.stored_name, "rb")
    except FileNotFoundError as missing:
        raise Http404("The file is missing") from missing


@receiver(post_delete, sender=Evidence)
def _delete_file(sender, instance: Evidence, **kwargs) -> None:
    if stored := instance.stored_name:
        transaction.on_commit(lambda: storage().delete(stored))


def download(evidence: Evidence) -> FileResponse:
    """The file as an attachment, typed by its content, never shown in the browser; pages
    and the API serve it only after loading it through the caller's organisation."""
    response = FileResponse(
        read_file(evidence),
        as_attachment=True,
        filename=download_name(evidence),
        content_type=evidence.file_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@transaction.atomic
def offer_again(previous: Assessment, following: Assessment) -> int:
    """Offer the previous cycle's evidence at the next one, each piece waiting for the
    group to keep, update or drop it. Files are copied, so dropping one here leaves the
    old cycle's file alone. Returns how many pieces are offered."""
    count = 0
    for old in previous.evidence.filter(confirmed=True):
        if following.framework.element(old.element_code) is None:
            continue
        copy = Evidence(
            assessment=following,
            element_code=old.element_code,
            kind=old.kind,
            title=old.title,
            note=old.note,
            url=old.url,
            describes_on=old.describes_on,
            file_name=old.file_name,
            file_type=old.file_type,
            file_size=old.file_size,
            file_sha256=old.file_sha256,
            confirmed=False,
            carried_from=old,
            added_by=old.added_by,
            added_by_name=old.added_by_name,
        )
        if old.file_carried:
            try:
                with storage().open(old.stored_name, "rb") as source:
                    name = f"{following.organisation_id}/{uuid.uuid4().hex}.{_extension(old)}"
                    copy.stored_name = storage().save(name, ContentFile(source.read()))
            except FileNotFoundError:
                copy.stored_name = ""
        copy.save()
        count += 1
    return count


def _extension(evidence: Evidence) -> str:
    kind = FILE_TYPES.get(evidence.file_type)
    return kind.extension if kind else "bin"
