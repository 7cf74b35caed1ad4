"""Everything a report needs, gathered once, so every format shows the same figures."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.text import slugify

from mobilise.assessments import charts
from mobilise.assessments.models import UK, Assessment, Consensus, Evidence, EvidenceKind
from mobilise.assessments.services import evidence as evidence_service
from mobilise.assessments.services import priorities
from mobilise.assessments.services.results import (
    ElementResult,
    Results,
    assessment_results,
    comments_by_element,
    round2,
)
from mobilise.core.dates import uk_today
from mobilise.core.numbers import one_decimal
from mobilise.framework.catalogue import Element, Framework, Technique, techniques_named
from mobilise.plans.models import NoActionRequired, PlanAction, Priority
from mobilise.plans.services.plan import coverage
from mobilise.plans.services.reassess import Comparison, comparison
from mobilise.plans.services.sign_off import Standing, standing
from mobilise.plans.services.trend import MINIMUM_CYCLES, Trend, unit_trend
from mobilise.reports.models import BoardPaper, Purpose


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
    overdue: bool = False  # open, and its due date has passed (UK today)


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
        overdue=action.is_overdue(uk_today()),
    )


def no_action_row(marked: NoActionRequired) -> PlanRow:
    return PlanRow(
        text="No action required",
        elements=[marked.element_code],
        source="no_action",
        reason=marked.reason,
    )


TO_BE_CONFIRMED = "To be confirmed"  # a cover field the facilitator has not typed


@dataclass(frozen=True)
class Cover:
    """The Board paper's cover: typed by the facilitator (BoardPaper), with defaults."""

    meeting: str
    meeting_on: date | None
    author: str
    presenter: str
    sponsor: str
    purpose: str  # "For decision", "For assurance" or "For information"
    asked_to: list[str]  # "The Board is asked to:" each line


def default_recommendations(today: date) -> list[str]:
    """What a Board is usually asked to do with a self-assessment and its plan."""
    again = date(today.year + 1, today.month, 1)
    return [
        "note the results of the Knowledge Mobilisation self-assessment",
        "approve the action plan and the owners of its actions",
        f"agree to reassess in {again.strftime('%B %Y')}, a year from now",
    ]


def cover_of(assessment: Assessment) -> Cover:
    paper = BoardPaper.objects.filter(assessment=assessment).first() or BoardPaper()
    typed = [line.strip() for line in paper.recommendations.splitlines() if line.strip()]
    return Cover(
        meeting=paper.meeting,
        meeting_on=paper.meeting_on,
        author=paper.author,
        presenter=paper.presenter,
        sponsor=paper.sponsor,
        purpose=Purpose(paper.purpose).label,
        asked_to=typed or default_recommendations(uk_today()),
    )


