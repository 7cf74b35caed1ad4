"""Evidence behind an element's agreed rating: list, add (a note or link as JSON, a file
as multipart/form-data), delete, and download a file. Thin routes over the service the
pages use. Bearer tokens only, so a multipart body cannot be posted across sites."""

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Status
from ninja.errors import HttpError

from mobilise.api.assessment_schemas import EvidenceIn, EvidenceOut, ValidationErrorOut
from mobilise.api.auth import caller
from mobilise.api.body import BodyInvalid, documented_body, parse_body
from mobilise.api.errors import service_errors
from mobilise.api.permissions import require_editor
from mobilise.api.schemas import Error, attachment
from mobilise.assessments.access import load
from mobilise.assessments.models import Assessment, Evidence, EvidenceKind
from mobilise.assessments.services import evidence as service

router = Router(tags=["Evidence"])

READ = {401: Error, 404: Error, 403: Error}
PATH = "/assessments/{assessment_id}/elements/{element}/evidence"


def evidence_out(request: HttpRequest, item: Evidence) -> dict:
    file = None
    if item.kind == EvidenceKind.FILE:
        file = {
            "name": item.file_name,
            "type": item.file_type,
            "size": item.file_size,
            "sha256": item.file_sha256,
            "carried": item.file_carried,
            "download_url": request.build_absolute_uri(
                reverse(
                    "api-1.0.0:evidence_file",
                    args=[item.assessment_id, item.element_code, item.id],
                )
            )
            if item.file_carried
            else None,
        }
    return {
        "id": str(item.id),
        "element": item.element_code,
        "kind": item.kind,
        "title": item.title,
        "note": item.note,
        "url": item.url,
        "describes_on": item.describes_on,
        "added_by": item.added_by_name,
        "added_at": item.created_at,
        "offered_again": not item.confirmed,
        "file": file,
    }


def _element(request: HttpRequest, assessment_id: str, element: str) -> Assessment:
    assessment = load(request, assessment_id)
    if assessment.framework.element(element) is None:
        raise HttpError(404, "No such element")
    return assessment


def _item(assessment: Assessment, element: str, evidence_id: str) -> Evidence:
    item = service.get(assessment, evidence_id)
    if item.element_code != element:
        raise HttpError(404, "No such evidence")
    return item


@router.get(PATH, response={200: list[EvidenceOut], **READ}, summary="List an element's evidence")
def list_evidence(request: HttpRequest, assessment_id: str, element: str):
    assessment = _element(request, assessment_id, element)
    return [
        evidence_out(request, item)
        for item in assessment.evidence.filter(element_code=element).order_by(
            "confirmed", "describes_on", "created_at"
        )
    ]


MULTIPART = {
    "type": "object",
    "required": ["kind", "describes_on", "file"],
    "properties": {
        "kind": {"type": "string", "enum": ["file"]},
        "describes_on": {"type": "string", "format": "date"},
        "title": {"type": "string", "maxLength": 200},
        "file": {
            "type": "string",
            "format": "binary",
            "description": "PDF, Word (.docx), Excel (.xlsx), PNG or JPEG, typed by its content",
        },
    },
}
_body = documented_body(EvidenceIn)
_body["requestBody"]["content"]["multipart/form-data"] = {"schema": MULTIPART}


@router.post(
    PATH,
    response={201: EvidenceOut, **READ, 413: Error, 415: Error, 422: ValidationErrorOut},
    openapi_extra=_body,
    summary="Add evidence to an element: a note or link (JSON) or a file (multipart)",
)
def add_evidence(request: HttpRequest, assessment_id: str, element: str):
    assessment = _element(request, assessment_id, element)
    membership = caller(request)
    require_editor(membership)
    if request.content_type == "multipart/form-data":
        fields = _multipart(request)
    else:
        body = parse_body(request, EvidenceIn)
        fields = {
            "kind": body.kind,
            "describes_on": body.describes_on,
            "title": body.title or "",
            "note": body.note or "",
            "url": body.url or "",
        }
    with service_errors():
        item = service.add(assessment, element, added_by=membership.user, **fields)
    return Status(201, evidence_out(request, item))


def _multipart(request: HttpRequest) -> dict:
    upload = request.FILES.get("file")
    if upload is not None and upload.size > service.max_bytes():
        raise HttpError(413, f"The file must be smaller than {service.max_bytes() // 2**20} MB")
    errors = []
    if request.POST.get("kind") != EvidenceKind.FILE:
        errors.append({"loc": ["body", "kind"], "msg": "Send kind=file with a file"})
    try:
        describes_on = datetime.date.fromisoformat(request.POST.get("describes_on", ""))
    except ValueError:
        describes_on = None
        errors.append({"loc": ["body", "describes_on"], "msg": "Give the date as YYYY-MM-DD"})
    if upload is None:
        errors.append({"loc": ["body", "file"], "msg": "Send the file in the field 'file'"})
    if errors:
        raise BodyInvalid(errors)
    return {
        "kind": EvidenceKind.FILE,
        "describes_on": describes_on,
        "title": request.POST.get("title", ""),
        "file_name": upload.name,
        "content": upload.read(),
    }


@router.delete(
    PATH + "/{evidence_id}", response={204: None, **READ}, summary="Remove a piece of evidence"
)
def delete_evidence(request: HttpRequest, assessment_id: str, element: str, evidence_id: str):
    assessment = _element(request, assessment_id, element)
    item = _item(assessment, element, evidence_id)
    membership = caller(request)
    require_editor(membership)
    service.remove(item, by=membership.user)
    return Status(204, None)


@router.get(
    PATH + "/{evidence_id}/file",
    response={200: None, **READ},
    url_name="evidence_file",
    summary="Download an evidence file (an attachment, typed by its content)",
    openapi_extra=attachment("The file, as an attachment", service.FILE_TYPES),
)
def evidence_file(request: HttpRequest, assessment_id: str, element: str, evidence_id: str):
    assessment = _element(request, assessment_id, element)
    try:
        return service.download(_item(assessment, element, evidence_id))
    except ValidationError as bad:
        raise HttpError(404, "No such evidence") from bad
