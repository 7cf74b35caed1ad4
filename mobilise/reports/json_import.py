"""Importing the JSON file of a whole assessment into an organisation: the references
checked against the framework and the plan's rules, then everything created in one
transaction, or nothing."""

import dataclasses
import datetime
from typing import Any
from uuid import uuid4

from django.db import IntegrityError, transaction

from mobilise.accounts.models import Membership, Organisation, Role, User
from mobilise.accounts.services.units import unit_for_assessment
from mobilise.assessments.models import (
    UK,
    Assessment,
    Consensus,
    Evidence,
    HandCount,
    Rating,
    Response,
)
from mobilise.assessments.services import evidence as evidence_service
from mobilise.assessments.services.responses import Answer, clean_answers
from mobilise.audit.kinds import kind_of
from mobilise.audit.models import HistoryEntry
from mobilise.audit.services import record
from mobilise.core.errors import FieldError, InvalidInput
from mobilise.framework.catalogue import get_framework
from mobilise.plans.models import (
    CaseStudy,
    LocalAction,
    NoActionRequired,
    PlanAction,
    PlanActionElement,
    PlanSignOff,
    ProgressNote,
)
from mobilise.plans.services import case_studies
from mobilise.plans.services import sign_off as signing
from mobilise.plans.services.plan import (
    ActionFields,
    check_elements,
    check_fields,
    check_option,
    plan_of,
)
from mobilise.reports.json_schema import CaseStudyIn, ExportIn, SignOffIn, parse_export
from mobilise.reports.json_schema import EvidenceIn as EvidenceItemIn
from mobilise.reports.models import BoardPaper


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
    counted: set[tuple] = set()
    for index, hand in enumerate(export.hand_counts):
        if framework.element(hand.element) is None:
            error(("hand_counts", index, "element"), f"Unknown element {hand.element!r}")
        elif (hand.element, hand.level) in counted:
            error(("hand_counts", index, "level"), f"{hand.element} has this level counted twice")
        counted.add((hand.element, hand.level))
    keys: set[str] = set()
    covered: set[str] = set()
    for index, action in enumerate(export.plan.actions):
        where = ("plan", "actions", index)
        found: list[FieldError] = []
        check_elements(framework, action.elements, found)
        if action.option_id is not None:
            option = check_option(framework, action.option_id, action.elements, found)
            if option is not None and option.action_key in keys:
                error((*where, "option_id"), "The same action is in the plan twice")
            keys.add(option.action_key if option else None)
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
    for index, item in enumerate(export.evidence):
        _check_evidence(framework, index, item, errors)
    for index, case in enumerate(export.case_studies):
        _check_case_study(export, index, case, errors)
    versions: set[int] = set()
    for index, agreed in enumerate(export.sign_offs):
        if agreed.version in versions:
            error(("sign_offs", index, "version"), f"Version {agreed.version} is agreed twice")
        versions.add(agreed.version)
        _check_sign_off(export, framework, index, agreed, errors)
    if errors:
        raise InvalidInput(errors)


def _check_evidence(framework, index: int, item: EvidenceItemIn, errors: list) -> None:
    where = ("evidence", index)
    if framework.element(item.element) is None:
        errors.append(FieldError((*where, "element"), f"Unknown element {item.element!r}"))
    if item.kind == "note" and not item.note.strip():
        errors.append(FieldError((*where, "note"), "A note needs its words"))
    if item.kind == "link":
        errors += [FieldError((*where, "url"), e.msg) for e in evidence_service.check_url(item.url)]
    if (item.kind == "file") != (item.file is not None):
        errors.append(FieldError((*where, "file"), "A file's evidence, and only it, has a file"))


def _case_fields(case: CaseStudyIn) -> case_studies.CaseStudyFields:
    return case_studies.CaseStudyFields(**case.model_dump(include=set(case_studies.PART_NAMES)))


def _check_case_study(export: ExportIn, index: int, case: CaseStudyIn, errors: list) -> None:
    """The service's rules for the written fields, and each action a place in the plan (a
    place named twice is read once, as the service reads an id given twice). Its actions
    need not be done now: one that moved on since stays linked."""
    where = ("case_studies", index)
    errors += [FieldError((*where, *e.loc), e.msg) for e in case_studies.check(_case_fields(case))]
    for place, action in enumerate(case.actions):
        if action >= len(export.plan.actions):
            errors.append(
                FieldError((*where, "actions", place), f"The plan has no action {action}")
            )


