"""Assessments, responses, results and agreed ratings: thin routes over the services."""

from django.db.models import Count
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Status
from ninja.errors import HttpError

from mobilise.api.assessment_schemas import (
    AssessmentIn,
    AssessmentOut,
    AssessmentPatch,
    ConsensusIn,
    ConsensusOut,
    DiscardedOut,
    HandsIn,
    HandsOut,
    ResponseChoiceOut,
    ResponseCreated,
    ResponseIn,
    ResultsOut,
    ValidationErrorOut,
)
from mobilise.api.auth import caller
from mobilise.api.body import documented_body, parse_body, require_json
from mobilise.api.errors import TooManyRequests, service_errors
from mobilise.api.permissions import require_editor
from mobilise.api.schemas import Error, RetryError
from mobilise.assessments.access import load
from mobilise.assessments.models import Assessment, in_figures
from mobilise.assessments.services import consensus, hands, responses, results, setup, turnout
from mobilise.core.clients import client_address

router = Router(tags=["Assessments"])

READ = {401: Error, 404: Error, 403: Error}
# Operations with a body: 413 when it is larger than the service takes (core.middleware),
# 415 when it is not sent as application/json.
CHANGE = {**READ, 413: Error, 415: Error, 422: ValidationErrorOut}


def assessment_out(request: HttpRequest, assessment: Assessment) -> dict:
    return {
        "id": str(assessment.id),
        "unit": assessment.unit.name,
        "title": assessment.title,
        "mode": assessment.mode,
        "status": assessment.current_status,
        "closes_on": assessment.closes_on,
        "framework_version": assessment.framework_version,
        "participant_token": assessment.participant_token,
        "participant_url": request.build_absolute_uri(
            reverse("participate:start", args=[assessment.participant_token])
        ),
        "results_revealed": assessment.results_revealed,
        "responses": submitted_count(assessment),
        "expected_participants": assessment.expected_participants,
        "more_responses_than_expected": turnout.turnout(
            assessment, submitted_count(assessment)
        ).over,
        "previous_id": str(assessment.previous_id) if assessment.previous_id else None,
        "created_at": assessment.created_at,
    }


SUBMITTED = Count("responses", filter=in_figures("responses__"))


def submitted_count(assessment: Assessment) -> int:
    """Counted in the listing's one query (annotated as `submitted`), else here."""
    if hasattr(assessment, "submitted"):
        return assessment.submitted
    return assessment.responses.in_figures().count()


@router.post(
    "/assessments",
    response={201: AssessmentOut, **CHANGE},
    openapi_extra=documented_body(AssessmentIn),
    summary="Create an assessment",
)
def create(request: HttpRequest):
    membership = caller(request)
    require_editor(membership)
    body = parse_body(request, AssessmentIn)
    with service_errors():
        assessment = setup.create_assessment(
            membership.organisation,
            body.unit,
            body.title,
            body.mode,
            body.closes_on,
            created_by=membership.user,
        )
        if body.expected_participants is not None:
            turnout.set_expected(assessment, body.expected_participants, membership.user)
    return Status(201, assessment_out(request, assessment))


@router.get("/assessments", response={200: list[AssessmentOut], **READ}, summary="List assessments")
def list_assessments(request: HttpRequest):
    assessments = Assessment.objects.filter(organisation=caller(request).organisation)
    listed = assessments.select_related("unit").annotate(submitted=SUBMITTED)
    return [assessment_out(request, a) for a in listed]


@router.get("/assessments/{assessment_id}", response={200: AssessmentOut, **READ})
def detail(request: HttpRequest, assessment_id: str):
    return assessment_out(request, load(request, assessment_id))


@router.patch(
    "/assessments/{assessment_id}",
    response={200: AssessmentOut, **CHANGE},
    openapi_extra=documented_body(AssessmentPatch, required=False),
    summary="Change an assessment (the number of people expected)",
)
def patch(request: HttpRequest, assessment_id: str):
    assessment = load(request, assessment_id)
    membership = caller(request)
    require_editor(membership)
    body = parse_body(request, AssessmentPatch)
    if "expected_participants" in body.model_fields_set:
        with service_errors():
            turnout.set_expected(assessment, body.expected_participants, membership.user)
    return assessment_out(request, assessment)


def require_visible(assessment: Assessment) -> None:
    if results.hidden_now(assessment):
        raise HttpError(409, "Responses are not shown while results are hidden")


@router.get(
    "/assessments/{assessment_id}/responses",
    response={200: list[ResponseChoiceOut], **READ, 409: Error},
    summary="The responses, by their levels, to choose one to discard",
)
def list_responses(request: HttpRequest, assessment_id: str):
    """Each counted response's levels (null is Don't know), sorted by those levels and
    labelled A, B, C… in that order, so that nothing says when it arrived or who gave it.
    Not while results are hidden (409)."""
    assessment = load(request, assessment_id)
    require_visible(assessment)
    return [
        {"id": str(c.response.id), "label": c.label, "levels": c.levels}
        for c in turnout.choices(assessment)
    ]


