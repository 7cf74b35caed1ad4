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
from mobilise.plans.models import LocalAction, PlanAction, Priority
from mobilise.plans.services import plan as plans
from mobilise.plans.services.suggestions import local_actions_by_element

LOCAL = "local:"
CUSTOM = "own:"
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
