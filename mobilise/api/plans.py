"""The action plan, suggestions and follow-up notes: thin routes over the plan services."""

from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.errors import HttpError

from mobilise.api.assessment_schemas import ValidationErrorOut
from mobilise.api.assessments import CHANGE, READ, load
from mobilise.api.auth import caller
from mobilise.api.body import BodyInvalid, documented_body, load_json, parse_body, validate_body
from mobilise.api.errors import service_errors
from mobilise.api.permissions import require_editor
from mobilise.api.plan_schemas import (
    ActionFiltersIn,
    ActionIn,
    ActionListOut,
    ActionOut,
    ActionPatch,
    NoActionIn,
    NoActionOut,
    NoteIn,
    NoteOut,
    PlanOut,
    SignOffIn,
    SignOffOut,
    SignOffsOut,
    SuggestionOut,
)
from mobilise.api.schemas import Error
from mobilise.plans.services import followup
from mobilise.plans.services import plan as plans
from mobilise.plans.services import sign_off as signing
from mobilise.plans.services.owners import member_by_username
from mobilise.plans.services.serialise import action_as_dict, note_as_dict, plan_as_dict
from mobilise.plans.services.suggestions import suggestions, suggestions_as_list

router = Router(tags=["Action plan"])
CONFLICT = {**CHANGE, 409: Error}


def fields_of(body, given: set[str], organisation) -> plans.ActionFields:
    """The body's fields; `owner_username` names a member of the caller's organisation
    (422 when it names no one there), who replaces any typed `owner`."""
    member = None
    if "owner_username" in given:
        given = (given - {"owner_username"}) | {"owner_member"}
        if body.owner_username is not None:
            if body.owner is not None:
                raise BodyInvalid(
                    [{"loc": ["body", "owner"], "msg": "Give owner_username or owner, not both"}]
                )
            member = member_by_username(organisation, body.owner_username)
            if member is None:
                raise BodyInvalid(
                    [
                        {
                            "loc": ["body", "owner_username"],
                            "msg": "No member of the organisation has this user name",
                        }
                    ]
                )
    return plans.ActionFields(
        priority=body.priority,
        owner=body.owner,
        owner_member=member,
        owner_email=body.owner_email,
        due_on=body.due_on,
        measure=body.measure,
        status=body.status,
        given=given,
    )


@router.get(
    "/assessments/{assessment_id}/plan", response={200: PlanOut, **READ}, summary="The action plan"
)
def get_plan(request: HttpRequest, assessment_id: str):
    return plan_as_dict(plans.coverage(load(request, assessment_id)))


@router.get(
    "/assessments/{assessment_id}/suggestions",
    response={200: list[SuggestionOut], **READ},
    summary="Suggested actions, highest priority first",
)
def get_suggestions(request: HttpRequest, assessment_id: str):
    """Every element with an agreed rating, highest `score` first, ties in framework order.
    score = max(0, target − agreed level) × importance weight (low 1, medium 2, high 3)."""
    return suggestions_as_list(suggestions(load(request, assessment_id)))


@router.post(
    "/assessments/{assessment_id}/plan/actions",
    response={201: ActionOut, 200: ActionOut, **CONFLICT},
    openapi_extra=documented_body(ActionIn),
    summary="Add an action",
)
def add_action(request: HttpRequest, assessment_id: str):
    """A catalogue option (`option_id`) or a custom action (`text`), not both. Choosing an
    option already in the plan answers 200 with that action, the new elements added.

    An option whose words appear under several elements is one action: the answer's
    `option_id` is that action's first occurrence in the framework (choosing 4.3-c answers
    4.1-c), and `elements` lists every element it serves in this plan."""
    assessment = load(request, assessment_id)
    membership = caller(request)
    require_editor(membership)
    body = parse_body(request, ActionIn)
    if (body.option_id is None) == (body.text is None):
        raise BodyInvalid(
            [{"loc": ["body", "option_id"], "msg": "Give either option_id or text, not both"}]
        )
    fields = fields_of(body, body.model_fields_set, membership.organisation)
    with service_errors():
        if body.option_id is not None:
            action, created = plans.add_catalogue_action(
                assessment, body.option_id, body.elements, fields, membership.user
            )
        else:
            action, created = (
                plans.add_custom_action(
                    assessment, body.text, body.elements, fields, membership.user
                ),
                True,
            )
    action = plans.action_of(assessment, str(action.id))
    return Status(201 if created else 200, action_as_dict(action))