@router.post(
    "/assessments/{assessment_id}/responses/{response_id}/discard",
    response={200: DiscardedOut, **READ, 409: Error},
    summary="Discard a response: it stays recorded, and no longer counts",
)
def discard_response(request: HttpRequest, assessment_id: str, response_id: str):
    assessment = load(request, assessment_id)
    membership = caller(request)
    require_editor(membership)
    require_visible(assessment)
    response = next(
        (c.response for c in turnout.choices(assessment) if str(c.response.id) == response_id),
        None,
    )
    if response is None:
        raise HttpError(404, "No such response")
    turnout.discard(assessment, response, membership.user)
    return {
        "response_id": str(response.id),
        "discarded": True,
        "responses": assessment.responses.in_figures().count(),
    }


@router.post("/assessments/{assessment_id}/close", response={200: AssessmentOut, **READ})
def close(request: HttpRequest, assessment_id: str):
    assessment = load(request, assessment_id)
    require_editor(caller(request))
    return assessment_out(request, setup.close_assessment(assessment, caller(request).user))


@router.post("/assessments/{assessment_id}/reopen", response={200: AssessmentOut, **READ})
def reopen(request: HttpRequest, assessment_id: str):
    assessment = load(request, assessment_id)
    require_editor(caller(request))
    return assessment_out(request, setup.reopen_assessment(assessment, caller(request).user))


@router.post(
    "/responses/{participant_token}",
    auth=None,
    response={
        201: ResponseCreated,
        404: Error,
        409: Error,
        413: Error,
        415: Error,
        422: ValidationErrorOut,
        429: RetryError,
    },
    openapi_extra=documented_body(ResponseIn),
    summary="Submit a participant's response",
)
def submit(request: HttpRequest, participant_token: str):
    """Authorised by the participant token alone. Every element exactly once; a `null`
    level is Don't know. Nothing is saved unless the whole response is valid. One address
    may send a burst of responses to one assessment, then about one a second (429, with
    `Retry-After`, beyond that)."""
    # Only what a submission reads: the busiest request of a live session.
    assessment = get_object_or_404(
        Assessment.objects.only(
            "id", "status", "closes_on", "framework_version", "personal_links_only"
        ),
        participant_token=participant_token,
    )
    require_json(request)
    refused = responses.spend_submission(assessment, client_address(request))
    if refused:
        raise TooManyRequests(refused)
    body = parse_body(request, ResponseIn)
    if assessment.personal_links_only:
        raise HttpError(409, "This assessment takes answers only through personal links")
    answers = [responses.Answer(r.element, r.level, r.comment or "") for r in body.ratings]
    with service_errors():
        response = responses.submit_response(assessment, answers)
    return Status(201, {"response_id": str(response.id)})


@router.get(
    "/assessments/{assessment_id}/results", response={200: ResultsOut, **READ}, summary="Results"
)
def get_results(request: HttpRequest, assessment_id: str):
    """Per element, section and overall. In individual completion the figures are withheld
    (`hidden`) until enough people have responded, so that nobody can be identified."""
    return results.results_as_dict(results.assessment_results(load(request, assessment_id)))


@router.put(
    "/assessments/{assessment_id}/hands/{element}",
    response={200: HandsOut, **CHANGE, 409: Error},
    openapi_extra=documented_body(HandsIn),
    summary="Record a show of hands for an element (replacing the last count)",
)
def put_hands(request: HttpRequest, assessment_id: str, element: str):
    """For a room without devices: the hands raised per level join the spread, marked
    `counted_by_hand` in the results. They are not responses and never count towards the
    minimum that shows individual results."""
    assessment = load(request, assessment_id)
    if assessment.framework.element(element) is None:
        raise HttpError(404, "No such element")
    membership = caller(request)
    require_editor(membership)
    body = parse_body(request, HandsIn)
    given = {int(level): count for level, count in body.levels.items()}
    with service_errors():
        counted = hands.set_hands(
            assessment, element, {**given, None: body.dont_know}, membership.user
        )
    return {
        "element": element,
        "levels": {str(level): n for level, n in counted.items() if level is not None},
        "dont_know": counted[None],
        "counted": sum(counted.values()),
    }


@router.put(
    "/assessments/{assessment_id}/consensus/{element}",
    response={200: ConsensusOut, **CHANGE},
    openapi_extra=documented_body(ConsensusIn),
    summary="Record the agreed rating of an element",
)
def put_consensus(request: HttpRequest, assessment_id: str, element: str):
    assessment = load(request, assessment_id)
    if assessment.framework.element(element) is None:
        raise HttpError(404, "No such element")
    membership = caller(request)
    require_editor(membership)
    body = parse_body(request, ConsensusIn)
    with service_errors():
        agreed = consensus.set_consensus(
            assessment,
            element,
            body.level,
            body.importance,
            body.target,
            body.rationale or "",
            agreed_by=membership.user,
        )
    return {
        "element": agreed.element_code,
        "level": agreed.level,
        "importance": agreed.importance,
        "target": agreed.target,
        "rationale": agreed.rationale,
    }
