"""The results service: distributions, medians, means, disagreement, privacy."""

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mobilise.assessments.models import Mode, Response, Source
from mobilise.assessments.services.results import (
    ElementResult,
    assessment_results,
    comments_by_element,
    compute,
    hidden_now,
    results_as_dict,
    round2,
)
from mobilise.assessments.tests.factories import CODES, AssessmentFactory, submit
from mobilise.framework.catalogue import get_framework

FRAMEWORK = get_framework()


def element(values: list[int | None]) -> ElementResult:
    numeric = [v for v in values if v is not None]
    return ElementResult(
        "1.1", {level: numeric.count(level) for level in range(5)}, values.count(None)
    )


def test_an_element_with_ratings_and_dont_knows():
    result = element([0, 1, 2, 2, 2, 3, 3, None])
    assert (result.n, result.dont_know) == (7, 1)
    assert result.distribution == {0: 1, 1: 1, 2: 3, 3: 2, 4: 0}
    assert result.median == 2
    assert result.mean == pytest.approx(13 / 7)
    assert (result.min, result.max) == (0, 3)


def test_the_median_of_an_even_count_can_be_a_half():
    assert element([1, 2]).median == 1.5
    assert element([1, 2]).suggested_level == 1  # a half rounds down, to the cautious level


def test_an_element_with_only_dont_knows_has_no_figures():
    result = element([None, None])
    assert (result.n, result.median, result.mean, result.min, result.max) == (
        0,
        None,
        None,
        None,
        None,
    )
    assert result.spread is False
    assert result.suggested_level is None


@pytest.mark.parametrize(
    ("values", "spread"),
    [
        ([1, 1, 3, 3], True),  # two camps, two levels apart: 4 of 6 pairs
        ([0, 1, 2, 3, 4], True),  # all over the scale: 6 of 10 pairs
        ([0, 0, 0, 4, 4, 4, 4], True),  # two camps at the ends, one of them a majority
        ([2, 2, 2, 2, 4], False),  # one dissenter of five: 4 of 10 pairs is not more than 2/5
        ([1, 2, 2, 3], False),  # clustered around Developing: 1 of 6 pairs
        ([1, 2], False),  # next-door levels are not a disagreement
        ([0, 4], True),
        ([3], False),
        ([0, 0, 2, 2, None], True),
    ],
)
def test_the_spread_rule(values, spread):
    assert element(values).spread is spread


def test_sections_take_the_mean_of_their_elements_means_leaving_out_empty_ones():
    counts = {("1.1", 1): 2, ("1.1", 2): 1, ("1.2", 4): 1, ("1.3", None): 3}
    results = compute(FRAMEWORK, counts, responses=3)
    leadership = results.sections[0]
    assert leadership.section == "1"
    assert leadership.mean == pytest.approx(((4 / 3) + 4) / 2)
    assert results.sections[1].mean is None
    assert results.overall_mean == pytest.approx(((4 / 3) + 4) / 2)


def test_rounding_is_to_two_decimals_half_up():
    assert round2(1.005) == 1.01
    assert round2(2 / 3) == 0.67
    assert round2(None) is None


levels = st.one_of(st.none(), st.integers(min_value=0, max_value=4))
responses_strategy = st.lists(
    st.fixed_dictionaries({code: levels for code in CODES}), min_size=0, max_size=9
)


def recompute(responses: list[dict]) -> dict:
    """A straightforward recomputation of the contract's figures, written independently."""
    elements = {}
    for code in CODES:
        numbers = [r[code] for r in responses if r[code] is not None]
        elements[code] = {
            "n": len(numbers),
            "dont_know": sum(1 for r in responses if r[code] is None),
            "distribution": {str(level): numbers.count(level) for level in range(5)},
            "median": statistics.median(numbers) if numbers else None,
            "mean": statistics.fmean(numbers) if numbers else None,
            "min": min(numbers) if numbers else None,
            "max": max(numbers) if numbers else None,
        }
    sections = {}
    for section in FRAMEWORK.sections:
        means = [elements[e.code]["mean"] for e in section.elements]
        present = [m for m in means if m is not None]
        sections[section.code] = statistics.fmean(present) if present else None
    present = [e["mean"] for e in elements.values() if e["mean"] is not None]
    return {
        "elements": elements,
        "sections": sections,
        "overall": statistics.fmean(present) if present else None,
    }


