"""More units of the demo organisation, so that its portfolio has something to compare.

Each unit has its own profile (a typical level per section) and its own seeded random
numbers, so the demo is the same on every machine; dates are counted back from the day it
is first loaded. Running it again changes nothing.
"""

import random
import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from mobilise.accounts.models import Organisation, User
from mobilise.assessments.models import Assessment, Mode, Source, Status
from mobilise.assessments.services.consensus import set_consensus
from mobilise.assessments.services.responses import Answer, submit_response
from mobilise.assessments.services.setup import create_assessment
from mobilise.plans.models import ActionStatus, PlanAction
from mobilise.plans.services.plan import ActionFields, add_catalogue_action
from mobilise.plans.services.reassess import start_reassessment

FIRST_TITLE = "Knowledge mobilisation self-assessment"
SECOND_TITLE = "Knowledge mobilisation reassessment"


@dataclass(frozen=True)
class DemoUnit:
    name: str
    levels: dict[str, int]  # section code → the level this unit typically agrees
    people: int
    days_ago: int  # when its (first) assessment was held
    reassessed_days_ago: int | None = None  # and its second, if it has one
    agreed: bool = True  # False: still collecting answers, nothing agreed yet
    later_days_ago: tuple[int, ...] = ()  # its third and later cycles, if it has them
    # How much higher than its first cycle the unit's typical levels are at each later
    # one, beyond the elements its done actions lifted.
    rises: tuple[int, ...] = ()


DEMO_UNITS = [
    DemoUnit("Trust Board", {"1": 2, "2": 1, "3": 1, "4": 2}, 6, 420, 45),
    DemoUnit("Emergency Department", {"1": 1, "2": 2, "3": 1, "4": 1}, 7, 200),
    DemoUnit("Nursing directorate", {"1": 2, "2": 2, "3": 2, "4": 1}, 8, 390, 20),
    DemoUnit("Research and development", {"1": 3, "2": 3, "3": 2, "4": 3}, 5, 150),
    DemoUnit("Library and knowledge service", {"1": 3, "2": 3, "3": 3, "4": 4}, 5, 240),
    DemoUnit("Finance directorate", {"1": 1, "2": 1, "3": 2, "4": 1}, 3, 10, agreed=False),
    # Four cycles, better each time: the portfolio links to its trend.
    DemoUnit(
        "Pharmacy and medicines optimisation",
        {"1": 1, "2": 0, "3": 1, "4": 1},
        6,
        730,
        490,
        later_days_ago=(250, 30),
        rises=(0, 1, 1, 2),
    ),
]
UNIT_NAMES = [unit.name for unit in DEMO_UNITS]
# How far one person's rating strays from the unit's typical level.
SPREAD = [-1, 0, 0, 0, 1]

# Each plan's actions in turn: (status, months after the assessment it is due).
PLAN_PATTERN = [
    (ActionStatus.DONE, 2),
    (ActionStatus.IN_PROGRESS, 9),
    (ActionStatus.NOT_STARTED, 3),
    (ActionStatus.DONE, 4),
    (ActionStatus.IN_PROGRESS, 5),
    (ActionStatus.DROPPED, 6),
]
OWNERS = [
    "Clinical Librarian",
    "Head of Knowledge and Library Services",
    "Quality Improvement Lead",
    "Deputy Director of Nursing",
    "Head of Research",
    "Trust Secretary",
]


def load_demo_units(organisation: Organisation) -> None:
    facilitator = User.objects.get(username="demo-facilitator")
    for unit in DEMO_UNITS:
        rng = random.Random(f"mobilise-demo:{unit.name}")  # noqa: S311 - demo figures only
        first = _assessment(organisation, unit, rng, facilitator)
        if unit.reassessed_days_ago is not None:
            latest = _reassessment(first, unit, rng, facilitator)
            for index, days_ago in enumerate(unit.later_days_ago, start=2):
                latest = _reassessment(latest, unit, rng, facilitator, days_ago, index)


def _assessment(
    organisation: Organisation, unit: DemoUnit, rng: random.Random, user: User
) -> Assessment:
    found = Assessment.objects.filter(
        organisation=organisation, unit__name=unit.name, title=FIRST_TITLE
    ).first()
    if found is not None:
        return found
    assessment = create_assessment(
        organisation, unit.name, FIRST_TITLE, Mode.GROUP, created_by=user
    )
    _backdate(assessment, unit.days_ago)
    _answer_and_agree(assessment, unit, rng, user, lift=set())
    if unit.agreed:
        _plan(assessment, rng, user, unit.days_ago)
    return assessment


