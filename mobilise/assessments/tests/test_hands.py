"""A show of hands: counts per level typed in the room, joining the spread."""

import pytest
from django.http import Http404

from mobilise.assessments.models import HandCount, Mode, Status
from mobilise.assessments.services import hands, results
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.audit.models import HistoryEntry
from mobilise.core.errors import AssessmentClosed, InvalidInput
from mobilise.core.tests.html import error_summary, page, text

pytestmark = pytest.mark.django_db


def test_hands_join_the_spread_and_are_marked_as_counted_by_hand():
    assessment = AssessmentFactory()
    submit(assessment, 1)
    hands.set_hands(assessment, "2.1", {0: 0, 1: 2, 2: 0, 3: 4, 4: 0, None: 1})
    found = results.assessment_results(assessment)
    counted = found.element("2.1")
    assert counted.distribution == {0: 0, 1: 3, 2: 0, 3: 4, 4: 0}
    assert (counted.dont_know, counted.by_hand, counted.n) == (1, 7, 7)
    assert found.element("2.2").by_hand == 0 and found.element("2.2").n == 1
    assert found.responses == 1  # a show of hands is not a response


def test_a_new_count_replaces_the_last_and_zeros_are_not_kept():
    assessment = AssessmentFactory()
    hands.set_hands(assessment, "1.1", {2: 5})
    hands.set_hands(assessment, "1.1", {3: 2, None: 0})
    assert hands.hands_for(assessment, "1.1") == {0: 0, 1: 0, 2: 0, 3: 2, 4: 0, None: 0}
    assert list(HandCount.objects.values_list("level", "count")) == [(3, 2)]
    assert hands.elements_counted(assessment) == {"1.1": 2}
    assert HistoryEntry.objects.filter(summary__contains="show of hands for 1.1").count() == 2


@pytest.mark.parametrize(
    ("given", "field"),
    [({1: -1}, "level_1"), ({None: 1001}, "dont_know"), ({2: "3"}, "level_2"), ({7: 1}, "level")],
)
def test_bad_counts_are_refused_naming_the_field_and_nothing_is_saved(given, field):
    assessment = AssessmentFactory()
    hands.set_hands(assessment, "1.1", {2: 5})
    with pytest.raises(InvalidInput) as refused:
        hands.set_hands(assessment, "1.1", given)
    assert [e.loc for e in refused.value.errors] == [(field,)]
    assert hands.hands_for(assessment, "1.1")[2] == 5


def test_an_unknown_element_and_a_closed_assessment_are_refused():
    assessment = AssessmentFactory()
    with pytest.raises(Http404):
        hands.set_hands(assessment, "9.9", {1: 1})
    assessment.status = Status.CLOSED
    assessment.save()
    with pytest.raises(AssessmentClosed, match="closed: reopen it"):
        hands.set_hands(assessment, "1.1", {1: 1})


def test_hands_never_count_towards_the_minimum_that_shows_individual_results(settings):
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 3
    assessment = AssessmentFactory(mode=Mode.INDIVIDUAL)
    submit(assessment, 2)
    hands.set_hands(assessment, "1.1", {2: 40})
    assert results.assessment_results(assessment).hidden


def hands_url(assessment, code=""):
    return f"/assessments/{assessment.id}/hands/" + (f"{code}/" if code else "")


def test_the_page_counts_hands_then_agrees_the_element(signed_in, assessment):
    html = page(signed_in.get(hands_url(assessment, "2.1")))
    assert len(html.select("input.nhsuk-input")) == 6
    response = signed_in.post(
        hands_url(assessment, "2.1"), {"level_1": "3", "level_3": "4", "then": "agree"}
    )
    assert response.url == f"/assessments/{assessment.id}/agree/element/2.1/"
    agree = text(page(signed_in.get(response.url)))
    assert "Of these, 7 were counted by hand in the room" in agree
    again = page(signed_in.get(hands_url(assessment, "2.1")))
    assert again.select_one("#id_level_3")["value"] == "4"
    listed = text(page(signed_in.get(hands_url(assessment))))
    assert "Count again hands for 2.1" in listed
    results = text(page(signed_in.get(f"/assessments/{assessment.id}/results/")))
    assert "Includes 7 counted by hand" in results


def test_save_and_count_the_next_element(signed_in, assessment):
    response = signed_in.post(hands_url(assessment, "2.1"), {"level_2": "1", "then": "next"})
    assert response.url == hands_url(assessment, "2.2")


def test_bad_counts_name_the_field_on_the_page_and_save_nothing(signed_in, assessment):
    response = signed_in.post(hands_url(assessment, "2.1"), {"level_1": "three", "level_2": "-1"})
    assert error_summary(response) == [
        ("#id_level_1", "Hands for level 1 must be a whole number, like 4"),
        ("#id_level_2", "Hands for level 2 must be 0 or more"),
    ]
    assert not HandCount.objects.exists()


def test_viewers_cannot_count_and_other_organisations_are_not_found(client, viewer, outsider):
    client.force_login(viewer.user)
    ours = AssessmentFactory(organisation=viewer.organisation)
    theirs = AssessmentFactory(organisation=outsider.organisation)
    assert client.get(hands_url(ours, "1.1")).status_code == 403
    assert client.post(hands_url(ours, "1.1"), {"level_1": "2"}).status_code == 403
    assert client.get(hands_url(theirs, "1.1")).status_code == 404
    assert not HandCount.objects.exists()
