"""A unit's trend over many cycles: each element's agreed level per cycle, how many took
part in each, the actions done between cycles beside each change, and the overall and
section means of the agreed levels over time.

Definitions:

- The **cycles** of a unit are its assessments, oldest first (by the day each was held).
- A cycle's figures come from the results service, so a cycle whose results are hidden
  (individual completion below the minimum) shows no figure at all, not even its agreed
  levels: only that it took place and how many have answered so far.
- The **actions done between** cycle N and N+1 are the actions of cycle N's plan whose
  status is done.
- A trend needs at least `MINIMUM_CYCLES` cycles; with fewer the comparison page says it all.
"""

from dataclasses import dataclass

from mobilise.accounts.models import Unit
from mobilise.assessments.models import UK, Assessment
from mobilise.assessments.services.priorities import agreed_section_means
from mobilise.assessments.services.results import Results, assessment_results, mean_of, round2
from mobilise.framework.catalogue import Framework, get_framework
from mobilise.plans.models import ActionStatus, PlanAction

MINIMUM_CYCLES = 3


@dataclass(frozen=True)
class TrendCycle:
    assessment: Assessment
    results: Results
    done: list[PlanAction]  # of this cycle's plan, done: between it and the next

    @property
    def hidden(self) -> bool:
        return self.results.hidden

    @property
    def responses(self) -> int:
        """The number who took part: the responses in the figures."""
        return self.results.responses

    @property
    def agreed_count(self) -> int:
        return sum(1 for e in self.results.elements if e.consensus)

    def agreed(self, code: str) -> int | None:
        found = self.results.element(code)
        return found.consensus.level if found and found.consensus else None


@dataclass(frozen=True)
class ElementTrend:
    element: str
    levels: list[int | None]  # the agreed level in each cycle
    done: list[list[PlanAction]]  # per change (cycle N to N+1): cycle N's done actions for it

    @property
    def changes(self) -> list[int | None]:
        """The change of agreed level from each cycle to the next."""
        return [
            None if before is None or after is None else after - before
            for before, after in zip(self.levels, self.levels[1:], strict=False)
        ]


@dataclass(frozen=True)
class Trend:
    unit: Unit
    framework: Framework
    cycles: list[TrendCycle]
    elements: list[ElementTrend]
    overall: list[float | None]  # the mean agreed level of each cycle
    sections: dict[str, list[float | None]]  # section code → its mean agreed level per cycle

    @property
    def enough(self) -> bool:
        return len(self.cycles) >= MINIMUM_CYCLES

    @property
    def shown(self) -> list[tuple[TrendCycle, float]]:
        """The cycles with a mean agreed level, and that mean."""
        return [(c, m) for c, m in zip(self.cycles, self.overall, strict=True) if m is not None]


def unit_cycles(unit: Unit, upto: Assessment | None = None) -> list[Assessment]:
    """The unit's assessments oldest first; with `upto`, only those up to that one."""
    found = list(
        Assessment.objects.filter(organisation=unit.organisation, unit=unit)
        .select_related("unit", "organisation")
        .order_by("created_at", "pk")
    )
    if upto is not None:
        ids = [a.id for a in found]
        found = found[: ids.index(upto.id) + 1] if upto.id in ids else found
    return found


def _done_by_assessment(assessments: list[Assessment]) -> dict[object, list[PlanAction]]:
    done: dict[object, list[PlanAction]] = {}
    for action in (
        PlanAction.objects.filter(plan__assessment__in=assessments, status=ActionStatus.DONE)
        .select_related("plan")
        .prefetch_related("elements")
        .order_by("created_at", "pk")
    ):
        done.setdefault(action.plan.assessment_id, []).append(action)
    return done


def unit_trend(unit: Unit, upto: Assessment | None = None) -> Trend:
    """The unit's trend over its cycles (up to `upto` when given)."""
    assessments = unit_cycles(unit, upto)
    done = _done_by_assessment(assessments)
    cycles = [TrendCycle(a, assessment_results(a), done.get(a.id, [])) for a in assessments]
    framework = assessments[-1].framework if assessments else get_framework()
    elements = [
        ElementTrend(
            element=e.code,
            levels=[c.agreed(e.code) for c in cycles],
            done=[[a for a in c.done if e.code in a.element_codes] for c in cycles[:-1]],
        )
        for e in framework.elements
    ]
    overall = [mean_of([c.agreed(e.code) for e in framework.elements]) for c in cycles]
    by_cycle = [agreed_section_means(framework, c.results) for c in cycles]
    sections = {s.code: [means.get(s.code) for means in by_cycle] for s in framework.sections}
    return Trend(unit, framework, cycles, elements, overall, sections)


def trend_as_dict(found: Trend) -> dict:
    """The JSON of `GET /api/v1/units/{unit_id}/trend`: the figures the page shows."""
    return {
        "unit": {"id": str(found.unit.id), "name": found.unit.name},
        "enough_cycles": found.enough,
        "minimum_cycles": MINIMUM_CYCLES,
        "cycles": [
            {
                "assessment_id": str(c.assessment.id),
                "title": c.assessment.title,
                "held_on": c.assessment.created_at.astimezone(UK).date(),
                "responses": c.responses,
                "hidden": c.hidden,
                "elements_agreed": None if c.hidden else c.agreed_count,
                "mean_agreed_level": round2(found.overall[index]),
                "sections": [
                    {"section": code, "mean_agreed_level": round2(means[index])}
                    for code, means in found.sections.items()
                ],
                "actions_done": [
                    {"id": str(a.id), "text": a.text, "elements": a.element_codes}
                    for a in (c.done if index < len(found.cycles) - 1 else [])
                ],
            }
            for index, c in enumerate(found.cycles)
        ],
        "elements": [
            {
                "element": e.element,
                "agreed_levels": e.levels,
                "changes": e.changes,
                "actions_done_before": [[str(a.id) for a in done] for done in e.done],
            }
            for e in found.elements
        ],
    }
