"""Exports and imports: the same files as the download buttons."""

from django.http import HttpRequest
from ninja import Router, Status
from ninja.errors import HttpError

from mobilise.api.assessment_schemas import AssessmentOut, ValidationErrorOut
from mobilise.api.assessments import READ, assessment_out, load
from mobilise.api.auth import caller
from mobilise.api.body import load_json
from mobilise.api.errors import service_errors
from mobilise.api.permissions import require_editor
from mobilise.api.schemas import Error, attachment
from mobilise.reports.exports import FORMATS, export_file
from mobilise.reports.json_import import import_assessment

router = Router(tags=["Exports"])


@router.get(
    "/assessments/{assessment_id}/export/{format}",
    response={200: None, **READ},
    summary=f"Download the assessment as {', '.join(FORMATS)}",
    openapi_extra=attachment(
        "The file, as an attachment named organisation-unit-date",
        (content_type for content_type, _ in FORMATS.values()),
    ),
)
def export(request: HttpRequest, assessment_id: str, format: str):
    assessment = load(request, assessment_id)
    if format not in FORMATS:
        raise HttpError(404, "No such export format")
    return export_file(assessment, format).as_attachment()


@router.post(
    "/assessments/import",
    response={
        201: AssessmentOut,
        401: Error,
        403: Error,
        413: Error,
        415: Error,
        422: ValidationErrorOut,
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "description": "A JSON export (schema mobilise.assessment, version 1)",
                    }
                }
            },
        }
    },
    summary="Import an assessment from its JSON export",
)
def import_(request: HttpRequest):
    """Recreates the exported assessment in the caller's organisation. Anything that is not
    such an export answers 422 and creates nothing."""
    membership = caller(request)
    require_editor(membership)
    data = load_json(request, max_values=None)
    with service_errors():
        assessment = import_assessment(data, membership.organisation, membership.user)
    return Status(201, assessment_out(request, assessment))