@router.patch(
    "/assessments/{assessment_id}/plan/actions/{action_id}",
    response={200: ActionOut, **CONFLICT},
    openapi_extra=documented_body(ActionPatch, required=False),
    summary="Change an action",
)
def change_action(request: HttpRequest, assessment_id: str, action_id: str):
    """Viewers may change `status` only, and only of the actions they own."""
    assessment = load(request, assessment_id)
    action = plans.action_of(assessment, action_id)
    membership = caller(request)
    data = load_json(request)
    with service_errors():  # 403 before 422: the fields named, whatever their values
        plans.check_may_change(membership, set(data) if isinstance(data, dict) else set(), action)
    body = validate_body(data, ActionPatch)
    fields = fields_of(body, body.model_fields_set, membership.organisation)
    with service_errors():
        plans.update_action(action, fields, body.elements, membership.user)
    return action_as_dict(plans.action_of(assessment, action_id))


@router.delete(
    "/assessments/{assessment_id}/plan/actions/{action_id}",
    response={204: None, **READ, 409: Error},
    summary="Remove an action",
)
def remove_action(request: HttpRequest, assessment_id: str, action_id: str):
    """409 while an impact case study is written from the action."""
    assessment = load(request, assessment_id)
    action = plans.action_of(assessment, action_id)
    require_editor(caller(request))
    with service_errors():
        plans.delete_action(action, caller(request).user)
    return Status(204, None)


@router.post(
    "/assessments/{assessment_id}/plan/actions/{action_id}/notes",
    response={201: NoteOut, **CHANGE},
    openapi_extra=documented_body(NoteIn),
    summary="Add a progress note",
)
def add_note(request: HttpRequest, assessment_id: str, action_id: str):
    """Viewers may add notes to the actions they own."""
    assessment = load(request, assessment_id)
    action = plans.action_of(assessment, action_id)
    with service_errors():
        plans.check_may_note(caller(request), action)
    body = parse_body(request, NoteIn)
    with service_errors():
        note = plans.add_note(action, body.text, caller(request).user)
    return Status(201, note_as_dict(note))


@router.post(
    "/assessments/{assessment_id}/plan/no-action",
    response={201: NoActionOut, 200: NoActionOut, **CONFLICT},
    openapi_extra=documented_body(NoActionIn),
    summary="Mark an element No action required",
)
def no_action(request: HttpRequest, assessment_id: str):
    assessment = load(request, assessment_id)
    require_editor(caller(request))
    body = parse_body(request, NoActionIn)
    if assessment.framework.element(body.element) is None:
        raise BodyInvalid(
            [
                {
                    "loc": ["body", "element"],
                    "msg": f"{body.element!r} is not an element of the framework",
                }
            ]
        )
    with service_errors():
        marked, created = plans.mark_no_action(
            assessment, body.element, body.reason or "", caller(request).user
        )
    return Status(
        201 if created else 200, {"element": marked.element_code, "reason": marked.reason}
    )


@router.delete(
    "/assessments/{assessment_id}/plan/no-action/{element}",
    response={204: None, **READ},
    summary="Remove No action required from an element",
)
def remove_no_action(request: HttpRequest, assessment_id: str, element: str):
    assessment = load(request, assessment_id)
    if assessment.framework.element(element) is None:
        raise HttpError(404, "No such element")
    require_editor(caller(request))
    if not plans.remove_no_action(assessment, element, caller(request).user):
        raise HttpError(404, "This element is not marked No action required")
    return Status(204, None)


def sign_off_as_dict(agreed) -> dict:
    return {
        "version": agreed.version,
        "agreed_by": agreed.agreed_by,
        "agreed_by_role": agreed.agreed_by_role,
        "meeting": agreed.meeting,
        "agreed_on": agreed.agreed_on,
        "note": agreed.note,
        "recorded_at": agreed.created_at,
        "actions": agreed.snapshot.get("actions", []),
        "no_action": agreed.snapshot.get("no_action", []),
    }


