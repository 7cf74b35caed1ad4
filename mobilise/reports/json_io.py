"""The whole assessment as JSON, and back again.

Schema `mobilise.assessment`, version 2 (documented in docs/export-schema.md):

    {"schema": "mobilise.assessment", "schema_version": 2, "exported_at": "...",
     "framework_version": "1.0",
     "assessment": {"title", "unit", "mode", "status", "closes_on", "created_at",
                    "results_revealed"},
     "responses": [{"source", "submitted_on", "ratings": [{"element", "level", "comment"}]}],
     "responses_withheld": 0,
     "consensus": [{"element", "level", "importance", "target", "rationale"}],
     "plan": {"actions": [{"option_id", "text", "elements", "priority", "owner",
                           "owner_email", "due_on", "measure", "status", "carried_over",
                           "local": {"element", "text", "good_practice"} or null,
                           "notes": [{"at", "by", "text"}]}],
              "no_action": [{"element", "reason"}]},
     "history": [{"at", "by", "summary", "changes"}],
     "local_actions": [{"element", "text", "good_practice"}]}

No ids are exported: an import creates new objects in the importing organisation, and an
export of the import equals the original apart from `exported_at` and the history's one
new line, "Imported by <person>".

Responses carry the day they were sent, not the time, in an order given by their content;
while the assessment's results are hidden (individual completion below the minimum) none
is exported and `responses_withheld` says how many were left out (ADR 0012). Version 1
files (with `submitted_at`, a time) are still read.
"""

import datetime
from typing import Any, Literal

import pydantic
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from mobilise.accounts.models import Membership, Organisation, Role, Unit, User
from mobilise.assessments.models import (
    UK,
    Assessment,
    Consensus,
    HistoryEntry,
    Rating,
    Response,
)
from mobilise.assessments.services import results
from mobilise.assessments.services.errors import FieldError, InvalidInput
from mobilise.assessments.services.history import record
from mobilise.assessments.services.responses import Answer, clean_answers
from mobilise.framework.catalogue import available_versions, get_framework
from mobilise.plans.models import (
    LocalAction,
    NoActionRequired,
    PlanAction,
    PlanActionElement,
    ProgressNote,
)
from mobilise.plans.services.plan import ActionFields, check_elements, check_fields, plan_of

SCHEMA = "mobilise.assessment"
SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export_assessment(assessment: Assessment) -> dict[str, Any]:
    plan = plan_of(assessment)
    actions = plan.actions.prefetch_related("elements", "notes").select_related("local_action")
    used_local = {a.local_action for a in actions if a.local_action}
    exported = results.responses_for_export(assessment)
    submitted = assessment.responses.filter(submitted_at__isnull=False, discarded=False).count()
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "exported_at": timezone.now().isoformat(),
        "framework_version": assessment.framework_version,
        "assessment": {
            "title": assessment.title,
            "unit": assessment.unit.name,
            "mode": assessment.mode,
            "status": assessment.current_status,
            "closes_on": _iso(assessment.closes_on),
            "created_at": _iso(assessment.created_at),
            "results_revealed": assessment.results_revealed,
        },
        "responses": [
            {
                "source": response.source,
                "submitted_on": response.submitted_on.isoformat(),
                "ratings": [
                    {"element": code, "level": level, "comment": comment}
                    for code, level, comment in response.ratings
                ],
            }
            for response in exported
        ],
        "responses_withheld": submitted - len(exported),
        "consensus": [
            {
                "element": c.element_code,
                "level": c.level,
                "importance": c.importance,
                "target": c.target,
                "rationale": c.rationale,
            }
            for c in assessment.consensus.order_by("element_code")
        ],
        "plan": {
            "actions": [
                {
                    "option_id": a.option_id,
                    "text": a.text,
                    "elements": a.element_codes,
                    "priority": a.priority,
                    "owner": a.owner,
                    "owner_email": a.owner_email,
                    "due_on": _iso(a.due_on),
                    "measure": a.measure,
                    "status": a.status,
                    "carried_over": a.carried_over_from_id is not None,
                    "local": _local(a.local_action) if a.local_action else None,
                    "notes": [
                        {"at": _iso(n.created_at), "by": n.author_name, "text": n.text}
                        for n in a.notes.all()
                    ],
                }
                for a in actions.order_by("created_at")
            ],
            "no_action": [
                {"element": n.element_code, "reason": n.reason}
                for n in plan.no_action.order_by("element_code")
            ],
        },
        "history": [
            {
                "at": _iso(h.original_at or h.created_at),
                "by": h.actor_name,
                "summary": h.summary,
                "changes": h.changes,
            }
            # Entries from an imported file first, in their file's order, then this
            # service's own; an entry's original date only says what the file claimed.
            for h in assessment.history.order_by(
                F("original_at").asc(nulls_last=True), "created_at", "id"
            )
        ],
        "local_actions": sorted(
            (_local(a) for a in used_local), key=lambda x: (x["element"], x["text"])
        ),
    }


