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
"""

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count

from mobilise.assessments.models import Assessment, Consensus, Mode, Rating
from mobilise.framework.catalogue import Framework

LEVELS = (0, 1, 2, 3, 4)


@dataclass(frozen=True)
class ElementResult:
    element: str
    distribution: dict[int, int]
    dont_know: int
    consensus: Consensus | None = None

    @property
    def n(self) -> int:
        return sum(self.distribution.values())

    @property
    def values(self) -> list[int]:
        return [level for level in LEVELS for _ in range(self.distribution[level])]

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
            for low in LEVELS
            for high in LEVELS
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


def is_hidden(assessment: Assessment, responses: int) -> bool:
    """Individual completion keeps results back until enough people have answered."""
    return assessment.mode == Mode.INDIVIDUAL and responses < minimum_responses()


def compute(
    framework: Framework,
    counts: dict[tuple[str, int | None], int],
    responses: int,
    consensus: dict[str, Consensus] | None = None,
) -> Results:
    """Results from rating counts keyed by (element code, level or None for Don't know)."""
    consensus = consensus or {}
    elements = [
        ElementResult(
            element=element.code,
            distribution={level: counts.get((element.code, level), 0) for level in LEVELS},
            dont_know=counts.get((element.code, None), 0),
            consensus=consensus.get(element.code),
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


def assessment_results(assessment: Assessment, respect_privacy: bool = True) -> Results:
    """The assessment's results, from three queries whatever the number of responses."""
    submitted = assessment.responses.filter(submitted_at__isnull=False, discarded=False)
    responses = submitted.count()
    rows = (
        Rating.objects.filter(response__in=submitted)
        .values_list("element_code", "level")
        .annotate(count=Count("id"))
        .order_by()
    )
    counts = Counter({(code, level): count for code, level, count in rows})
    consensus = {c.element_code: c for c in assessment.consensus.all()}
    results = compute(assessment.framework, counts, responses, consensus)
    if respect_privacy and is_hidden(assessment, responses):
        return Results(
            responses=responses,
            elements=[],
            sections=[],
            overall_mean=None,
            hidden=True,
            minimum_responses=minimum_responses(),
        )
    return results


def comments_by_element(assessment: Assessment) -> dict[str, list[str]]:
    """Participants' comments per element, sorted so that no one's answers line up."""
    rows = (
        Rating.objects.filter(
            response__assessment=assessment,
            response__submitted_at__isnull=False,
            response__discarded=False,
        )
        .exclude(comment="")
        .values_list("element_code", "comment")
    )
    found: dict[str, list[str]] = {}
    for code, comment in rows:
        found.setdefault(code, []).append(comment)
    return {code: sorted(texts, key=str.casefold) for code, texts in found.items()}


def median_for_json(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def results_as_dict(results: Results) -> dict:
    """The JSON of `GET /api/v1/assessments/{id}/results`."""
    return {
        "responses": results.responses,
        "hidden": results.hidden,
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
