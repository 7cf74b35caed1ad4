"""Impact case studies: what was done, told the way knowledge services tell it nationally,
written up from one or more done actions of a plan.

A case study has the national fields (the challenge, what the knowledge and library service
did, the intervention, the outcome and impact with a figure where there is one, and a quote
from a named champion). It serves the elements of its actions, and the score change it
shows is the agreed level of each of those elements at the plan's assessment and at the
next cycle of the unit (the reassessment whose previous assessment it is). A cycle whose
results are hidden gives no level, as on the trend page.

Case studies belong with plans: they read results (agreed levels), and nothing in
assessments reads them; the results page lists them through `assessments.panels`.
"""

import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.http import Http404

from mobilise.accounts.models import Membership, Organisation, Unit, User
from mobilise.assessments.models import Assessment, Consensus
from mobilise.assessments.services.results import hidden_now
from mobilise.audit.kinds import Kind
from mobilise.audit.services import record
from mobilise.core.errors import FieldError, InvalidInput, NotAllowed
from mobilise.framework.catalogue import Framework
from mobilise.plans.models import (
    CASE_LINE_MAX,
    CASE_TEXT_MAX,
    ActionStatus,
    CaseStudy,
    PlanAction,
)
from mobilise.plans.services.plan import plan_of

NOT_ALLOWED = "Viewers cannot write impact case studies"
NO_ACTIONS = "Choose at least one done action of this plan"


@dataclass(frozen=True)
class Part:
    """One field of a case study as its readers see it: on the form, the page, the API
    and the Word document. `missing` is the error when a required one is left empty."""

    name: str
    label: str
    hint: str
    long: bool  # a paragraph (True) or a line
    missing: str = ""  # required when set

    @property
    def required(self) -> bool:
        return bool(self.missing)


PARTS = [
    Part("title", "Title", "A headline that says what changed.", False, "Enter a title"),
    Part(
        "challenge",
        "The challenge",
        "What problem or question the team faced, and why it mattered.",
        True,
        "Enter the challenge",
    ),
    Part(
        "service_did",
        "What the knowledge and library service did",
        "The searches, summaries, training or knowledge-sharing the service provided.",
        True,
        "Enter what the knowledge and library service did",
    ),
    Part(
        "intervention",
        "The intervention",
        "What the team then did differently, using that evidence or knowledge.",
        True,
        "Enter the intervention",
    ),
    Part(
        "outcome",
        "Outcome and impact",
        "What changed for patients, staff or the organisation as a result.",
        True,
        "Enter the outcome and impact",
    ),
    Part(
        "figure",
        "The impact in a figure (optional)",
        "For example: 120 hours of clinicians' time saved a year, or £14,000 saved.",
        False,
    ),
    Part(
        "quote",
        "Quote from a champion (optional)",
        "In their own words. Only quote someone who has agreed to be named.",
        True,
    ),
    Part("champion_name", "Champion's name", "Needed with a quote.", False),
    Part("champion_role", "Champion's role (optional)", "For example: Director of Nursing.", False),
]
PART_NAMES = [p.name for p in PARTS]
SHORT = {"title", "figure", "champion_name", "champion_role", "actions"}  # copied into history


@dataclass
class CaseStudyFields:
    title: str = ""
    challenge: str = ""
    service_did: str = ""
    intervention: str = ""
    outcome: str = ""
    figure: str = ""
    quote: str = ""
    champion_name: str = ""
    champion_role: str = ""
    actions: list[str] = field(default_factory=list)  # ids of done actions of the plan

    @classmethod
    def of(cls, case: CaseStudy) -> "CaseStudyFields":
        return cls(
            **{name: getattr(case, name) for name in PART_NAMES},
            actions=[str(a.id) for a in case.actions.all()],
        )


def may_write(membership: Membership) -> bool:
    return membership.can_edit


def done_actions(assessment: Assessment) -> list[PlanAction]:
    """The plan's done actions, which a case study can be written from."""
    return list(
        plan_of(assessment)
        .actions.filter(status=ActionStatus.DONE)
        .prefetch_related("elements")
        .order_by("created_at")
    )


def _chosen(assessment: Assessment, ids: list[str], case: CaseStudy | None) -> list[PlanAction]:
    """The actions named by `ids`, each a done action of the plan (or already in the case
    study: an action that moved on from done since stays linked); [] when any is not."""
    wanted = set()
    for raw in ids:
        try:
            wanted.add(uuid.UUID(str(raw)))
        except ValueError:
            return []
    if not wanted:
        return []
    linked = {a.id for a in case.actions.all()} if case else set()
    found = [
        a
        for a in plan_of(assessment).actions.filter(id__in=wanted).order_by("created_at")
        if a.status == ActionStatus.DONE or a.id in linked
    ]
    return found if len(found) == len(wanted) else []