def counts_of(responses: list[dict]) -> dict:
    counts: dict = {}
    for response in responses:
        for code, level in response.items():
            counts[(code, level)] = counts.get((code, level), 0) + 1
    return counts


def close(a, b) -> bool:
    # `a` is rounded to two decimals, `b` is exact: they differ by half a hundredth at most.
    return (a is None and b is None) or (
        a is not None and b is not None and abs(a - b) <= 0.005 + 1e-9
    )


@settings(max_examples=120, deadline=None)
@given(responses_strategy)
def test_the_figures_match_a_straightforward_recomputation(responses):
    expected = recompute(responses)
    data = results_as_dict(compute(FRAMEWORK, counts_of(responses), len(responses)))
    assert data["responses"] == len(responses)
    assert [e["element"] for e in data["elements"]] == CODES
    for got in data["elements"]:
        want = expected["elements"][got["element"]]
        for key in ("n", "dont_know", "distribution", "median", "min", "max"):
            assert got[key] == want[key], key
        assert close(got["mean"], want["mean"])
        assert sum(got["distribution"].values()) == got["n"]
        if got["n"]:
            assert got["min"] <= got["median"] <= got["max"]
    for got in data["sections"]:
        assert close(got["mean"], expected["sections"][got["section"]])
    assert close(data["overall_mean"], expected["overall"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=30))
def test_spread_is_more_than_two_fifths_of_pairs_two_levels_apart(values):
    pairs = [(a, b) for i, a in enumerate(values) for b in values[i + 1 :]]
    far = [pair for pair in pairs if abs(pair[0] - pair[1]) >= 2]
    expected = bool(pairs) and len(far) / len(pairs) > 0.4
    assert element(values).spread is expected
    if element(values).spread:
        assert max(values) - min(values) >= 2


@pytest.mark.django_db
def test_only_submitted_responses_count():
    assessment = AssessmentFactory()
    submit(assessment, 3)
    submit(assessment, 1)
    draft = submit(assessment, 4)
    draft.submitted_at = None
    draft.save()
    results = assessment_results(assessment)
    assert results.responses == 2
    assert results.element("2.4").distribution == {0: 0, 1: 1, 2: 0, 3: 1, 4: 0}


@pytest.mark.django_db
def test_results_take_a_constant_number_of_queries(django_assert_max_num_queries):
    assessment = AssessmentFactory()
    for level in [0, 1, 2, 3, 4, None, 2, 2]:
        submit(assessment, level)
    with django_assert_max_num_queries(3):
        results = assessment_results(assessment)
        assert results.responses == 8


@pytest.mark.django_db
def test_individual_completion_hides_results_until_enough_people_answer(settings):
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 3
    assessment = AssessmentFactory(mode=Mode.INDIVIDUAL)
    submit(assessment, 2)
    submit(assessment, 3)
    hidden = assessment_results(assessment)
    assert hidden.hidden and hidden.elements == [] and hidden.responses == 2
    submit(assessment, 4)
    shown = assessment_results(assessment)
    assert not shown.hidden and shown.element("1.1").n == 3


@pytest.mark.django_db
def test_comments_are_collected_per_element_in_an_order_that_links_no_one():
    assessment = AssessmentFactory()
    submit(assessment, 2, {"1.1": "Zebra crossing", "2.1": "Alpha"})
    submit(assessment, 2, {"1.1": "apples"})
    assert comments_by_element(assessment) == {
        "1.1": ["apples", "Zebra crossing"],
        "2.1": ["Alpha"],
    }


@pytest.mark.django_db
def test_responses_entered_by_staff_never_count_towards_the_minimum(settings):
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 3
    assessment = AssessmentFactory(mode=Mode.INDIVIDUAL)
    submit(assessment, 4)  # the one participant
    for source in (Source.PAPER, Source.PAPER, Source.API, Source.API):
        submit(assessment, 0, source=source)
    imported = submit(assessment, 0)
    Response.objects.filter(pk=imported.pk).update(imported=True)
    padded = assessment_results(assessment)
    assert padded.hidden and padded.elements == [] and padded.overall_mean is None
    assert (padded.responses, padded.counted) == (6, 1)
    assert hidden_now(assessment)
    submit(assessment, 4)
    submit(assessment, 4)
    shown = assessment_results(assessment)
    assert not shown.hidden and (shown.responses, shown.counted) == (8, 3)
    assert shown.element("1.1").n == 8  # once shown, every response is in the figures
