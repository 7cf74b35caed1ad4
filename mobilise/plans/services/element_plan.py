"""What the plan does for one element, as the element's planning page shows and saves it:
the catalogue and local actions on offer, which are chosen already, and saving a new choice
in one transaction.

Choices are keyed by catalogue option id, `local:<id>` for the organisation's local actions,
and `own:<id>` for the plan's own actions of this element.
"""

from dataclasses import dataclass, field

from django.db import transaction

from mobilise.accounts.models import User
from mobilise.assessments.models import Assessment
from mobilise.core.errors import Conflict, FieldError, InvalidInput
from mobilise.framework.catalogue import Option
from mobilise.plans.models import LocalAction, PlanAction, Priority
from mobilise.plans.services import plan as plans
from mobilise.plans.services.suggestions import Suggestion, Suggestions, local_actions_by_element

LOCAL = "local:"
CUSTOM = "own:"
NONE = "none"  # a pick of No action required
# New actions start at the priority matching the importance the group agreed.
IMPORTANCE_TO_PRIORITY = {"high": Priority.HIGH, "medium": Priority.MEDIUM, "low": Priority.LOW}


@dataclass
class ElementPlan:
    """One element's part of the plan."""

    code: str
    local_actions: dict[str, LocalAction]  # by key, offered for this element
    chosen: dict[str, PlanAction]  # by key, in the plan for this element already
    custom: list[PlanAction] = field(default_factory=list)  # the plan's own actions
    no_action_reason: str | None = None  # None: not marked No action required
    default_priority: str = Priority.MEDIUM


@dataclass(frozen=True)
class Choice:
    """What the planner chose for the element."""

    keys: set[str]
    priority: str
    custom_text: str = ""
    no_action: bool = False
    reason: str = ""


def element_plan(assessment: Assessment, code: str) -> ElementPlan:
    element = assessment.framework.element(code)
    plan = plans.plan_of(assessment)
    chosen: dict[str, PlanAction] = {}
    custom: list[PlanAction] = []
    for action in plan.actions.filter(elements__element_code=code).prefetch_related("elements"):
        if action.action_key:  # a catalogue action, under any of its occurrences' ids
            for option in element.options:
                if option.action_key == action.action_key:
                    chosen[option.id] = action
        elif action.local_action_id:
            chosen[f"{LOCAL}{action.local_action_id}"] = action
        else:
            chosen[f"{CUSTOM}{action.id}"] = action
            custom.append(action)
    marked = plan.no_action.filter(element_code=code).first()
    agreed = assessment.consensus.filter(element_code=code).first()
    return ElementPlan(
        code=code,
        local_actions={
            f"{LOCAL}{a.id}": a for a in local_actions_by_element(assessment).get(code, [])
        },
        chosen=chosen,
        custom=custom,
        no_action_reason=marked.reason if marked else None,
        default_priority=IMPORTANCE_TO_PRIORITY[agreed.importance] if agreed else Priority.MEDIUM,
    )


@transaction.atomic
def save_element_plan(
    assessment: Assessment, current: ElementPlan, choice: Choice, user: User | None
) -> None:
    """Untick what is no longer chosen, add what is newly chosen, and mark or unmark No
    action required: all of it, or (on a Conflict or InvalidInput) none of it."""
    code = current.code
    fields = plans.ActionFields(priority=choice.priority, given={"priority"})
    for key, action in current.chosen.items():
        if key not in choice.keys and PlanAction.objects.filter(pk=action.pk).exists():
            plans.remove_elements(action, [code], user)
    if not choice.no_action:
        plans.remove_no_action(assessment, code, user)
    for key in choice.keys - set(current.chosen):
        if key.startswith(CUSTOM):
            continue  # an own action of another element: never added by its id
        if key.startswith(LOCAL):
            local = current.local_actions[key]
            plans.add_custom_action(
                assessment, local.text, [code], fields, user, local_action=local
            )
        else:
            plans.add_catalogue_action(assessment, key, [code], fields, user)
    if choice.custom_text.strip():
        plans.add_custom_action(assessment, choice.custom_text, [code], fields, user)
    if choice.no_action:
        plans.mark_no_action(assessment, code, choice.reason, user)


