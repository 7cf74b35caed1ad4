"""The action plan: catalogue and custom actions, "No action required", completeness.

An element is covered when it has at least one action that is not dropped, or "No action
required" — never both. A catalogue action shared by several elements is one action
serving all of them: choosing it again adds elements to the same row.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import Http404

from mobilise.accounts.models import Membership, User
from mobilise.assessments.models import COMMENT_MAX_LENGTH, Assessment
from mobilise.audit.services import record
from mobilise.core.errors import Conflict, FieldError, InvalidInput, NotAllowed
from mobilise.framework.catalogue import Framework, Option
from mobilise.plans.models import (
    ActionPlan,
    ActionStatus,
    LocalAction,
    NoActionRequired,
    PlanAction,
    PlanActionElement,
    Priority,
    ProgressNote,
)

EDITABLE = (
    "elements",
    "priority",
    "owner",
    "owner_member",
    "owner_email",
    "due_on",
    "measure",
    "status",
)
# What a viewer may change of an action they own; facilitators and admins change everything
# of every action.
VIEWER_MAY_CHANGE = frozenset({"status"})
NOT_THE_OWNER = "Viewers may change and add notes only to the actions they own"

OWNER_MAX = 200  # PlanAction.owner


def may_change_everything(membership: Membership) -> bool:
    return membership.can_edit


def owns(membership: Membership, action: PlanAction) -> bool:
    return action.owner_member_id is not None and action.owner_member_id == membership.id


def may_update(membership: Membership, action: PlanAction) -> bool:
    """Whether the member may change the action's status and add notes to it: facilitators
    and admins any action, viewers the actions they own."""
    return may_change_everything(membership) or owns(membership, action)


def check_may_change(membership: Membership, given: set[str], action: PlanAction) -> None:
    """NotAllowed when the member's role does not let them change these fields of this
    action: viewers change only the status, and only of an action they own."""
    if may_change_everything(membership):
        return
    if set(given) - VIEWER_MAY_CHANGE:
        raise NotAllowed("Viewers may change only the status of an action")
    if not owns(membership, action):
        raise NotAllowed(NOT_THE_OWNER)


def check_may_note(membership: Membership, action: PlanAction) -> None:
    if not may_update(membership, action):
        raise NotAllowed(NOT_THE_OWNER)


@dataclass
class ActionFields:
    """The fields of an action; `None` means "not given"."""

    priority: str | None = None
    owner: str | None = None
    owner_member: Membership | None = None
    owner_email: str | None = None
    due_on: datetime.date | None = None
    measure: str | None = None
    status: str | None = None
    given: set[str] = field(default_factory=set)


def action_of(assessment: Assessment, action_id) -> PlanAction:
    """An action of this assessment (already loaded through the caller's organisation), or
    404: an action of another assessment is as unknown as one that does not exist."""
    try:
        return (
            PlanAction.objects.select_related("owner_member__user")
            .prefetch_related("elements", "notes")
            .get(plan__assessment=assessment, pk=action_id)
        )
    except (PlanAction.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404("Not found") from error


def plan_of(assessment: Assessment) -> ActionPlan:
    plan, _ = ActionPlan.objects.get_or_create(assessment=assessment)
    return plan


def _locked_plan(assessment: Assessment) -> ActionPlan:
    """The plan, locked for the rest of the transaction, so that two changes at once (the
    same option chosen twice, an action and "No action required" on one element) are made
    one after the other. SQLite's IMMEDIATE transactions already do this."""
    plan = plan_of(assessment)
    return ActionPlan.objects.select_for_update().get(pk=plan.pk)


def check_fields(fields: ActionFields, errors: list[FieldError], organisation_id=None) -> None:
    if fields.priority is not None and fields.priority not in Priority.values:
        errors.append(FieldError(("priority",), "Priority must be high, medium or low"))
    if fields.status is not None and fields.status not in ActionStatus.values:
        errors.append(
            FieldError(("status",), "Status must be not_started, in_progress, done or dropped")
        )
    if fields.owner is not None and len(fields.owner) > OWNER_MAX:
        errors.append(FieldError(("owner",), f"The owner must be {OWNER_MAX} characters or fewer"))
    member = fields.owner_member
    if (
        member is not None
        and organisation_id is not None
        and member.organisation_id != organisation_id
    ):
        errors.append(
            FieldError(("owner_member",), "The owner must be a member of the organisation")
        )
    if fields.owner_email:
        try:
            validate_email(fields.owner_email)
        except ValidationError:
            errors.append(
                FieldError(("owner_email",), "Enter an e-mail address in the right format")
            )
    for name in ("priority", "status"):
        if name in fields.given and getattr(fields, name) is None:
            errors.append(FieldError((name,), f"The {name} cannot be empty"))
    if fields.measure is not None and len(fields.measure) > COMMENT_MAX_LENGTH:
        errors.append(
            FieldError(
                ("measure",), f"The measure must be {COMMENT_MAX_LENGTH:,} characters or fewer"
            )
        )


def check_elements(framework: Framework, elements: list[str], errors: list[FieldError]) -> None:
    if not elements:
        errors.append(FieldError(("elements",), "Choose at least one element the action serves"))
    seen: set[str] = set()
    for index, code in enumerate(elements):
        if framework.element(code) is None:
            errors.append(
                FieldError(("elements", index), f"{code!r} is not an element of the framework")
            )
        elif code in seen:
            errors.append(FieldError(("elements", index), f"{code} is named twice"))
        seen.add(code)


def check_option(
    framework: Framework, option_id: str, elements: list[str], errors: list[FieldError]
) -> Option | None:
    """The catalogue option, when it is one and serves every (known) element named."""
    option = framework.option(option_id)
    if option is None:
        errors.append(
            FieldError(("option_id",), f"{option_id!r} is not an option of the framework")
        )
        return None
    served = framework.elements_served(option)
    for index, code in enumerate(elements):
        if framework.element(code) is not None and code not in served:
            errors.append(
                FieldError(
                    ("elements", index),
                    f"This action is not an option for {code}: it serves {', '.join(served)}",
                )
            )
    return option


def _refuse_if_no_action(plan: ActionPlan, elements: list[str]) -> None:
    """An element marked No action required cannot also have an action (409)."""
    blocked = sorted(
        plan.no_action.filter(element_code__in=elements).values_list("element_code", flat=True)
    )
    if blocked:
        raise Conflict(f"{', '.join(blocked)} is marked No action required")


CLEARED = {"owner": "", "owner_email": "", "due_on": None, "measure": "", "owner_member": None}


def _apply(action: PlanAction, fields: ActionFields) -> dict:
    """Set the fields given; a field given as null is cleared. A member named as the owner
    replaces a typed name (their name is copied, their own address gets the reminders); a
    name typed replaces the member."""
    changes = {}
    if "owner_member" in fields.given:
        member = fields.owner_member
        if member is not None:
            fields.owner, fields.owner_email = member.user.name_to_record(OWNER_MAX), ""
            fields.given = fields.given | {"owner", "owner_email"}
        elif fields.owner is None and action.owner_member_id is not None:
            fields.given = fields.given | {"owner"}  # the member's name goes with them
        if action.owner_member_id != (member.id if member else None):
            action.owner_member = member
    elif "owner" in fields.given and action.owner_member_id is not None:
        action.owner_member = None
    for name in ("priority", "owner", "owner_email", "due_on", "measure", "status"):
        if name not in fields.given:
            continue
        value = getattr(fields, name)
        if value is None:
            if name not in CLEARED:
                continue
            value = CLEARED[name]
        if getattr(action, name) != value:
            changes[name] = [_plain(getattr(action, name)), _plain(value)]
            setattr(action, name, value)
    return changes


def _plain(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def _set_elements(action: PlanAction, elements: list[str]) -> None:
    existing = set(action.element_codes)
    PlanActionElement.objects.bulk_create(
        PlanActionElement(action=action, element_code=code)
        for code in elements
        if code not in existing
    )


@transaction.atomic
def add_catalogue_action(
    assessment: Assessment,
    option_id: str,
    elements: list[str],
    fields: ActionFields,
    user: User | None = None,
) -> tuple[PlanAction, bool]:
    """Choose a catalogue option for some elements. Returns the action and whether it is new;
    choosing an action already in the plan adds the elements to it and changes nothing else."""
    framework = assessment.framework
    errors: list[FieldError] = []
    check_elements(framework, elements, errors)
    option = check_option(framework, option_id, elements, errors)
    check_fields(fields, errors, assessment.organisation_id)
    if errors:
        raise InvalidInput(errors)
    plan = _locked_plan(assessment)
    _refuse_if_no_action(plan, elements)
    existing = plan.actions.filter(action_key=option.action_key).first()
    if existing is not None:
        added = [c for c in elements if c not in existing.element_codes]
        _set_elements(existing, elements)
        if added:
            record(assessment, user, f"Added {', '.join(added)} to the action “{existing.text}”")
        return existing, False
    action = PlanAction(
        plan=plan,
        option_id=framework.action_id(option),
        action_key=option.action_key,
        text=option.text,
        priority=fields.priority or Priority.MEDIUM,
    )
    _apply(action, fields)
    action.save()
    _set_elements(action, elements)
    record(assessment, user, f"Added the action “{action.text}” for {', '.join(elements)}")
    return action, True


@transaction.atomic
def add_custom_action(
    assessment: Assessment,
    text: str,
    elements: list[str],
    fields: ActionFields,
    user: User | None = None,
    local_action: LocalAction | None = None,
) -> PlanAction:
    """A custom (or local) action: never merged with another."""
    errors: list[FieldError] = []
    text = (text or "").strip()
    if not text:
        errors.append(FieldError(("text",), "Enter the action"))
    elif len(text) > COMMENT_MAX_LENGTH:
        errors.append(
            FieldError(("text",), f"The action must be {COMMENT_MAX_LENGTH:,} characters or fewer")
        )
    check_elements(assessment.framework, elements, errors)
    check_fields(fields, errors, assessment.organisation_id)
    if errors:
        raise InvalidInput(errors)
    plan = _locked_plan(assessment)
    _refuse_if_no_action(plan, elements)
    action = PlanAction(
        plan=plan, text=text, priority=fields.priority or Priority.MEDIUM, local_action=local_action
    )
    _apply(action, fields)
    action.save()
    _set_elements(action, elements)
    record(assessment, user, f"Added the action “{text}” for {', '.join(elements)}")
    return action


@transaction.atomic
def update_action(
    action: PlanAction,
    fields: ActionFields,
    elements: list[str] | None = None,
    user: User | None = None,
) -> PlanAction:
    assessment = action.plan.assessment
    framework = assessment.framework
    errors: list[FieldError] = []
    check_fields(fields, errors, assessment.organisation_id)
    if elements is not None:
        check_elements(framework, elements, errors)
        if action.action_key:
            option = framework.option(action.option_id)
            served = framework.elements_served(option) if option else []
            for index, code in enumerate(elements):
                if framework.element(code) is not None and code not in served:
                    errors.append(
                        FieldError(("elements", index), f"This action is not an option for {code}")
                    )
    if errors:
        raise InvalidInput(errors)
    _locked_plan(assessment)
    will_cover = (fields.status or action.status) != ActionStatus.DROPPED
    covered = elements if elements is not None else action.element_codes
    if will_cover:
        _refuse_if_no_action(action.plan, covered)
    changes = _apply(action, fields)
    action.save()
    if elements is not None and sorted(elements) != sorted(action.element_codes):
        changes["elements"] = [action.element_codes, sorted(elements)]
        action.elements.exclude(element_code__in=elements).delete()
        _set_elements(action, elements)
    if changes:
        record(assessment, user, f"Changed the action “{action.text}”", changes)
    return action


@transaction.atomic
def update_actions(
    assessment: Assessment,
    rows: list[tuple[PlanAction, ActionFields]],
    user: User | None = None,
) -> int:
    """Change several actions of the plan at once (the plan page's table): all of them, or,
    when any row is refused, none. A refusal is one InvalidInput whose errors lead with the
    row's index, `(index, field)`, so that each lands on its row. Returns how many actions
    were changed."""
    errors: list[FieldError] = []
    for index, (action, fields) in enumerate(rows):
        if action.plan.assessment_id != assessment.pk:
            raise Http404("Not found")
        try:
            with transaction.atomic():
                update_action(action, fields, user=user)
        except InvalidInput as refused:
            errors += [FieldError((index, *e.loc), e.msg) for e in refused.errors]
        except Conflict as refused:
            errors.append(FieldError((index, "status"), str(refused)))
    if errors:
        raise InvalidInput(errors)  # and the transaction undoes every row
    return len(rows)


@transaction.atomic
def remove_elements(action: PlanAction, elements: list[str], user: User | None = None) -> None:
    """Stop an action serving some elements; an action left serving none is removed."""
    PlanActionElement.objects.filter(action=action, element_code__in=elements).delete()
    # Asked of the database: `action.elements` may be a prefetched, stale list.
    if not PlanActionElement.objects.filter(action=action).exists():
        delete_action(action, user)
    else:
        record(
            action.plan.assessment,
            user,
            f"The action “{action.text}” no longer serves {', '.join(elements)}",
        )


def kept_by_case_studies(action: PlanAction) -> list:
    """The impact case studies written from the action: while there are any, it stays in
    the plan (a case study is told from what was done)."""
    return list(action.case_studies.order_by("created_at"))


@transaction.atomic
def delete_action(action: PlanAction, user: User | None = None) -> None:
    """Remove the action; refused (Conflict) while an impact case study is written from it."""
    kept = kept_by_case_studies(action)
    if kept:
        raise Conflict(
            f"The impact case study “{kept[0].title}” was written from the action "
            f"“{action.text[:80]}”: change the case study to leave the action out, or delete it, "
            "before removing it"
        )
    record(action.plan.assessment, user, f"Removed the action “{action.text}”")
    action.delete()


@transaction.atomic
def add_note(action: PlanAction, text: str, user: User | None = None) -> ProgressNote:
    text = (text or "").strip()
    if not text:
        raise InvalidInput([FieldError(("text",), "Enter the progress note")])
    if len(text) > COMMENT_MAX_LENGTH:
        raise InvalidInput(
            [FieldError(("text",), f"The note must be {COMMENT_MAX_LENGTH:,} characters or fewer")]
        )
    note = ProgressNote.objects.create(
        action=action, text=text, author=user, author_name=user.name_to_record() if user else ""
    )
    record(action.plan.assessment, user, f"Added a progress note to “{action.text}”")
    return note


@transaction.atomic
def mark_no_action(
    assessment: Assessment, element: str, reason: str = "", user: User | None = None
) -> tuple[NoActionRequired, bool]:
    if len(reason or "") > COMMENT_MAX_LENGTH:
        raise InvalidInput(
            [
                FieldError(
                    ("reason",), f"The reason must be {COMMENT_MAX_LENGTH:,} characters or fewer"
                )
            ]
        )
    plan = _locked_plan(assessment)
    if covering_actions(plan, element):
        raise Conflict(f"{element} already has an action: remove or drop it first")
    marked, created = NoActionRequired.objects.update_or_create(
        plan=plan, element_code=element, defaults={"reason": reason or ""}
    )
    record(assessment, user, f"Marked {element} No action required")
    return marked, created


def remove_no_action(assessment: Assessment, element: str, user: User | None = None) -> bool:
    deleted, _ = plan_of(assessment).no_action.filter(element_code=element).delete()
    if deleted:
        record(assessment, user, f"{element} is no longer marked No action required")
    return bool(deleted)


def covering_actions(plan: ActionPlan, element: str):
    return plan.actions.filter(elements__element_code=element).exclude(status=ActionStatus.DROPPED)


@dataclass(frozen=True)
class Coverage:
    complete: bool
    missing: list[str]
    actions_by_element: dict[str, list[PlanAction]]
    no_action: dict[str, NoActionRequired]

    @property
    def actions(self) -> list[PlanAction]:
        """Each action of the plan once (one may serve several elements), oldest first."""
        distinct = {a.id: a for found in self.actions_by_element.values() for a in found}
        return sorted(distinct.values(), key=lambda a: a.created_at)

    @property
    def actions_by_priority(self) -> list[PlanAction]:
        """The same, high priority first, then medium, then low; oldest first within each."""
        return sorted(self.actions, key=lambda a: Priority.values.index(a.priority))


def coverage(assessment: Assessment) -> Coverage:
    plan = plan_of(assessment)
    actions = list(
        plan.actions.select_related("owner_member__user").prefetch_related("elements", "notes")
    )
    by_element: dict[str, list[PlanAction]] = {}
    for action in actions:
        for code in action.element_codes:
            by_element.setdefault(code, []).append(action)
    no_action = {n.element_code: n for n in plan.no_action.all()}
    covered = {
        code
        for code, found in by_element.items()
        if any(a.status != ActionStatus.DROPPED for a in found)
    } | set(no_action)
    missing = [e.code for e in assessment.framework.elements if e.code not in covered]
    return Coverage(not missing, missing, by_element, no_action)


@dataclass(frozen=True)
class Removal:
    """What removing an action would change: the elements it alone covers, and how many of
    the framework's elements the plan would then cover."""

    uncovered: list[str]
    covered_after: int
    total: int

    @property
    def in_words(self) -> str:
        said = f"The plan will cover {self.covered_after} of {self.total} elements"
        if not self.uncovered:
            return said + ": every element it covers now stays covered."
        lost = ", ".join(self.uncovered)
        return said + f": {lost} will have no action."


def removal_of(action: PlanAction) -> Removal:
    assessment = action.plan.assessment
    now = coverage(assessment)
    total = len(assessment.framework.elements)
    uncovered = [
        code
        for code in action.element_codes
        if code not in now.no_action
        and not any(
            a.id != action.id and a.status != ActionStatus.DROPPED
            for a in now.actions_by_element.get(code, [])
        )
        and action.status != ActionStatus.DROPPED
    ]
    covered = total - len(now.missing)
    return Removal(sorted(uncovered), covered - len(uncovered), total)


def no_action_removal(assessment: Assessment, element: str) -> Removal:
    """What removing an element's No action required would change: the element is then
    uncovered (an element marked so has no other action)."""
    now = coverage(assessment)
    total = len(assessment.framework.elements)
    covered = total - len(now.missing)
    if element not in now.no_action:
        return Removal([], covered, total)
    return Removal([element], covered - 1, total)
