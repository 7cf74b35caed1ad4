"""People expected, "N of M answered", and discarding a response."""

import pytest

from mobilise.assessments.models import Mode, Response
from mobilise.assessments.services import results, turnout
from mobilise.assessments.tests.factories import CODES, AssessmentFactory, submit
from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.html import error_summary, page, text

pytestmark = pytest.mark.django_db


def test_turnout_says_n_of_m_and_warns_when_over(assessment):
    for _ in range(3):
        submit(assessment, 2)
    assert turnout.turnout(assessment).in_words == "3 answered"
    turnout.set_expected(assessment, 2, None)
    found = turnout.turnout(assessment)
    assert found.in_words == "3 of 2 answered" and found.over
    turnout.set_expected(assessment, 3, None)
    assert not turnout.turnout(assessment).over


def test_a_discarded_response_counts_in_no_figure_but_stays_recorded(assessment):
    submit(assessment, 1)
    stuffed = submit(assessment, 4)
    turnout.discard(assessment, stuffed, None)
    found = results.assessment_results(assessment)
    assert found.responses == 1
    assert found.element("1.1").distribution == {0: 0, 1: 1, 2: 0, 3: 0, 4: 0}
    stuffed.refresh_from_db()
    assert stuffed.discarded and stuffed.ratings.count() == 23
    assert HistoryEntry.objects.filter(
        assessment=assessment, summary__startswith="Discarded a response"
    ).exists()


def test_choices_are_ordered_by_levels_not_by_arrival(assessment):
    high = submit(assessment, 4)
    low = submit(assessment, 0)
    middle = submit(assessment, 2)
    found = turnout.choices(assessment)
    assert [c.response.id for c in found] == [low.id, middle.id, high.id]
    assert [c.label for c in found] == ["A", "B", "C"]
    assert found[0].levels == dict.fromkeys(CODES, 0)


def test_the_facilitator_sets_the_number_expected_and_the_pages_say_n_of_m(signed_in, assessment):
    for _ in range(3):
        submit(assessment, 2)
    base = f"/assessments/{assessment.id}"
    bad = signed_in.post(f"{base}/expected/", {"expected_participants": "0"})
    assert bad.status_code == 200
    assert error_summary(bad) == [
        ("#id_expected_participants", "The number of people expected must be 1 or more")
    ]
    saved = signed_in.post(f"{base}/expected/", {"expected_participants": "2"})
    assert saved.status_code == 302
    assessment.refresh_from_db()
    assert assessment.expected_participants == 2
    for path in ("/live/panel/", "/results/", "/"):
        html = text(page(signed_in.get(base + path)))
        assert "3 of 2 answered" in html, path
        assert "More answers than people expected" in html, path


def test_discarding_asks_first_then_records_it(signed_in, assessment):
    submit(assessment, 2)
    twin = submit(assessment, 2)
    listing = text(page(signed_in.get(f"/assessments/{assessment.id}/responses/")))
    assert "Response" in listing and "Discard" in listing
    url = f"/assessments/{assessment.id}/responses/{twin.id}/discard/"
    confirm = signed_in.get(url)
    assert confirm.status_code == 200
    assert not Response.objects.get(pk=twin.pk).discarded
    assert signed_in.post(url).status_code == 302
    assert Response.objects.get(pk=twin.pk).discarded
    assert results.assessment_results(assessment).responses == 1
    # A discarded response is no longer offered, and cannot be discarded twice.
    assert signed_in.get(url).status_code == 404


def test_responses_are_not_listed_while_results_are_hidden(signed_in, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)
    only = submit(assessment, 3)
    listing = signed_in.get(f"/assessments/{assessment.id}/responses/")
    assert "not shown while results are hidden" in text(page(listing))
    assert str(only.id) not in listing.content.decode()
    assert (
        signed_in.get(f"/assessments/{assessment.id}/responses/{only.id}/discard/").status_code
        == 404
    )
