"""Reassessment: a new cycle for the same unit, its plan starting from the open actions of
the last, and the comparison of the cycles beside the actions that were done."""

import datetime
from dataclasses import dataclass

from django.db import transaction

from mobilise.accounts.models import User
from mobilise.assessments.models import Assessment, Status
from mobilise.assessments.services import evidence
from mobilise.assessments.services.results import Results, assessment_results
from mobilise.assessments.services.setup import close_assessment, create_assessment
from mobilise.audit.services import record
from mobilise.plans.models import OPEN_STATUSES, ActionStatus, PlanAction, PlanActionElement
from mobilise.plans.services.plan import plan_of


@transaction.atomic
def start_reassessment(
    previous: Assessment,
    user: User | None = None,
    title: str = "",
    mode: str | None = None,
    closes_on: datetime.date | None = None,
    close_previous: bool = False,
) -> Assessment:
    """A new assessment of the same unit, linked to the previous one; the previous plan's
    open actions are carried over (marked as such). The previous assessment is closed when
    asked (the reassessment form asks, and proposes it). All of it, or nothing."""
    assessment = create_assessment(
        previous.organisation,
        previous.unit.name,
        (title or f"{previous.unit.name}: reassessment")[:200],
        mode or previous.mode,
        closes_on,
        created_by=user,
    )
    if close_previous and previous.status == Status.OPEN:
        close_assessment(previous, user)
    assessment.previous = previous
    assessment.save(update_fields=["previous"])
    plan = plan_of(assessment)
    for old in (
        plan_of(previous).actions.filter(status__in=OPEN_STATUSES).prefetch_related("elements")
    ):
        new = PlanAction.objects.create(
            plan=plan,
            option_id=old.option_id,
            action_key=old.action_key,
            local_action=old.local_action,
            text=old.text,
            priority=old.priority,
            owner=old.owner,
            owner_member_id=old.owner_member_id,
            owner_email=old.owner_email,
            due_on=old.due_on,
            measure=old.measure,
            status=old.status,
            carried_over_from=old,
        )
        PlanActionElement.objects.bulk_create(
            PlanActionElement(action=new, element_code=code) for code in old.element_codes
        )
    offered = evidence.offer_again(previous, assessment)
    record(
        assessment,
        user,
        f"Started as a reassessment of “{previous.title}”"
        + (f"; {offered} pieces of evidence offered again" if offered else ""),
    )
    return assessment


def cycles(assessment: Assessment) -> list[Assessment]:
    """Every cycle of the unit up to this one, oldest first, following the `previous` links."""
    chain, seen = [], set()
    current: Assessment | None = assessment
    while current is not None and current.id not in seen:
        chain.append(current)
        seen.add(current.id)
        current = current.previous
    return list(reversed(chain))


@dataclass(frozen=True)
class ElementChange:
    element: str
    previous_agreed: int | None
    agreed: int | None
    previous_median: float | None
    median: float | None
    done: list[PlanAction]

    @property
    def agreed_change(self) -> int | None:
        if self.previous_agreed is None or self.agreed is None:
            return None
        return self.agreed - self.previous_agreed

    @property
    def median_change(self) -> float | None:
        if self.previous_median is None or self.median is None:
            return None
        return self.median - self.previous_median


@dataclass(frozen=True)
class Cycle:
    assessment: Assessment
    results: Results


@dataclass(frozen=True)
class Comparison:
    previous: Assessment
    current: Assessment
    elements: list[ElementChange]
    cycles: list[Cycle]


def _agreed(results: Results, code: str) -> int | None:
    found = results.element(code)
    return found.consensus.level if found and found.consensus else None


def _median(results: Results, code: str) -> float | None:
    found = results.element(code)
    return found.median if found else None


def comparison(assessment: Assessment) -> Comparison | None:
    """Per element, the previous and current agreed level and median, and the actions of
    the previous plan that were done. None for a first assessment."""
    previous = assessment.previous
    if previous is None:
        return None
    all_cycles = [Cycle(a, assessment_results(a)) for a in cycles(assessment)]
    now, before = all_cycles[-1].results, all_cycles[-2].results
    done: dict[str, list[PlanAction]] = {}
    finished = (
        plan_of(previous).actions.filter(status=ActionStatus.DONE).prefetch_related("elements")
    )
    for action in finished:
        for code in action.element_codes:
            done.setdefault(code, []).append(action)
    elements = [
        ElementChange(
            element=e.code,
            previous_agreed=_agreed(before, e.code),
            agreed=_agreed(now, e.code),
            previous_median=_median(before, e.code),
            median=_median(now, e.code),
            done=done.get(e.code, []),
        )
        for e in assessment.framework.elements
    ]
    return Comparison(previous, assessment, elements, all_cycles)
