"""The priorities service: scores, their reasons, strengths and section means."""

import pytest

from mobilise.assessments.models import Consensus
from mobilise.assessments.services.priorities import (
    Ranked,
    agreed_section_means,
    priorities,
    reason,
    score,
    strengths,
)
from mobilise.assessments.services.results import Results, compute
from mobilise.framework.catalogue import get_framework

FRAMEWORK = get_framework()


def agreed(code="1.1", level=1, importance="medium", target=3) -> Consensus:
    # Unsaved: the functions only read the fields.
    return Consensus(element_code=code, level=level, importance=importance, target=target)


def results_with(agreements: dict[str, Consensus], counts=None):
    return compute(FRAMEWORK, counts or {}, responses=0, consensus=agreements)


@pytest.mark.parametrize(
    ("level", "importance", "target", "expected"),
    [
        (1, "low", 3, 2),
        (1, "medium", 3, 4),
        (1, "high", 3, 6),
        (0, "high", 4, 12),
        (3, "high", 3, 0),  # at the target
        (4, "high", 2, 0),  # past it: never negative
        (2, "medium", 2, 0),
    ],
)
def test_the_score_is_the_gap_to_target_times_the_weight(level, importance, target, expected):
    assert score(agreed(level=level, importance=importance, target=target)) == expected


def test_the_reason_shows_the_arithmetic():
    assert reason(FRAMEWORK, agreed(level=1, importance="high", target=3)) == (
        "Agreed Emerging, target Established, importance High: 2 × 3 = 6"
    )


def test_the_reason_shows_no_gap_past_the_target():
    assert reason(FRAMEWORK, agreed(level=4, importance="low", target=2)) == (
        "Agreed Embedded, target Developing, importance Low: 0 × 1 = 0"
    )


def test_priorities_are_highest_first_with_ties_in_framework_order():
    results = results_with(
        {
            "4.1": agreed("4.1", 0, "high"),  # 9
            "2.3": agreed("2.3", 1, "medium"),  # 4
            "1.5": agreed("1.5", 2, "high"),  # 3: ties with 3.1 and 1.2
            "3.1": agreed("3.1", 0, "low"),  # 3
            "1.2": agreed("1.2", 1, "low", target=4),  # 3
            "2.2": agreed("2.2", 4, "high"),  # 0
        }
    )
    ranked = priorities(FRAMEWORK, results)
    assert [(r.element, r.score) for r in ranked] == [
        ("4.1", 9),
        ("2.3", 4),
        ("1.2", 3),
        ("1.5", 3),
        ("3.1", 3),
        ("2.2", 0),
    ]
    assert ranked[0] == Ranked("4.1", results.element("4.1").consensus, 9)


def test_priorities_leave_out_elements_with_no_agreed_rating():
    assert priorities(FRAMEWORK, results_with({})) == []
    assert [r.element for r in priorities(FRAMEWORK, results_with({"2.9": agreed("2.9")}))] == [
        "2.9"
    ]


def test_strengths_are_the_highest_agreed_levels():
    results = results_with(
        {
            "1.1": agreed("1.1", 1),
            "1.2": agreed("1.2", 4),
            "2.1": agreed("2.1", 3),
            "3.1": agreed("3.1", 2),
            "4.1": agreed("4.1", 0),
        }
    )
    assert [r.element for r in strengths(results)] == ["1.2", "2.1", "3.1"]
    assert [r.element for r in strengths(results, count=1)] == ["1.2"]
    assert strengths(results)[1].score == 0  # 3 against a target of 3


def test_strengths_tie_on_the_median_then_framework_order():
    results = results_with(
        {code: agreed(code, 3) for code in ("1.1", "1.2", "1.3", "1.4")},
        counts={("1.3", 4): 2, ("1.1", 2): 2, ("1.4", 4): 1, ("1.4", 3): 1},
    )
    # Medians: 1.3 4, 1.4 3.5, 1.1 2, 1.2 none (counted as 0).
    assert [r.element for r in strengths(results, count=4)] == ["1.3", "1.4", "1.1", "1.2"]


def test_agreed_section_means_use_the_agreed_levels_only():
    results = results_with(
        {"1.1": agreed("1.1", 1), "1.2": agreed("1.2", 4), "3.4": agreed("3.4", 2)},
        counts={("2.1", 4): 5},  # ratings but nothing agreed: no mean
    )
    assert agreed_section_means(FRAMEWORK, results) == {
        "1": pytest.approx(2.5),
        "2": None,
        "3": 2.0,
        "4": None,
    }


def test_hidden_results_have_no_agreed_means():
    hidden = Results(responses=0, elements=[], sections=[], overall_mean=None, hidden=True)
    assert agreed_section_means(FRAMEWORK, hidden) == dict.fromkeys(["1", "2", "3", "4"])
