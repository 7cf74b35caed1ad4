"""The figures of an assessment: one service for the API, the pages and the documents.

Definitions (as in the API contract):

- `n` counts the numeric ratings of an element; "Don't know" is counted apart.
- `median` is the statistical median of the numeric ratings (it can be a half).
- `mean` is their mean; a section's mean is the mean of its elements' unrounded means
  (elements with no numeric rating left out), and the overall mean likewise over all
  elements. Means are rounded to two decimals only when shown.
- `spread` flags an element for discussion when the group disagrees: of all the pairs of
  people who gave a level, **more than two in five are two or more levels apart**. Next-door
  levels are close enough; a split across the scale is not. So 1,1,3,3 is flagged (four of
  six pairs two levels apart), 0,0,0,4,4,4,4 is flagged, 1,2,2,3 is not (one pair of six),
  and 2,2,2,2,4 is not (one dissenter of five: four pairs of ten). This catches a group
  split into camps, which a rule on the range or the most common level alone would miss.

Only submitted responses count.

Anonymity in individual completion: the figures stay back (`hidden`) until
`MOBILISE_MIN_RESPONSES_TO_SHOW` responses *counted towards the minimum* have been sent.
Only participants' own responses, sent from the participant pages, count: responses typed
in by staff (paper), posted to the API with the participant token, or brought in by an
import are part of the figures once they are shown, but never unlock them, so that staff
cannot pad the count and subtract their own answers to read a lone participant's
(ADR 0012). While hidden, nothing per response and no figure leaves this service.
"""

import dataclasses
import datetime
import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Q, Value

from mobilise.assessments.models import UK, Assessment, Consensus, Mode, Rating, Source, in_figures
from mobilise.framework.catalogue import Framework


@dataclass(frozen=True)
class ElementResult:
    element: str
    distribution: dict[int, int]
    dont_know: int
    consensus: Consensus | None = None
    by_hand: int = 0  # of the counts above, how many were hands counted in the room

    @property
    def n(self) -> int:
        return sum(self.distribution.values())

    @property
    def values(self) -> list[int]:
        return [level for level, count in sorted(self.distribution.items()) for _ in range(count)]

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.n else None

    @property
    def mean(self) -> float | None:
        return (
            sum(level * count for level, count in self.distribution.items()) / self.n
            if self.n
            else None
        )

    @property
    def min(self) -> int | None:
        return min(self.values) if self.n else None

    @property
    def max(self) -> int | None:
        return max(self.values) if self.n else None

    @property
    def spread(self) -> bool:
        pairs = self.n * (self.n - 1) // 2
        far = sum(
            self.distribution[low] * self.distribution[high]
            for low in self.distribution
            for high in self.distribution
            if high - low >= 2
        )
        return pairs > 0 and far * 5 > pairs * 2

    @property
    def suggested_level(self) -> int | None:
        """The median as a level: a half is rounded down, to the more cautious level."""
        return math.floor(self.median) if self.n else None

    @property
    def share(self) -> dict[int, float]:
        """Each level's share of the numeric ratings, for charts."""
        return {
            level: (count / self.n if self.n else 0.0) for level, count in self.distribution.items()
        }


@dataclass(frozen=True)
class SectionResult:
    section: str
    mean: float | None


@dataclass(frozen=True)
class Results:
    responses: int
    elements: list[ElementResult]
    sections: list[SectionResult]
    overall_mean: float | None
    hidden: bool = False
    minimum_responses: int = 0
    counted: int = 0  # the responses that count towards the minimum
    _by_code: dict[str, ElementResult] = field(default_factory=dict, repr=False)

    def element(self, code: str) -> ElementResult | None:
        if not self._by_code:
            self._by_code.update({e.element: e for e in self.elements})
        return self._by_code.get(code)


