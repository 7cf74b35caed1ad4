"""Everything a report needs, gathered once, so every format shows the same figures."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.text import slugify

from mobilise.assessments import charts
from mobilise.assessments.models import UK, Assessment, Consensus
from mobilise.assessments.services import priorities
from mobilise.assessments.services.results import (
    ElementResult,
    Results,
    assessment_results,
    comments_by_element,
    round2,
)
from mobilise.framework.catalogue import Element, Framework, Technique, techniques_named
from mobilise.plans.models import NoActionRequired, PlanAction, Priority
from mobilise.plans.services.plan import coverage
from mobilise.plans.services.reassess import Comparison, comparison


@dataclass(frozen=True)
class ElementRow:
    element: Element
    result: ElementResult

    @property
    def consensus(self) -> Consensus | None:
        return self.result.consensus


@dataclass(frozen=True)
class PlanRow:
    """One line of the plan as the tabular files list it: an action, or an element marked
    No action required (`source` "no_action", with its `reason`)."""

    text: str
    elements: list[str]
    source: str  # "catalogue", "local", "own" or "no_action"
    option_id: str | None = None
    priority: str | None = None
    owner: str = ""
    owner_email: str = ""
    due_on: date | None = None
    measure: str = ""
    status: str | None = None
    notes: list[tuple[datetime, str, str]] = field(default_factory=list)  # at, by, text
    reason: str = ""


def action_row(action: PlanAction) -> PlanRow:
    return PlanRow(
        text=action.text,
        elements=action.element_codes,
        source="catalogue" if action.option_id else "local" if action.local_action_id else "own",
        option_id=action.option_id,
        priority=action.priority,
        owner=action.owner,
        owner_email=action.owner_email,
        due_on=action.due_on,
        measure=action.measure,
        status=action.status,
        notes=[(n.created_at, n.author_name, n.text) for n in action.notes.all()],
    )


def no_action_row(marked: NoActionRequired) -> PlanRow:
    return PlanRow(
        text="No action required",
        elements=[marked.element_code],
        source="no_action",
        reason=marked.reason,
    )


@dataclass
class Report:
    assessment: Assessment
    framework: Framework
    results: Results
    rows: list[ElementRow]
    strengths: list[priorities.Ranked]
    priorities: list[priorities.Ranked]
    actions: list[PlanAction]
    no_action: list[NoActionRequired]
    complete: bool
    missing: list[str]
    comments: dict[str, list[str]]
    techniques: list[Technique]
    comparison: Comparison | None
    generated_at: datetime = field(default_factory=timezone.now)

    @property
    def organisation(self) -> str:
        return self.assessment.organisation.name

    @property
    def unit(self) -> str:
        return self.assessment.unit.name

    @property
    def date(self) -> date:
        return self.assessment.created_at.astimezone(UK).date()

    @property
    def actions_by_priority(self) -> list[tuple[str, list[PlanAction]]]:
        return [
            (p, [a for a in self.actions if a.priority == p])
            for p in Priority.values
            if any(a.priority == p for a in self.actions)
        ]

    @property
    def plan_rows(self) -> list[PlanRow]:
        """The actions by priority, then the elements marked No action required."""
        return [*map(action_row, self.actions), *map(no_action_row, self.no_action)]

    def reason(self, ranked: priorities.Ranked) -> str:
        return priorities.reason(self.framework, ranked.consensus)

    def level_label(self, level: int | None) -> str:
        return "–" if level is None else f"{level} {self.framework.level(level).label}"

    def number(self, value: float | None) -> str:
        return "–" if value is None else f"{round2(value):g}"

    def status_counts(self) -> dict[str, int]:
        counts = {"not_started": 0, "in_progress": 0, "done": 0, "dropped": 0}
        for action in self.actions:
            counts[action.status] += 1
        return counts

    def chart_svgs(self) -> dict[str, charts.Chart]:
        return {
            "sections": charts.section_radar(self.framework, self.results),
            "elements": charts.element_radar(self.framework, self.results),
            "heat_map": charts.heat_map(self.framework, self.results),
        }


def build_report(assessment: Assessment) -> Report:
    framework = assessment.framework
    # Documents are read by the organisation, like the results page: the same privacy rule.
    results = assessment_results(assessment)
    cover = coverage(assessment)
    actions = cover.actions_by_priority
    named = {t for a in actions for t in techniques_in(framework, a.text)}
    ranked = priorities.priorities(framework, results) if not results.hidden else []
    return Report(
        assessment=assessment,
        framework=framework,
        results=results,
        rows=[ElementRow(framework.element(r.element), r) for r in results.elements],
        strengths=priorities.strengths(results) if not results.hidden else [],
        priorities=[r for r in ranked if r.score > 0][:5],
        actions=actions,
        no_action=list(cover.no_action.values()),
        complete=cover.complete,
        missing=cover.missing,
        comments=comments_by_element(assessment) if not results.hidden else {},
        techniques=[t for t in framework.techniques if t.id in named],
        comparison=comparison(assessment),
    )


def techniques_in(framework: Framework, text: str) -> tuple[str, ...]:
    return techniques_named(text, framework.techniques)


def file_stem(assessment: Assessment) -> str:
    """organisation-unit-date, safe for a file name."""
    day = assessment.created_at.astimezone(UK).date().isoformat()
    return f"{slugify(assessment.organisation.name)}-{slugify(assessment.unit.name)}-{day}"