def check(fields: CaseStudyFields) -> list[FieldError]:
    """What is wrong with the written fields, each error naming its field."""
    errors = []
    for part in PARTS:
        value = getattr(fields, part.name).strip()
        most = CASE_TEXT_MAX if part.long else CASE_LINE_MAX
        if part.required and not value:
            errors.append(FieldError((part.name,), part.missing))
        elif len(value) > most:
            errors.append(
                FieldError((part.name,), f"{part.label} must be {most:,} characters or fewer")
            )
    if fields.quote.strip() and not fields.champion_name.strip():
        errors.append(
            FieldError(("champion_name",), "Enter the name of the champion who gave the quote")
        )
    return errors


def _validated(
    assessment: Assessment, fields: CaseStudyFields, case: CaseStudy | None
) -> list[PlanAction]:
    errors = check(fields)
    actions = _chosen(assessment, list(fields.actions), case)
    if not actions:
        errors.append(FieldError(("actions",), NO_ACTIONS))
    if errors:
        raise InvalidInput(errors)
    return actions


def cleaned(fields: CaseStudyFields) -> dict[str, str]:
    """The written fields as they are kept: each without the spaces around it."""
    return {name: getattr(fields, name).strip() for name in PART_NAMES}


def write(
    assessment: Assessment, membership: Membership, fields: CaseStudyFields, user: User | None
) -> CaseStudy:
    """A new case study from done actions of the assessment's plan. All of it, or nothing."""
    if not may_write(membership):
        raise NotAllowed(NOT_ALLOWED)
    actions = _validated(assessment, fields, None)
    with transaction.atomic():
        case = CaseStudy.objects.create(
            plan=plan_of(assessment),
            written_by=user,
            written_by_name=user.name_to_record() if user else "",
            **cleaned(fields),
        )
        case.actions.set(actions)
        record(
            assessment,
            user,
            f"Wrote the impact case study “{case.title}”",
            {"case_study": [None, case.title]},
            kind=Kind.PLAN,
        )
    return case


def change(
    case: CaseStudy, membership: Membership, fields: CaseStudyFields, user: User | None
) -> CaseStudy:
    if not may_write(membership):
        raise NotAllowed(NOT_ALLOWED)
    assessment = case.plan.assessment
    actions = _validated(assessment, fields, case)
    values = cleaned(fields)
    changed = {
        name: [getattr(case, name), value]
        for name, value in values.items()
        if getattr(case, name) != value
    }
    before_actions = sorted(case.actions.all(), key=lambda a: (a.created_at, a.id))
    if {a.id for a in before_actions} != {a.id for a in actions}:
        # The actions by their words (as a history value holds them: 200 characters each).
        changed["actions"] = [[a.text[:200] for a in group] for group in (before_actions, actions)]
    if not changed:
        return case
    with transaction.atomic():
        for name, value in values.items():
            setattr(case, name, value)
        case.save()
        case.actions.set(actions)
        labels = {p.name: p.label.removesuffix(" (optional)") for p in PARTS} | {
            "actions": "Actions"
        }
        record(
            assessment,
            user,
            f"Changed the impact case study “{case.title}”: "
            + ", ".join(labels[name].lower() for name in changed),
            # Paragraphs are named, not copied, into the history.
            {name: pair if name in SHORT else [None, "changed"] for name, pair in changed.items()},
            kind=Kind.PLAN,
        )
    return case


def remove(case: CaseStudy, membership: Membership, user: User | None) -> None:
    if not may_write(membership):
        raise NotAllowed(NOT_ALLOWED)
    assessment = case.plan.assessment
    with transaction.atomic():
        title = case.title
        case.delete()
        record(
            assessment,
            user,
            f"Deleted the impact case study “{title}”",
            {"case_study": [title, None]},
            kind=Kind.PLAN,
        )


def _listed(found) -> list[CaseStudy]:
    return list(
        found.select_related("plan__assessment__unit", "plan__assessment__organisation")
        .prefetch_related("actions__elements")
        .order_by("created_at", "id")
    )


def of_assessment(assessment: Assessment) -> list[CaseStudy]:
    return _listed(CaseStudy.objects.filter(plan__assessment=assessment))


def get(assessment: Assessment, case_id) -> CaseStudy:
    """The assessment's case study, or 404 (another assessment's, another organisation's, or
    an id that is not one)."""
    try:
        case_id = uuid.UUID(str(case_id))
    except ValueError as bad:
        raise Http404("Not found") from bad
    found = _listed(CaseStudy.objects.filter(plan__assessment=assessment, id=case_id))
    if not found:
        raise Http404("Not found")
    return found[0]