def mean_of(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def round2(value: float | None) -> float | None:
    if value is None:
        return None
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def minimum_responses() -> int:
    return settings.MOBILISE_MIN_RESPONSES_TO_SHOW


# Participants' own responses: not paper, API or imported ones (see the module's docstring).
COUNTED = Q(source=Source.PARTICIPANT, imported=False)


def counted_responses(assessment: Assessment) -> int:
    """The submitted responses that count towards the minimum."""
    return assessment.responses.in_figures().filter(COUNTED).count()


def is_hidden(assessment: Assessment, counted: int) -> bool:
    """Individual completion keeps results back until enough participants have answered;
    `counted` is the number of responses that count towards the minimum."""
    return assessment.mode == Mode.INDIVIDUAL and counted < minimum_responses()


def hidden_now(assessment: Assessment) -> bool:
    """Whether the assessment's results are hidden, from one query at most."""
    return assessment.mode == Mode.INDIVIDUAL and is_hidden(
        assessment, counted_responses(assessment)
    )


def compute(
    framework: Framework,
    counts: dict[tuple[str, int | None], int],
    responses: int,
    consensus: dict[str, Consensus] | None = None,
    hands: dict[tuple[str, int | None], int] | None = None,
) -> Results:
    """Results from rating counts keyed by (element code, level or None for Don't know),
    with any show of hands added in."""
    consensus = consensus or {}
    hands = hands or {}
    counts = Counter(counts) + Counter(hands)
    elements = [
        ElementResult(
            element=element.code,
            distribution={
                level: counts.get((element.code, level), 0) for level in framework.levels
            },
            dont_know=counts.get((element.code, None), 0),
            consensus=consensus.get(element.code),
            by_hand=sum(hands.get((element.code, level), 0) for level in [*framework.levels, None]),
        )
        for element in framework.elements
    ]
    by_code = {e.element: e for e in elements}
    sections = [
        SectionResult(
            section=section.code,
            mean=mean_of([by_code[e.code].mean for e in section.elements]),
        )
        for section in framework.sections
    ]
    return Results(
        responses=responses,
        elements=elements,
        sections=sections,
        overall_mean=mean_of([e.mean for e in elements]),
    )


def tally(assessment: Assessment) -> tuple[int, int]:
    """The responses in the figures, and those of them that count towards the minimum,
    from one query."""
    found = assessment.responses.in_figures().aggregate(
        all=Count("id"), counted=Count("id", filter=COUNTED)
    )
    return found["all"], found["counted"]


def assessment_results(assessment: Assessment, respect_privacy: bool = True) -> Results:
    """The assessment's results, from three queries whatever the number of responses."""
    submitted = assessment.responses.in_figures()
    responses, counted = tally(assessment)
    rated = (
        Rating.objects.filter(response__in=submitted)
        .values("element_code", "level")
        .annotate(count=Count("id"), by_hand=Value(False))
        .values_list("element_code", "level", "count", "by_hand")
        .order_by()
    )
    raised = assessment.hand_counts.annotate(by_hand=Value(True)).values_list(
        "element_code", "level", "count", "by_hand"
    )
    counts: Counter = Counter()
    hands: Counter = Counter()
    for code, level, count, by_hand in rated.union(raised, all=True):
        (hands if by_hand else counts)[code, level] += count
    consensus = {c.element_code: c for c in assessment.consensus.all()}
    results = compute(assessment.framework, counts, responses, consensus, hands)
    if respect_privacy and is_hidden(assessment, counted):
        return Results(
            responses=responses,
            elements=[],
            sections=[],
            overall_mean=None,
            hidden=True,
            minimum_responses=minimum_responses(),
            counted=counted,
        )
    return dataclasses.replace(results, counted=counted)


def comments_by_element(
    assessment: Assessment, element_code: str | None = None
) -> dict[str, list[str]]:
    """Participants' comments per element (or of one element), sorted so that no one's
    answers line up."""
    rows = (
        Rating.objects.filter(in_figures("response__"), response__assessment=assessment)
        .exclude(comment="")
        .values_list("element_code", "comment")
    )
    if element_code is not None:
        rows = rows.filter(element_code=element_code)
    found: dict[str, list[str]] = {}
    for code, comment in rows:
        found.setdefault(code, []).append(comment)
    # Ties in case are broken by the text itself, so that nothing falls back on the order
    # in which the database returned them (which can follow the order of arrival).
    return {
        code: sorted(texts, key=lambda text: (text.casefold(), text))
        for code, texts in found.items()
    }


@dataclass(frozen=True)
class ExportedResponse:
    """A response as files carry it: its source, the day it was sent, and its ratings
    (element, level or None for Don't know, comment) in element order."""

    source: str
    submitted_on: datetime.date
    ratings: list[tuple[str, int | None, str]]

    @property
    def order(self) -> tuple:
        return (
            [(code, level is None, level or 0, comment) for code, level, comment in self.ratings],
            self.source,
            self.submitted_on,
        )


def responses_for_export(
    assessment: Assessment, hidden: bool | None = None
) -> list[ExportedResponse]:
    """Each submitted response, for the files that carry them one by one (JSON, Excel).

    None while results are hidden (`hidden` when the caller knows already). Dated by the
    day (UK), never the time; ordered by their content, which says nothing about who
    answered when, and stays the same through an export and an import."""
    if hidden is None:
        hidden = hidden_now(assessment)
    if hidden:
        return []
    found: dict = {}
    rows = Rating.objects.filter(
        in_figures("response__"), response__assessment=assessment
    ).values_list(
        "response_id",
        "response__source",
        "response__submitted_at",
        "element_code",
        "level",
        "comment",
    )
    for response_id, source, submitted_at, code, level, comment in rows:
        entry = found.setdefault(response_id, (source, submitted_at.astimezone(UK).date(), []))
        entry[2].append((code, level, comment))
    exported = [
        ExportedResponse(source, day, sorted(ratings)) for source, day, ratings in found.values()
    ]
    return sorted(exported, key=lambda r: r.order)


def median_for_json(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def results_as_dict(results: Results) -> dict:
    """The JSON of `GET /api/v1/assessments/{id}/results`."""
    return {
        "responses": results.responses,
        "hidden": results.hidden,
        "counted_responses": results.counted,
        "overall_mean": round2(results.overall_mean),
        "elements": [
            {
                "element": e.element,
                "n": e.n,
                "dont_know": e.dont_know,
                "distribution": {str(level): count for level, count in e.distribution.items()},
                "median": median_for_json(e.median),
                "mean": round2(e.mean),
                "min": e.min,
                "max": e.max,
                "spread": e.spread,
                "counted_by_hand": e.by_hand,
                "consensus": (
                    {
                        "level": e.consensus.level,
                        "importance": e.consensus.importance,
                        "target": e.consensus.target,
                    }
                    if e.consensus
                    else None
                ),
            }
            for e in results.elements
        ],
        "sections": [{"section": s.section, "mean": round2(s.mean)} for s in results.sections],
    }
