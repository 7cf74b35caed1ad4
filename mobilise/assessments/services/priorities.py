"""Strengths and priorities from the agreed ratings.

score = max(0, target - agreed level) x importance weight (low 1, medium 2, high 3).
"""

from dataclasses import dataclass

from mobilise.assessments.models import IMPORTANCE_WEIGHTS, Consensus
from mobilise.assessments.services.results import Results
from mobilise.framework.catalogue import Framework


def score(consensus: Consensus) -> int:
    return max(0, consensus.target - consensus.level) * IMPORTANCE_WEIGHTS[consensus.importance]


def reason(framework: Framework, consensus: Consensus) -> str:
    """The arithmetic behind a score, in words."""
    level = framework.level(consensus.level).label
    target = framework.level(consensus.target).label
    gap = max(0, consensus.target - consensus.level)
    weight = IMPORTANCE_WEIGHTS[consensus.importance]
    return (
        f"Agreed {level}, target {target}, importance {consensus.get_importance_display()}: "
        f"{gap} × {weight} = {gap * weight}"
    )


NUMBERS = ("no", "one", "two", "three", "four")


def reason_in_words(framework: Framework, consensus: Consensus) -> str:
    """Why an element is a priority, as a Board reads it: "a gap of two levels on an
    element the group rated of high importance"."""
    gap = max(0, consensus.target - consensus.level)
    importance = consensus.get_importance_display().lower()
    if gap == 0:
        return f"at or above its target, and rated of {importance} importance"
    levels = "level" if gap == 1 else "levels"
    return (
        f"a gap of {NUMBERS[gap]} {levels} (agreed {framework.level(consensus.level).label}, "
        f"target {framework.level(consensus.target).label}) on an element the group rated "
        f"of {importance} importance"
    )


@dataclass(frozen=True)
class Ranked:
    element: str
    consensus: Consensus
    score: int


def priorities(framework: Framework, results: Results) -> list[Ranked]:
    """Elements with an agreed rating, highest score first, ties in framework order."""
    ranked = [
        Ranked(e.element, e.consensus, score(e.consensus))
        for e in results.elements
        if e.consensus is not None
    ]
    return sorted(ranked, key=lambda r: -r.score)


def strengths(results: Results, count: int = 3) -> list[Ranked]:
    """The highest agreed levels (ties broken by the median, then framework order)."""
    agreed = [e for e in results.elements if e.consensus is not None]
    best = sorted(agreed, key=lambda e: (-e.consensus.level, -(e.median or 0)))
    return [Ranked(e.element, e.consensus, score(e.consensus)) for e in best[:count]]


def agreed_section_means(framework: Framework, results: Results) -> dict[str, float | None]:
    means = {}
    for section in framework.sections:
        levels = [
            results.element(e.code).consensus.level
            for e in section.elements
            if results.element(e.code) and results.element(e.code).consensus
        ]
        means[section.code] = sum(levels) / len(levels) if levels else None
    return means