SIGN_OFF_FIELDS = {f.name for f in dataclasses.fields(signing.SignOffFields)}


def _check_sign_off(export: ExportIn, framework, index: int, agreed: SignOffIn, errors) -> None:
    """The sign-off page's rules for who, where and when; each action as agreed serves
    elements of the framework and is a place in the plan at most once (or null)."""
    where = ("sign_offs", index)
    fields = signing.SignOffFields(**agreed.model_dump(include=SIGN_OFF_FIELDS))
    errors += [FieldError((*where, *e.loc), e.msg) for e in signing.check(fields)]
    seen: set[int] = set()
    for place, kept in enumerate(agreed.actions):
        here = (*where, "actions", place)
        for number, code in enumerate(kept.elements):
            if framework.element(code) is None:
                errors.append(FieldError((*here, "elements", number), f"Unknown element {code!r}"))
        if kept.action is None:
            continue
        if kept.action >= len(export.plan.actions):
            errors.append(FieldError((*here, "action"), f"The plan has no action {kept.action}"))
        elif kept.action in seen:
            errors.append(FieldError((*here, "action"), f"Action {kept.action} is named twice"))
        seen.add(kept.action)
    for place, item in enumerate(agreed.no_action):
        if framework.element(item.element) is None:
            errors.append(
                FieldError(
                    (*where, "no_action", place, "element"), f"Unknown element {item.element!r}"
                )
            )


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
    unit = unit_for_assessment(organisation, source.unit, user, loc=("assessment", "unit"))
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
    if export.board_paper is not None:
        BoardPaper.objects.create(assessment=assessment, **export.board_paper.model_dump())
    HandCount.objects.bulk_create(
        HandCount(assessment=assessment, element_code=h.element, level=h.level, count=h.count)
        for h in export.hand_counts
    )
    locals_ = _local_actions(export, organisation, user)
    plan = plan_of(assessment)
    framework = get_framework(export.framework_version)
    created = []
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
        created.append(action)
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
            kind=kind_of(entry.summary),
            changes={name: list(change) for name, change in entry.changes.items()},
            original_at=entry.at,
        )
        for entry in export.history
    )
    Evidence.objects.bulk_create(
        Evidence(
            assessment=assessment,
            element_code=item.element,
            kind=item.kind,
            title=item.title,
            note=item.note if item.kind == "note" else "",
            url=item.url if item.kind == "link" else "",
            describes_on=item.describes_on,
            added_by_name=item.added_by,
            # A reference only: the file itself was not carried, so there is nothing to serve.
            **(
                {
                    "file_name": item.file.name,
                    "file_type": item.file.type,
                    "file_size": item.file.size,
                    "file_sha256": item.file.sha256,
                }
                if item.file
                else {}
            ),
        )
        for item in export.evidence
    )
    for item in export.case_studies:
        case = CaseStudy.objects.create(
            plan=plan, written_by_name=item.written_by, **case_studies.cleaned(_case_fields(item))
        )
        case.actions.set({created[place] for place in item.actions})
        CaseStudy.objects.filter(pk=case.pk).update(created_at=item.written_at)
    for agreed in export.sign_offs:
        made = PlanSignOff.objects.create(
            plan=plan,
            **agreed.model_dump(include={"version", *SIGN_OFF_FIELDS}),
            snapshot={
                # The imported action's id where it is still in the plan; a new one, matching
                # nothing, for an action removed since, so it shows as removed.
                "actions": [
                    {
                        "id": str(created[kept.action].id if kept.action is not None else uuid4()),
                        **kept.model_dump(mode="json", exclude={"action"}),
                    }
                    for kept in agreed.actions
                ],
                "no_action": [item.model_dump() for item in agreed.no_action],
            },
        )
        PlanSignOff.objects.filter(pk=made.pk).update(created_at=agreed.recorded_at)
    record(assessment, user, f"Imported by {_name(user)} from a file")
    Assessment.objects.filter(pk=assessment.pk).update(created_at=source.created_at)
    assessment.refresh_from_db()
    return assessment