@dataclass(frozen=True)
class Summary:
    """The Board paper's summary in plain words; every figure from the same Report."""

    standing: str  # where the unit stands
    strengths: list[tuple[str, str]]  # element name, agreed level
    priorities: list[tuple[str, str]]  # element name, the reason in words
    changed: str | None  # since the last assessment, when there was one
    plan: str  # the plan at a glance
    overdue: int  # open actions past their due date


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
    cover: Cover | None = None
    sign_off: Standing | None = None  # draft or agreed, and what changed since
    trend: Trend | None = None  # the unit's cycles up to this one, when it was reassessed
    generated_at: datetime = field(default_factory=timezone.now)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

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

    def mean(self, value: float | None) -> str:
        """A mean as every page shows it: one decimal place (core.numbers)."""
        return one_decimal(value)

    def status_counts(self) -> dict[str, int]:
        counts = {"not_started": 0, "in_progress": 0, "done": 0, "dropped": 0}
        for action in self.actions:
            counts[action.status] += 1
        return counts

    @property
    def overdue(self) -> list[PlanAction]:
        today = uk_today()
        return [a for a in self.actions if a.is_overdue(today)]

    def summary(self) -> Summary:
        fw = self.framework
        return Summary(
            standing=self._standing(),
            strengths=[
                (fw.element_name(r.element), fw.level(r.consensus.level).label)
                for r in self.strengths
            ],
            priorities=[
                (fw.element_name(r.element), priorities.reason_in_words(fw, r.consensus))
                for r in self.priorities[:3]
            ],
            changed=self._changed(),
            plan=self._plan(),
            overdue=len(self.overdue),
        )

    def _standing(self) -> str:
        if self.results.hidden:
            return (
                f"The results are not shown: fewer than {self.results.minimum_responses} "
                "people have answered, and no one may be identifiable."
            )
        agreed = [r.consensus for r in self.rows if r.consensus]
        total = len(self.rows)
        if not agreed:
            people = _count(self.results.responses, "person", "people")
            return f"{people} rated the {total} elements; the group has not agreed levels yet."
        at_target = sum(1 for c in agreed if c.level >= c.target)
        mean = sum(c.level for c in agreed) / len(agreed)
        where = self.framework.level_in_words(mean)
        return (
            f"{_count(self.results.responses, 'person', 'people')} rated the {total} elements "
            "and the group agreed "
            f"a level for {len(agreed)}. On average the agreed level is "
            f"{self.mean(mean)}, {where}; {at_target} of {len(agreed)} elements are at or "
            "above the target the group set."
        )

    def _changed(self) -> str | None:
        found = self.comparison
        if found is None:
            return None
        moved = [e.agreed_change for e in found.elements if e.agreed_change is not None]
        done = sum(len(e.done) for e in found.elements)
        up, down = sum(1 for m in moved if m > 0), sum(1 for m in moved if m < 0)
        when = found.previous.created_at.astimezone(UK).strftime("%B %Y")
        return (
            f"Since the last assessment ({when}), {_count(up, 'element')} rose, {down} fell and "
            f"{len(moved) - up - down} stayed the same; {_count(done, 'action')} of the last "
            f"plan {'was' if done == 1 else 'were'} done." + self._longer_trend()
        )

    def _longer_trend(self) -> str:
        """The longer trend, over the cycles with agreed levels shown, when there are
        three or more: " Over four assessments since March 2025, the mean agreed level
        rose from 1.4 to 2.6." """
        shown = self.trend.shown if self.trend else []
        if len(shown) < MINIMUM_CYCLES:
            return ""
        (first, before), (_, after) = shown[0], shown[-1]
        since = first.assessment.created_at.astimezone(UK).strftime("%B %Y")
        was, now = self.mean(before), self.mean(after)
        moved = (
            f"stayed at {now}"
            if was == now
            else f"{'rose' if after > before else 'fell'} from {was} to {now}"
        )
        count = _IN_WORDS.get(len(shown), str(len(shown)))
        return f" Over {count} assessments since {since}, the mean agreed level {moved}."

    def _plan(self) -> str:
        c = self.status_counts()
        overdue = len(self.overdue)
        said = (
            f"The plan has {_count(len(self.actions), 'action')}: "
            f"{c['done']} done, {c['in_progress']} in progress, {c['not_started']} not started"
            + (f" and {c['dropped']} dropped" if c["dropped"] else "")
            + f". {overdue} {'is' if overdue == 1 else 'are'} overdue."
        )
        covered = (
            " It covers every element."
            if self.complete
            else f" Not yet covered: {', '.join(self.missing)}."
        )
        agreed = f" {self.sign_off.in_words}" if self.sign_off else ""
        return said + covered + agreed

    def evidence_lines(self) -> list[tuple[str, list[str]]]:
        """Each element's evidence as a line of words, for the papers: titles, dates and
        links; a file is named, never embedded nor linked (only members may read it)."""
        return [
            (self.framework.element_name(e.code), [evidence_line(i) for i in self.evidence[e.code]])
            for e in self.framework.elements
            if self.evidence.get(e.code)
        ]

    def chart_svgs(self) -> dict[str, charts.Chart]:
        return {
            "sections": charts.section_radar(self.framework, self.results),
            "elements": charts.element_radar(self.framework, self.results),
            "heat_map": charts.heat_map(self.framework, self.results),
        }


def build_report(assessment: Assessment, *, whole: bool = True) -> Report:
    """`whole=False` leaves out what only the full documents show (participants' comments,
    the techniques named in the plan): the Board summary's figures are the same."""
    framework = assessment.framework
    # Documents are read by the organisation, like the results page: the same privacy rule.
    results = assessment_results(assessment)
    cover = coverage(assessment)
    actions = cover.actions_by_priority
    named = {t for a in actions for t in techniques_in(framework, a.text)} if whole else set()
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
        comments=comments_by_element(assessment) if whole and not results.hidden else {},
        techniques=[t for t in framework.techniques if t.id in named],
        comparison=comparison(assessment),
        cover=cover_of(assessment),
        sign_off=standing(assessment),
        trend=unit_trend(assessment.unit, upto=assessment) if assessment.previous_id else None,
        evidence=evidence_service.for_assessment(assessment) if whole else {},
    )


_IN_WORDS = dict(
    enumerate(["", "", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
)


def evidence_line(item: Evidence) -> str:
    when = f"describing {item.describes_on.strftime('%-d %B %Y')}"
    if item.kind == EvidenceKind.LINK:
        what = f"link: {item.url}" if item.url != item.title else "link"
    elif item.kind == EvidenceKind.FILE:
        what = (
            f"file {item.file_name} ({item.type_label}, {item.size_label}), not included here: "
            "members can download it from the results in Mobilise"
        )
    else:
        what = f"note: {item.note}" if item.note != item.title else "note"
    return f"{item.title} – {what} ({when})"


def _count(count: int, one: str, many: str | None = None) -> str:
    """'1 action', '3 actions'; '1 person', '2 people'."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def techniques_in(framework: Framework, text: str) -> tuple[str, ...]:
    return techniques_named(text, framework.techniques)


def file_stem(assessment: Assessment) -> str:
    """organisation-unit-date, safe for a file name."""
    day = assessment.created_at.astimezone(UK).date().isoformat()
    return f"{slugify(assessment.organisation.name)}-{slugify(assessment.unit.name)}-{day}"