def _reassessment(
    previous: Assessment,
    unit: DemoUnit,
    rng: random.Random,
    user: User,
    days_ago: int | None = None,
    index: int = 1,
) -> Assessment:
    """The next cycle after `previous` (the `index`th after the first), held `days_ago`
    (the unit's reassessment by default)."""
    found = previous.reassessments.order_by("created_at").first()
    if found is not None:
        return found
    # By the reassessment the previous plan's actions were done, bar the second, which is
    # still in progress and carried over.
    actions = list(PlanAction.objects.filter(plan__assessment=previous).order_by("created_at"))
    for position, action in enumerate(actions):
        if position != 1 and action.status != ActionStatus.DROPPED:
            action.status = ActionStatus.DONE
            action.save(update_fields=["status"])
    # Every element served by an action done in any earlier cycle stays one level higher.
    done = PlanAction.objects.filter(
        plan__assessment__unit=previous.unit,
        plan__assessment__created_at__lte=previous.created_at,
        status=ActionStatus.DONE,
    ).prefetch_related("elements")
    lift = {code for a in done for code in a.element_codes}
    days_ago = unit.reassessed_days_ago if days_ago is None else days_ago
    title = SECOND_TITLE if index == 1 else f"{SECOND_TITLE} {index}"
    second = start_reassessment(previous, user, title=title)
    _backdate(second, days_ago)
    rise = unit.rises[index] if index < len(unit.rises) else 0
    _answer_and_agree(second, unit, rng, user, lift=lift, rise=rise)
    _plan(second, rng, user, days_ago)
    return second


def _backdate(assessment: Assessment, days_ago: int) -> None:
    when = timezone.now() - timedelta(days=days_ago)
    Assessment.objects.filter(pk=assessment.pk).update(created_at=when)
    assessment.created_at = when


def _profile(unit: DemoUnit, assessment: Assessment) -> dict[str, int]:
    """The unit's typical level of each element: its section's, give or take one; the same
    in every cycle."""
    rng = random.Random(f"mobilise-demo-profile:{unit.name}")  # noqa: S311 - demo figures
    return {
        e.code: max(0, min(4, unit.levels[s.code] + rng.choice([-1, 0, 0, 1])))
        for s in assessment.framework.sections
        for e in s.elements
    }


def _answer_and_agree(
    assessment: Assessment,
    unit: DemoUnit,
    rng: random.Random,
    user: User,
    lift: set[str],
    rise: int = 0,
) -> None:
    """Everyone's ratings around the unit's typical levels (`rise` higher, and one more
    where last cycle's actions were done); the group agrees the median, rounded down."""
    typical = {
        code: min(4, level + rise + (code in lift))
        for code, level in _profile(unit, assessment).items()
    }
    given: dict[str, list[int]] = {code: [] for code in typical}
    for _ in range(unit.people):
        answers = []
        for code, level in typical.items():
            rated = None if rng.random() < 0.05 else max(0, min(4, level + rng.choice(SPREAD)))
            if rated is not None:
                given[code].append(rated)
            answers.append(Answer(code, rated))
        submit_response(assessment, answers, source=Source.PARTICIPANT)
    if not unit.agreed:
        return
    for code, levels in given.items():
        agreed = int(statistics.median_low(levels)) if levels else typical[code]
        set_consensus(
            assessment,
            code,
            agreed,
            rng.choice(["low", "medium", "medium", "high"]),
            agreed_by=user,
        )
    assessment.status = Status.CLOSED
    assessment.closed_at = assessment.created_at + timedelta(days=1)
    assessment.results_revealed = True
    assessment.save(update_fields=["status", "closed_at", "results_revealed"])


def _plan(assessment: Assessment, rng: random.Random, user: User, days_ago: int) -> None:
    """Actions for the elements furthest below their target, in mixed states."""
    framework = assessment.framework
    agreed = sorted(assessment.consensus.all(), key=lambda c: c.element_code)
    gaps = sorted(agreed, key=lambda c: (-(c.target - c.level) * c.weight, rng.random()))
    start = (timezone.now() - timedelta(days=days_ago)).date()
    for (status, months), consensus in zip(PLAN_PATTERN, gaps, strict=False):
        option = rng.choice(framework.element(consensus.element_code).options)
        fields = ActionFields(
            priority="high" if consensus.weight == 3 else "medium",
            owner=rng.choice(OWNERS),
            due_on=start + timedelta(days=30 * months),
            measure="Reported to the knowledge mobilisation steering group",
            status=status,
            given={"priority", "owner", "due_on", "measure", "status"},
        )
        add_catalogue_action(assessment, option.id, [consensus.element_code], fields, user)