def for_unit(unit: Unit, upto: Assessment | None = None) -> list[CaseStudy]:
    """The unit's case studies, from every cycle (with `upto`, its cycles up to that one)."""
    found = CaseStudy.objects.filter(
        plan__assessment__organisation=unit.organisation, plan__assessment__unit=unit
    )
    if upto is not None:
        found = found.filter(plan__assessment__created_at__lte=upto.created_at)
    return _listed(found)


def for_organisation(organisation: Organisation) -> list[CaseStudy]:
    return _listed(CaseStudy.objects.filter(plan__assessment__organisation=organisation))


@dataclass(frozen=True)
class ElementScore:
    """An element a case study served: its agreed level at the plan's assessment and at the
    next cycle (None where there is no level, or the cycle's results are hidden)."""

    element: str
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def change_in_words(self) -> str:
        """ "Up 2 levels", "Down 1 level", "No change", or "–" when there is nothing to compare."""
        if self.change is None:
            return "–"
        if self.change == 0:
            return "No change"
        steps = abs(self.change)
        return f"{'Up' if self.change > 0 else 'Down'} {steps} level{'s' if steps != 1 else ''}"

    def in_words(self, framework: Framework) -> str:
        def level(value: int | None) -> str:
            if value is None:
                return "not agreed"
            found = framework.level(value)
            return f"{value} {found.label}" if found else str(value)

        if self.after is None and self.before is None:
            return "not agreed"
        said = f"{level(self.before)} → {level(self.after)}"
        if self.change is None:
            return said
        return f"{said} ({self.change_in_words.lower()})"


@dataclass(frozen=True)
class Written:
    """A case study with what it is read beside: its unit, the elements it served (its
    actions' elements, in framework order), and the score change at the next cycle."""

    case: CaseStudy
    actions: list[PlanAction]
    elements: list[str]
    reassessment: Assessment | None
    scores: list[ElementScore]

    @property
    def assessment(self) -> Assessment:
        return self.case.plan.assessment

    @property
    def reassessed(self) -> bool:
        return self.reassessment is not None

    def change_in_words(self, framework: Framework) -> str:
        """The score change, in one line: for the lists on results and the portfolio."""
        if self.reassessment is None:
            return "Not reassessed yet"
        shown = [s for s in self.scores if s.change is not None]
        if not shown:
            return "No agreed levels to compare"
        return "; ".join(f"{s.element} {s.in_words(framework)}" for s in shown)


def written(cases: list[CaseStudy]) -> list[Written]:
    """Each case study with its elements and score change, in a fixed number of queries
    (the reassessments, and the agreed levels of both cycles, all at once) plus one count
    for each assessment in individual completion, to know whether its results are hidden."""
    if not cases:
        return []
    sources = {c.plan.assessment_id: c.plan.assessment for c in cases}
    following: dict = {}
    for later in Assessment.objects.filter(previous_id__in=sources).order_by("created_at", "pk"):
        following.setdefault(later.previous_id, later)
    every = {**sources, **{a.id: a for a in following.values()}}
    hidden = {key: hidden_now(a) for key, a in every.items()}
    # Only the levels of the elements served, as plain values: a unit's every agreed level
    # would be 23 objects a cycle, most of them never read.
    served_anywhere = {code for c in cases for a in c.actions.all() for code in a.element_codes}
    levels: dict = {}
    for assessment_id, code, level in Consensus.objects.filter(
        assessment_id__in=every, element_code__in=served_anywhere
    ).values_list("assessment_id", "element_code", "level"):
        if not hidden[assessment_id]:
            levels[(assessment_id, code)] = level
    found = []
    for case in cases:
        source = case.plan.assessment
        framework = source.framework
        actions = sorted(case.actions.all(), key=lambda a: (a.created_at, a.id))
        served = {code for a in actions for code in a.element_codes}
        elements = [e.code for e in framework.elements if e.code in served]
        later = following.get(source.id)
        scores = [
            ElementScore(
                code,
                levels.get((source.id, code)),
                levels.get((later.id, code)) if later else None,
            )
            for code in elements
        ]
        found.append(Written(case, actions, elements, later, scores))
    return found


def written_one(case: CaseStudy) -> Written:
    return written([case])[0]


def results_panel(assessment: Assessment) -> dict:
    """The unit's case studies up to this cycle, for its results page."""
    return {"written": written(for_unit(assessment.unit, upto=assessment))}