def _local(action: LocalAction) -> dict:
    return {
        "element": action.element_code,
        "text": action.text,
        "good_practice": action.good_practice,
    }


class _Strict(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")


class RatingIn(_Strict):
    element: str
    level: int | None
    comment: pydantic.constr(max_length=2000) = ""


class ResponseIn(_Strict):
    source: Literal["participant", "api", "paper"]
    submitted_on: datetime.date
    ratings: list[RatingIn]


class ResponseInV1(_Strict):
    """Version 1 dated a response to the microsecond; it is read as its day (UK)."""

    source: Literal["participant", "api", "paper"]
    submitted_at: datetime.datetime
    ratings: list[RatingIn]

    def upgraded(self) -> dict:
        when = self.submitted_at
        day = (when.astimezone(UK) if when.tzinfo else when).date()
        return {
            "source": self.source,
            "submitted_on": day.isoformat(),
            "ratings": [r.model_dump() for r in self.ratings],
        }


Level = pydantic.conint(ge=0, le=4)
LongText = pydantic.constr(max_length=2000)
Name = pydantic.constr(max_length=150)


class ConsensusIn(_Strict):
    element: str
    level: Level
    importance: Literal["low", "medium", "high"]
    target: Level
    rationale: LongText = ""


class NoteIn(_Strict):
    at: datetime.datetime
    by: Name = ""
    text: pydantic.constr(min_length=1, max_length=2000)


class LocalIn(_Strict):
    element: str
    text: pydantic.constr(min_length=1, max_length=500)
    good_practice: LongText = ""


class ActionIn(_Strict):
    option_id: str | None
    text: pydantic.constr(min_length=1, max_length=2000)
    elements: list[str] = pydantic.Field(min_length=1)
    priority: Literal["high", "medium", "low"]
    owner: pydantic.constr(max_length=200) = ""
    owner_email: pydantic.constr(max_length=254) = ""
    due_on: datetime.date | None = None
    measure: LongText = ""
    status: Literal["not_started", "in_progress", "done", "dropped"]
    carried_over: bool = False
    local: LocalIn | None = None
    notes: list[NoteIn] = []


class NoActionIn(_Strict):
    element: str
    reason: LongText = ""


class PlanIn(_Strict):
    actions: list[ActionIn]
    no_action: list[NoActionIn]


# A change is a field's [before, after]; a value is plain text, a number, a truth value,
# nothing, or a list of texts (an action's elements). Anything else is refused.
ChangeValue = (
    pydantic.StrictBool
    | pydantic.StrictInt
    | pydantic.StrictFloat
    | pydantic.constr(strict=True, max_length=2000)
    | None
    | list[pydantic.constr(strict=True, max_length=200)]
)
Change = tuple[ChangeValue, ChangeValue]
FieldName = pydantic.constr(strict=True, min_length=1, max_length=100)


class HistoryIn(_Strict):
    at: datetime.datetime
    by: Name = ""
    summary: pydantic.constr(max_length=300)
    changes: dict[FieldName, Change] = {}


class AssessmentIn(_Strict):
    title: str = pydantic.Field(min_length=1, max_length=200)
    unit: str = pydantic.Field(min_length=1, max_length=200)
    mode: Literal["group", "individual"]
    status: Literal["open", "closed"]
    closes_on: datetime.date | None = None
    created_at: datetime.datetime
    results_revealed: bool = False


class ExportIn(_Strict):
    schema_: Literal["mobilise.assessment"] = pydantic.Field(alias="schema")
    schema_version: int
    exported_at: datetime.datetime
    framework_version: str
    assessment: AssessmentIn
    responses: list[ResponseIn]
    responses_withheld: pydantic.NonNegativeInt = 0
    consensus: list[ConsensusIn]
    plan: PlanIn
    history: list[HistoryIn]
    local_actions: list[LocalIn]


class ExportInV1(ExportIn):
    responses: list[ResponseInV1]
    responses_withheld: Literal[0] = 0


def _validate(data: dict) -> ExportIn:
    if data.get("schema_version") == 1:
        older = ExportInV1.model_validate(data)
        data = {
            **data,
            "schema_version": SCHEMA_VERSION,
            "responses": [r.upgraded() for r in older.responses],
        }
    return ExportIn.model_validate(data)


def parse_export(data: Any) -> ExportIn:
    """Check the shape; unknown schema versions and framework versions are refused."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InvalidInput([FieldError(("schema",), "This is not a Mobilise assessment export")])
    version = data.get("schema_version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        raise InvalidInput(
            [
                FieldError(
                    ("schema_version",),
                    f"Unknown schema version {version!r}: "
                    f"this service reads versions {', '.join(map(str, READABLE_VERSIONS))}",
                )
            ]
        )
    try:
        export = _validate(data)
    except pydantic.ValidationError as error:
        raise InvalidInput(
            [FieldError(tuple(e["loc"]), e["msg"]) for e in error.errors(include_url=False)]
        ) from error
    if export.framework_version not in available_versions():
        raise InvalidInput(
            [
                FieldError(
                    ("framework_version",),
                    f"Unknown framework version {export.framework_version!r}",
                )
            ]
        )
    return export


def _check_references(export: ExportIn) -> None:
    """Everything an import must satisfy beyond its shape, all reported at once."""
    framework = get_framework(export.framework_version)
    errors: list[FieldError] = []

    def error(loc: tuple, msg: str) -> None:
        errors.append(FieldError(loc, msg))

    for index, response in enumerate(export.responses):
        answers = [Answer(r.element, r.level, r.comment) for r in response.ratings]
        try:
            clean_answers(framework, answers, complete=True)
        except InvalidInput as invalid:
            errors += [FieldError(("responses", index, *e.loc), e.msg) for e in invalid.errors]
    agreed: set[str] = set()
    for index, consensus in enumerate(export.consensus):
        if framework.element(consensus.element) is None:
            error(("consensus", index, "element"), f"Unknown element {consensus.element!r}")
        elif consensus.element in agreed:
            error(("consensus", index, "element"), f"{consensus.element} is agreed twice")
        agreed.add(consensus.element)
    keys: set[str] = set()
    covered: set[str] = set()
    for index, action in enumerate(export.plan.actions):
        where = ("plan", "actions", index)
        if action.option_id is not None:
            option = framework.option(action.option_id)
            if option is None:
                error((*where, "option_id"), f"Unknown option {action.option_id!r}")
            else:
                served = framework.elements_served(option)
                if any(code not in served for code in action.elements):
                    error((*where, "elements"), "The option does not belong to these elements")
                if option.action_key in keys:
                    error((*where, "option_id"), "The same action is in the plan twice")
                keys.add(option.action_key)
        found: list[FieldError] = []
        check_elements(framework, action.elements, found)
        check_fields(ActionFields(owner_email=action.owner_email), found)
        errors += [FieldError((*where, *e.loc), e.msg) for e in found]
        if action.local is not None and framework.element(action.local.element) is None:
            error((*where, "local", "element"), f"Unknown element {action.local.element!r}")
        if action.status != "dropped":
            covered.update(action.elements)
    marked: set[str] = set()
    for index, item in enumerate(export.plan.no_action):
        where = ("plan", "no_action", index, "element")
        if framework.element(item.element) is None:
            error(where, f"Unknown element {item.element!r}")
        elif item.element in marked:
            error(where, f"{item.element} is marked twice")
        elif item.element in covered:
            error(where, f"{item.element} has an action and No action required")
        marked.add(item.element)
    for index, item in enumerate(export.local_actions):
        if framework.element(item.element) is None:
            error(("local_actions", index, "element"), f"Unknown element {item.element!r}")
    if errors:
        raise InvalidInput(errors)


def import_assessment(
    data: Any, organisation: Organisation, user: User | None = None
) -> Assessment:
    """Recreate an exported assessment in an organisation; all of it or nothing."""
    export = parse_export(data)
    _check_references(export)
    try:
        return _create(export, organisation, user)
    except IntegrityError as error:  # a rule the checks above missed: still nothing saved
        raise InvalidInput(
            [FieldError(("body",), "The file contradicts itself and cannot be imported")]
        ) from error


def _name(user: User | None) -> str:
    if user is None:
        return "an unnamed process"
    return user.get_full_name() or user.get_username()


def _local_actions(export: ExportIn, organisation: Organisation, user: User | None) -> dict:
    """The organisation's list of local actions is its admins' to keep: an admin's import
    adds the ones the plan used; anyone else's links to those the organisation already has,
    and the rest come in as the plan's own actions."""
    may_add = (
        user is not None
        and Membership.objects.filter(
            user=user, organisation=organisation, role=Role.ADMIN
        ).exists()
    )
    found = {}
    for item in export.local_actions:
        local = LocalAction.objects.filter(
            organisation=organisation, element_code=item.element, text=item.text
        ).first()
        if local is None and may_add:
            local = LocalAction.objects.create(
                organisation=organisation,
                element_code=item.element,
                text=item.text,
                good_practice=item.good_practice,
            )
        if local is not None:
            found[(item.element, item.text)] = local
    return found


@transaction.atomic
def _create(export: ExportIn, organisation: Organisation, user: User | None) -> Assessment:
    source = export.assessment
    unit, _ = Unit.objects.get_or_create(organisation=organisation, name=source.unit.strip())
    assessment = Assessment.objects.create(
        organisation=organisation,
        unit=unit,
        title=source.title,
        mode=source.mode,
        status=source.status,
        closes_on=source.closes_on,
        framework_version=export.framework_version,
        results_revealed=source.results_revealed,
        created_by=user,
    )
    for response in export.responses:
        # Marked imported: whatever source the file claims, no participant was seen giving
        # it here, so it never counts towards the minimum that shows results.
        saved = Response.objects.create(
            assessment=assessment,
            source=response.source,
            submitted_at=datetime.datetime.combine(
                response.submitted_on, datetime.time(12), tzinfo=UK
            ),
            imported=True,
        )
        Rating.objects.bulk_create(
            Rating(response=saved, element_code=r.element, level=r.level, comment=r.comment)
            for r in response.ratings
        )
    Consensus.objects.bulk_create(
        Consensus(
            assessment=assessment,
            element_code=c.element,
            level=c.level,
            importance=c.importance,
            target=c.target,
            rationale=c.rationale,
        )
        for c in export.consensus
    )
    locals_ = _local_actions(export, organisation, user)
    plan = plan_of(assessment)
    framework = get_framework(export.framework_version)
    for item in export.plan.actions:
        option = framework.option(item.option_id) if item.option_id else None
        action = PlanAction.objects.create(
            plan=plan,
            option_id=item.option_id,
            action_key=option.action_key if option else None,
            local_action=locals_.get((item.local.element, item.local.text)) if item.local else None,
            text=item.text,
            priority=item.priority,
            owner=item.owner,
            owner_email=item.owner_email,
            due_on=item.due_on,
            measure=item.measure,
            status=item.status,
        )
        PlanActionElement.objects.bulk_create(
            PlanActionElement(action=action, element_code=code) for code in item.elements
        )
        for note in item.notes:
            saved = ProgressNote.objects.create(action=action, text=note.text, author_name=note.by)
            ProgressNote.objects.filter(pk=saved.pk).update(created_at=note.at)
    NoActionRequired.objects.bulk_create(
        NoActionRequired(plan=plan, element_code=item.element, reason=item.reason)
        for item in export.plan.no_action
    )
    # The file's history is kept as what the file says, dated now and marked with the date
    # it claims; it names no account of ours. Then the import itself goes on record.
    HistoryEntry.objects.bulk_create(
        HistoryEntry(
            organisation=organisation,
            assessment=assessment,
            actor_name=entry.by,
            summary=entry.summary,
            changes={name: list(change) for name, change in entry.changes.items()},
            original_at=entry.at,
        )
        for entry in export.history
    )
    record(assessment, user, f"Imported by {_name(user)} from a file")
    Assessment.objects.filter(pk=assessment.pk).update(created_at=source.created_at)
    assessment.refresh_from_db()
    return assessment
