"""Suggested actions: elements ranked by the gap to their target, weighted by importance."""

from dataclasses import dataclass

from mobilise.assessments.models import Assessment
from mobilise.assessments.services.priorities import priorities, reason
from mobilise.assessments.services.results import assessment_results
from mobilise.framework.catalogue import Element, Option
from mobilise.plans.models import LocalAction


@dataclass(frozen=True)
class Suggestion:
    element: Element
    score: int
    reason: str
    options: list[Option]
    local: list[LocalAction]


@dataclass(frozen=True)
class Suggestions:
    ranked: list[Suggestion]
    unrated: list[Element]


def suggestions(assessment: Assessment) -> Suggestions:
    """Every element with an agreed rating, highest score first (ties in framework order),
    with its catalogue options and the organisation's local actions; the others apart."""
    framework = assessment.framework
    results = assessment_results(assessment, respect_privacy=False)
    local = local_actions_by_element(assessment)
    ranked = [
        Suggestion(
            element=framework.element(item.element),
            score=item.score,
            reason=reason(framework, item.consensus),
            options=list(framework.element(item.element).options),
            local=local.get(item.element, []),
        )
        for item in priorities(framework, results)
    ]
    rated = {s.element.code for s in ranked}
    return Suggestions(ranked, [e for e in framework.elements if e.code not in rated])


def local_actions_by_element(assessment: Assessment) -> dict[str, list[LocalAction]]:
    found: dict[str, list[LocalAction]] = {}
    for action in LocalAction.objects.filter(organisation=assessment.organisation):
        found.setdefault(action.element_code, []).append(action)
    return found


def suggestions_as_list(found: Suggestions) -> list[dict]:
    """The JSON of `GET /api/v1/assessments/{id}/suggestions`."""
    return [
        {
            "element": s.element.code,
            "score": s.score,
            "reason": s.reason,
            "options": [{"id": o.id, "text": o.text, "local": False} for o in s.options]
            + [{"id": str(a.id), "text": a.text, "local": True} for a in s.local],
        }
        for s in found.ranked
    ]


def next_to_plan(assessment: Assessment, missing: list[str], after: str) -> str | None:
    """The element to plan next: of those the plan does not cover yet (`missing`), the one
    of highest priority (as the suggestions rank them), then any not agreed, in the
    framework's order; never `after`, the element just planned."""
    framework = assessment.framework
    ranked = [
        r.element
        for r in priorities(framework, assessment_results(assessment, respect_privacy=False))
    ]
    order = ranked + [e.code for e in framework.elements if e.code not in ranked]
    return next((code for code in order if code in missing and code != after), None)