@dataclass(frozen=True)
class Pick:
    """An action ticked on the suggestions page: a catalogue option id or `local:<id>`,
    for one element."""

    element: str
    key: str


def pick_value(element: str, key: str) -> str:
    return f"{element}|{key}"


def parse_pick(value: str) -> Pick | None:
    element, _, key = value.partition("|")
    return Pick(element, key) if element and key else None


@transaction.atomic
def add_picks(
    assessment: Assessment,
    picks: list[Pick],
    fields: plans.ActionFields,
    user: User | None,
) -> int:
    """Add the actions ticked on the suggestions page, each at the priority of its
    element's agreed importance, with the owner and due date given (if any): all of them or
    none. An option shared by several elements becomes one action serving those ticked;
    `none` marks the element No action required. Returns how many actions the plan gained."""
    agreed = {c.element_code: c for c in assessment.consensus.all()}
    local = {
        f"{LOCAL}{a.id}": a
        for a in LocalAction.objects.filter(organisation=assessment.organisation)
    }
    errors: list[FieldError] = []
    added = 0
    for index, pick in enumerate(picks):
        consensus = agreed.get(pick.element)
        priority = IMPORTANCE_TO_PRIORITY[consensus.importance] if consensus else Priority.MEDIUM
        given = plans.ActionFields(
            priority=priority,
            owner_member=fields.owner_member,
            due_on=fields.due_on,
            given={"priority"} | (fields.given & {"owner_member", "due_on"}),
        )
        try:
            with transaction.atomic():
                if pick.key == NONE:
                    plans.mark_no_action(assessment, pick.element, "", user)
                elif pick.key.startswith(LOCAL):
                    found = local.get(pick.key)
                    if found is None or found.element_code != pick.element:
                        raise InvalidInput(
                            [FieldError(("chosen",), "Choose actions from the list")]
                        )
                    plans.add_custom_action(
                        assessment, found.text, [pick.element], given, user, local_action=found
                    )
                    added += 1
                else:
                    _, new = plans.add_catalogue_action(
                        assessment, pick.key, [pick.element], given, user
                    )
                    added += new
        except InvalidInput as refused:
            errors += [FieldError(("chosen", index), e.msg) for e in refused.errors]
        except Conflict as refused:
            errors.append(FieldError(("chosen", index), str(refused)))
    if errors:
        raise InvalidInput(errors)  # and the transaction undoes every pick
    return added


@dataclass(frozen=True)
class Offer:
    value: str  # pick_value(element, key)
    option: Option | None  # None for a local action
    local: LocalAction | None = None


@dataclass(frozen=True)
class ElementOffers:
    """One suggested element as the suggestions page offers it: what the plan has for it
    already, and the catalogue and local actions that can still be ticked."""

    suggestion: Suggestion
    in_plan: list[PlanAction]
    no_action: bool
    offers: list[Offer]


def offers(assessment: Assessment, found: Suggestions) -> list[ElementOffers]:
    coverage = plans.coverage(assessment)
    result = []
    for item in found.ranked:
        code = item.element.code
        in_plan = coverage.actions_by_element.get(code, [])
        keys = {a.action_key for a in in_plan if a.action_key}
        local_ids = {a.local_action_id for a in in_plan if a.local_action_id}
        result.append(
            ElementOffers(
                suggestion=item,
                in_plan=in_plan,
                no_action=code in coverage.no_action,
                offers=[
                    Offer(pick_value(code, o.id), o)
                    for o in item.options
                    if o.action_key not in keys
                ]
                + [
                    Offer(pick_value(code, f"{LOCAL}{a.id}"), None, a)
                    for a in item.local
                    if a.id not in local_ids
                ],
            )
        )
    return result