@router.get(
    "/assessments/{assessment_id}/plan/sign-offs",
    response={200: SignOffsOut, **READ},
    summary="The plan's sign-offs",
)
def get_sign_offs(request: HttpRequest, assessment_id: str):
    """Whether the plan is a draft or agreed, how many changes it has had since the latest
    sign-off, and every agreed version as it was agreed, oldest first."""
    assessment = load(request, assessment_id)
    found = signing.standing(assessment)
    return {
        "status": "agreed" if found.agreed else "draft",
        "changes_since": len(found.changes),
        "versions": [sign_off_as_dict(v) for v in signing.versions(assessment)],
    }


@router.post(
    "/assessments/{assessment_id}/plan/sign-offs",
    response={201: SignOffOut, **CHANGE},
    openapi_extra=documented_body(SignOffIn),
    summary="Record that the plan was agreed",
)
def add_sign_off(request: HttpRequest, assessment_id: str):
    """Admins, and the one facilitator an admin named on the sign-off page, record who agreed
    the plan, at which meeting and on what day; the plan as it stands is kept as the next
    version. 403 for anyone else; 422 for an empty plan or a date in the future."""
    assessment = load(request, assessment_id)
    membership = caller(request)
    with service_errors():
        if not signing.may_sign_off(membership, plans.plan_of(assessment)):
            raise signing.NotAllowed(signing.NOT_ALLOWED)
    body = parse_body(request, SignOffIn)
    fields = signing.SignOffFields(
        agreed_by=body.agreed_by,
        agreed_by_role=body.agreed_by_role or "",
        meeting=body.meeting,
        agreed_on=body.agreed_on,
        note=body.note or "",
    )
    with service_errors():
        made = signing.sign_off(assessment, membership, fields, membership.user)
    return Status(201, sign_off_as_dict(made))


def filters_of(query: ActionFiltersIn, membership) -> followup.Filters:
    """The service's filters; a unit or user name the organisation does not have is a 422
    naming the parameter."""
    organisation = membership.organisation
    errors, unit, member = [], None, None
    if query.unit is not None:
        unit = followup.unit_named(organisation, query.unit)
        if unit is None:
            errors.append({"loc": ["query", "unit"], "msg": "The organisation has no such unit"})
    if query.owner_username is not None:
        if query.mine:
            errors.append(
                {"loc": ["query", "owner_username"], "msg": "Give mine or owner_username, not both"}
            )
        member = member_by_username(organisation, query.owner_username)
        if member is None:
            errors.append(
                {
                    "loc": ["query", "owner_username"],
                    "msg": "No member of the organisation has this user name",
                }
            )
    if errors:
        raise BodyInvalid(errors)
    return followup.Filters(
        unit=unit,
        owner_member=membership if query.mine else member,
        owner=(query.owner or "").strip(),
        status=query.status,
        overdue=query.overdue,
        due_before=query.due_before,
    )


@router.get(
    "/actions",
    response={200: ActionListOut, 401: Error, 403: Error, 404: Error, 422: ValidationErrorOut},
    summary="Follow-up: the organisation's actions, filtered and a page at a time",
    tags=["Follow-up"],
)
def list_actions(request: HttpRequest, query: Query[ActionFiltersIn]):
    """The actions of all the organisation's plans, soonest due first and undated ones last
    (then in the order they were added): the follow-up page's list, with the same filters.
    Open actions unless `status` says otherwise. `count` is every match; `limit` (at most
    100, default 25) and `offset` choose the page. A bad value is a 422 naming the
    parameter (`"loc": ["query", "status"]`)."""
    membership = caller(request)
    count, actions = followup.window(
        membership.organisation, filters_of(query, membership), query.limit, query.offset
    )
    return {
        "count": count,
        "limit": query.limit,
        "offset": query.offset,
        "actions": [
            {
                **action_as_dict(a),
                "assessment_id": str(a.plan.assessment_id),
                "unit": a.plan.assessment.unit.name,
            }
            for a in actions
        ],
    }
