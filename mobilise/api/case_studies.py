"""Impact case studies written from a plan's done actions: list, read, write, change and
delete. Thin routes over the service the pages use (plans/services/case_studies.py)."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Status

from mobilise.api.assessments import CHANGE, READ, load
from mobilise.api.auth import caller
from mobilise.api.body import documented_body, parse_body
from mobilise.api.errors import service_errors
from mobilise.api.permissions import require_editor
from mobilise.api.plan_schemas import CaseStudyIn, CaseStudyOut, CaseStudyPatch
from mobilise.api.schemas import attachment
from mobilise.plans.services import case_studies as service
from mobilise.reports.exports import FORMATS, case_study_file

router = Router(tags=["Impact case studies"])
PATH = "/assessments/{assessment_id}/case-studies"


def case_study_out(request: HttpRequest, found: service.Written) -> dict:
    case = found.case
    later = found.reassessment
    return {
        "id": str(case.id),
        **{name: getattr(case, name) for name in service.PART_NAMES},
        "written_by": case.written_by_name,
        "written_at": case.created_at,
        "actions": [str(a.id) for a in found.actions],
        "elements": found.elements,
        "reassessment": {"id": str(later.id), "title": later.title} if later else None,
        "scores": [
            {"element": s.element, "before": s.before, "after": s.after, "change": s.change}
            for s in found.scores
        ],
        "docx_url": request.build_absolute_uri(
            reverse("api-1.0.0:case_study_docx", args=[case.plan.assessment_id, case.id])
        ),
    }


def _out(request: HttpRequest, case) -> dict:
    return case_study_out(request, service.written_one(case))


@router.get(
    PATH,
    response={200: list[CaseStudyOut], **READ},
    summary="The plan's impact case studies, oldest first",
)
def list_case_studies(request: HttpRequest, assessment_id: str):
    found = service.written(service.of_assessment(load(request, assessment_id)))
    return [case_study_out(request, item) for item in found]


@router.post(
    PATH,
    response={201: CaseStudyOut, **CHANGE},
    openapi_extra=documented_body(CaseStudyIn),
    summary="Write an impact case study from done actions of the plan",
)
def write_case_study(request: HttpRequest, assessment_id: str):
    """The title, challenge, what the service did, intervention and outcome are needed; a
    quote needs its champion's name; `actions` are ids of done actions of this plan."""
    assessment = load(request, assessment_id)
    membership = caller(request)
    require_editor(membership)
    body = parse_body(request, CaseStudyIn)
    fields = service.CaseStudyFields(**body.model_dump())
    with service_errors():
        case = service.write(assessment, membership, fields, membership.user)
    return Status(201, _out(request, service.get(assessment, case.id)))


@router.get(
    PATH + "/{case_id}",
    response={200: CaseStudyOut, **READ},
    summary="An impact case study with the score change at the next cycle",
)
def get_case_study(request: HttpRequest, assessment_id: str, case_id: str):
    return _out(request, _case(request, assessment_id, case_id))


@router.patch(
    PATH + "/{case_id}",
    response={200: CaseStudyOut, **CHANGE},
    openapi_extra=documented_body(CaseStudyPatch, required=False),
    summary="Change an impact case study",
)
def change_case_study(request: HttpRequest, assessment_id: str, case_id: str):
    """Only the fields given change; `null` empties an optional field."""
    case = _case(request, assessment_id, case_id)
    membership = caller(request)
    require_editor(membership)
    body = parse_body(request, CaseStudyPatch)
    given = body.model_dump(include=body.model_fields_set)
    fields = service.CaseStudyFields.of(case)
    for name, value in given.items():
        setattr(fields, name, [] if value is None and name == "actions" else value or "")
    with service_errors():
        service.change(case, membership, fields, membership.user)
    return _out(request, service.get(case.plan.assessment, case.id))


@router.delete(
    PATH + "/{case_id}", response={204: None, **READ}, summary="Delete an impact case study"
)
def delete_case_study(request: HttpRequest, assessment_id: str, case_id: str):
    case = _case(request, assessment_id, case_id)
    membership = caller(request)
    require_editor(membership)
    with service_errors():
        service.remove(case, membership, membership.user)
    return Status(204, None)


@router.get(
    PATH + "/{case_id}/docx",
    response={200: None, **READ},
    url_name="case_study_docx",
    summary="Download an impact case study as an editable Word document",
    openapi_extra=attachment("The Word document, as an attachment", [FORMATS["docx"][0]]),
)
def case_study_docx(request: HttpRequest, assessment_id: str, case_id: str):
    found = service.written_one(_case(request, assessment_id, case_id))
    return case_study_file(found).as_attachment()


def _case(request: HttpRequest, assessment_id: str, case_id: str):
    """The assessment's case study, or 404."""
    assessment = load(request, assessment_id)
    return service.get(assessment, case_id)
