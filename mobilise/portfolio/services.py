"""The organisation's portfolio: every unit's agreed levels side by side, how they spread
across units, how all the current plans are progressing, and what changed since each unit's
previous cycle.

Definitions:

- A unit's **agreed levels** are the consensus of its most recent assessment that has at
  least one agreed rating (an assessment still collecting answers does not hide the last
  agreed one).
- Its **current plan** is the plan of its most recent assessment: a reassessment carries the
  open actions over, and their statuses are updated there from then on.
- An action is **overdue** when it is not started or in progress and its due date is before
  today (UK time), as on the follow-up page; dropped actions are counted apart.
- The **change since the previous cycle** compares the agreed levels of that assessment with
  those of the assessment it reassessed (`Assessment.previous`), over the elements agreed in
  both.

The figures come from a fixed number of queries, however many units, assessments and
actions there are: the database picks each unit's assessments and counts the actions.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, UUIDField
from django.db.models.functions import Coalesce

from mobilise.accounts.models import Organisation, Unit
from mobilise.assessments.models import Assessment, Consensus
from mobilise.assessments.services.results import mean_of
from mobilise.core.dates import uk_today
from mobilise.framework.catalogue import Framework, get_framework
from mobilise.plans.models import ActionStatus, PlanAction, PlanActionElement, overdue
from mobilise.plans.services.trend import MINIMUM_CYCLES


@dataclass(frozen=True)
class AssessmentRef:
    """What the portfolio shows of an assessment: enough to name it and link to it."""

    id: object
    title: str
    created_at: datetime.datetime
    previous_id: object | None


@dataclass(frozen=True)
class ActionCounts:
    not_started: int = 0
    in_progress: int = 0
    done: int = 0
    dropped: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        """Actions that are or were meant to be done: dropped ones are left out."""
        return self.not_started + self.in_progress + self.done

    def __add__(self, other: "ActionCounts") -> "ActionCounts":
        return ActionCounts(
            self.not_started + other.not_started,
            self.in_progress + other.in_progress,
            self.done + other.done,
            self.dropped + other.dropped,
            self.overdue + other.overdue,
        )


@dataclass(frozen=True)
class UnitChange:
    previous: AssessmentRef
    previous_levels: dict[str, int]
    levels: dict[str, int]

    @property
    def compared(self) -> list[str]:
        return [code for code in self.levels if code in self.previous_levels]

    @property
    def up(self) -> int:
        return sum(1 for c in self.compared if self.levels[c] > self.previous_levels[c])

    @property
    def down(self) -> int:
        return sum(1 for c in self.compared if self.levels[c] < self.previous_levels[c])

    @property
    def same(self) -> int:
        return len(self.compared) - self.up - self.down

    @property
    def previous_mean(self) -> float | None:
        return mean_of([self.previous_levels[c] for c in self.compared])

    @property
    def mean(self) -> float | None:
        return mean_of([self.levels[c] for c in self.compared])

    @property
    def mean_change(self) -> float | None:
        if self.mean is None or self.previous_mean is None:
            return None
        return self.mean - self.previous_mean


@dataclass(frozen=True)
class UnitRow:
    id: object
    name: str
    agreed: AssessmentRef | None  # the most recent assessment with agreed ratings
    levels: dict[str, int]  # element code → agreed level
    latest: AssessmentRef | None  # the most recent assessment: its plan is the current one
    progress: ActionCounts
    change: UnitChange | None  # None without a previous cycle
    cycles: int = 0  # its assessments

    @property
    def has_trend(self) -> bool:
        """Assessed often enough for a trend (plans.services.trend)."""
        return self.cycles >= MINIMUM_CYCLES

    @property
    def mean(self) -> float | None:
        return mean_of(list(self.levels.values()))


@dataclass(frozen=True)
class Portfolio:
    framework: Framework
    today: datetime.date
    units: list[UnitRow]
    # element code → number of units at each level (0 to 4), and at None: not assessed
    distribution: dict[str, dict[int | None, int]]
    progress_by_element: dict[str, ActionCounts]
    progress: ActionCounts = field(default_factory=ActionCounts)

    @property
    def assessed(self) -> list[UnitRow]:
        return [u for u in self.units if u.agreed is not None]

    @property
    def changes(self) -> list[UnitRow]:
        return [u for u in self.units if u.change is not None]


def _counts(prefix: str, today: datetime.date) -> dict:
    """Conditional counts of actions by status, and of the overdue, for `annotate`."""
    status = f"{prefix}status"
    counts = {
        name: Count("pk", filter=Q(**{status: value}))
        for name, value in [
            ("not_started", ActionStatus.NOT_STARTED),
            ("in_progress", ActionStatus.IN_PROGRESS),
            ("done", ActionStatus.DONE),
            ("dropped", ActionStatus.DROPPED),
        ]
    }
    counts["overdue"] = Count("pk", filter=overdue(today, prefix))
    return counts


def _action_counts(row: dict) -> ActionCounts:
    return ActionCounts(
        row["not_started"], row["in_progress"], row["done"], row["dropped"], row["overdue"]
    )


def _units(organisation: Organisation):
    """The organisation's units (archived ones left out), each with the ids of its most
    recent assessment, its most recent assessment with agreed ratings, that one's previous
    cycle, and how many assessments it has had. One query."""
    # A unit belongs to one organisation, and so do its assessments; the later queries
    # still load them through the organisation.
    of_unit = Assessment.objects.filter(unit=OuterRef("pk")).order_by("-created_at", "-pk")
    agreed = of_unit.filter(Exists(Consensus.objects.filter(assessment=OuterRef("pk"))))
    return (
        Unit.objects.active()
        .filter(organisation=organisation)
        .annotate(
            # Named output fields: SQLite gives a foreign key's subquery back as text.
            latest_id=Subquery(of_unit.values("pk")[:1], output_field=UUIDField()),
            agreed_id=Subquery(agreed.values("pk")[:1], output_field=UUIDField()),
            agreed_previous_id=Subquery(agreed.values("previous_id")[:1], output_field=UUIDField()),
            # A subquery rather than a join, so that nothing is grouped.
            cycles=Coalesce(
                Subquery(
                    Assessment.objects.filter(unit=OuterRef("pk"))
                    .order_by()
                    .values("unit")
                    .annotate(n=Count("pk"))
                    .values("n")[:1],
                    output_field=IntegerField(),
                ),
                0,
            ),
        )
        .order_by("name", "pk")
        .values("id", "name", "latest_id", "agreed_id", "agreed_previous_id", "cycles")
    )


def portfolio(organisation: Organisation, today: datetime.date | None = None) -> Portfolio:
    """The portfolio of an organisation, from five queries."""
    today = today or uk_today()
    framework = get_framework()
    codes = [e.code for e in framework.elements]
    units = list(_units(organisation))
    agreed_ids = {u["agreed_id"] for u in units if u["agreed_id"]}
    previous_ids = {u["agreed_previous_id"] for u in units if u["agreed_previous_id"]}
    latest_ids = {u["latest_id"] for u in units if u["latest_id"]}

    wanted = agreed_ids | previous_ids | latest_ids
    assessments = {
        row["id"]: AssessmentRef(**row)
        for row in Assessment.objects.filter(organisation=organisation, pk__in=wanted).values(
            "id", "title", "created_at", "previous_id"
        )
    }
    levels: dict[object, dict[str, int]] = {}
    for assessment_id, code, level in Consensus.objects.filter(
        assessment__organisation=organisation, assessment_id__in=agreed_ids | previous_ids
    ).values_list("assessment_id", "element_code", "level"):
        levels.setdefault(assessment_id, {})[code] = level

    current = PlanAction.objects.filter(
        plan__assessment__organisation=organisation, plan__assessment_id__in=latest_ids
    )
    by_plan = {
        row["plan__assessment_id"]: _action_counts(row)
        for row in current.values("plan__assessment_id").annotate(**_counts("", today)).order_by()
    }
    by_element = {
        row["element_code"]: _action_counts(row)
        for row in PlanActionElement.objects.filter(action__in=current)
        .values("element_code")
        .annotate(**_counts("action__", today))
        .order_by()
    }

    rows = []
    for unit in units:
        agreed = assessments.get(unit["agreed_id"])
        unit_levels = {
            c: level for c, level in levels.get(unit["agreed_id"], {}).items() if c in codes
        }
        previous = assessments.get(unit["agreed_previous_id"])
        change = None
        if previous is not None:
            change = UnitChange(previous, levels.get(previous.id, {}), unit_levels)
        rows.append(
            UnitRow(
                id=unit["id"],
                name=unit["name"],
                agreed=agreed,
                levels=unit_levels,
                latest=assessments.get(unit["latest_id"]),
                progress=by_plan.get(unit["latest_id"], ActionCounts()),
                change=change,
                cycles=unit["cycles"],
            )
        )
    return Portfolio(
        framework=framework,
        today=today,
        units=rows,
        distribution=_distribution(framework, rows),
        progress_by_element={c: by_element.get(c, ActionCounts()) for c in codes},
        progress=sum(by_plan.values(), ActionCounts()),
    )


def _distribution(framework: Framework, rows: list[UnitRow]) -> dict[str, dict[int | None, int]]:
    """How many units agreed each level of each element; None counts the units without."""
    found = {}
    for element in framework.elements:
        counted = Counter(row.levels.get(element.code) for row in rows)
        found[element.code] = {
            **{level: counted[level] for level in framework.levels},
            None: counted[None],
        }
    return found
