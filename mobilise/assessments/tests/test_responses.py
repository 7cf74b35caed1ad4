"""The responses service: whole responses, drafts and their checks."""

import datetime

import pytest
from django.utils import timezone

from mobilise.assessments.models import Rating, Response, Status
from mobilise.assessments.services import responses
from mobilise.assessments.services.responses import Answer
from mobilise.assessments.tests.factories import CODES, AssessmentFactory
from mobilise.core.errors import AssessmentClosed, InvalidInput

pytestmark = pytest.mark.django_db


def answers(level=2, **changes) -> list[Answer]:
    return [Answer(code, changes.get(code.replace(".", "_"), level)) for code in CODES]


def test_a_complete_response_is_saved_and_counted():
    assessment = AssessmentFactory()
    response = responses.submit_response(assessment, answers(level=None, _1_1=4))
    assert response.submitted_at is not None
    assert Rating.objects.filter(response=response).count() == 23
    assert Rating.objects.get(response=response, element_code="2.1").level is None


def test_the_response_returned_is_the_one_stored_with_every_rating_as_given():
    """On PostgreSQL one statement writes it (ADR 0025), on SQLite the ORM: the same rows."""
    assessment = AssessmentFactory()
    given = answers(level=3, _1_1=None, _4_5=0)
    given[1] = Answer(given[1].element, 1, "Don't 'quote' me; -- or \\ this")
    response = responses.submit_response(assessment, given)
    stored = Response.objects.get(pk=response.pk)
    assert (stored.assessment_id, stored.source, stored.imported, stored.discarded) == (
        assessment.id,
        "api",
        False,
        False,
    )
    assert stored.submitted_at == response.submitted_at and stored.resume_key_hash is None
    assert stored.created_at == response.created_at
    assert abs(stored.updated_at - stored.submitted_at) < datetime.timedelta(seconds=5)
    rows = {r.element_code: (r.level, r.comment) for r in stored.ratings.all()}
    assert rows == {a.element: (a.level, a.comment) for a in given}
    assert assessment.responses.filter(submitted_at__isnull=False).count() == 1
    response.refresh_from_db()  # an instance the ORM can go on using


def locs(error: InvalidInput) -> list[tuple]:
    return [e.loc for e in error.errors]


@pytest.mark.parametrize(
    ("change", "loc", "message"),
    [
        (lambda a: [*a[:3], Answer("1.4", 7), *a[4:]], ("ratings", 3, "level"), "0 to 4"),
        (lambda a: [*a[:-1], Answer("9.9", 1)], ("ratings", 22, "element"), "not an element"),
        (lambda a: [*a[:-1], Answer("1.1", 1)], ("ratings", 22, "element"), "rated twice"),
        (lambda a: a[:-1], ("ratings",), "missing 4.5"),
        (lambda a: [Answer("1.1", 2, "x" * 2001), *a[1:]], ("ratings", 0, "comment"), "2,000"),
    ],
)
def test_bad_responses_name_the_field_and_save_nothing(change, loc, message):
    assessment = AssessmentFactory()
    with pytest.raises(InvalidInput) as raised:
        responses.submit_response(assessment, change(answers()))
    assert loc in locs(raised.value)
    assert any(message in e.msg for e in raised.value.errors)
    assert not Response.objects.exists() and not Rating.objects.exists()


def test_an_element_of_another_framework_version_is_refused():
    assessment = AssessmentFactory()
    with pytest.raises(InvalidInput) as raised:
        responses.submit_response(assessment, [*answers()[:-1], Answer("5.1", 2)])
    assert "framework version 1.0" in raised.value.errors[0].msg


def test_a_closed_assessment_takes_no_answers():
    assessment = AssessmentFactory(status=Status.CLOSED)
    with pytest.raises(AssessmentClosed):
        responses.submit_response(assessment, answers())
    assert not Response.objects.exists()


def test_an_assessment_closes_at_the_end_of_its_closing_day_uk_time():
    assessment = AssessmentFactory(closes_on=datetime.date(2026, 6, 30))
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    assert assessment.is_open(datetime.datetime(2026, 6, 30, 22, 59, tzinfo=datetime.UTC))
    assert not assessment.is_open(datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC))


def test_a_draft_is_saved_in_parts_and_submitted_when_complete():
    assessment = AssessmentFactory()
    draft, key = responses.start_draft(assessment)
    assert responses.find_draft(assessment, key) == draft
    assert draft.resume_key_hash != key
    responses.save_answers(draft, answers()[:5])
    with pytest.raises(InvalidInput, match=r"missing 2\.1"):
        responses.submit_draft(draft)
    responses.save_answers(draft, answers(level=3)[3:])
    responses.submit_draft(draft)
    draft.refresh_from_db()
    assert draft.submitted_at is not None
    assert {r.element_code: r.level for r in draft.ratings.all()}["1.1"] == 2
    assert {r.element_code: r.level for r in draft.ratings.all()}["1.4"] == 3


def test_answers_can_change_until_the_assessment_closes():
    assessment = AssessmentFactory()
    draft, _ = responses.start_draft(assessment)
    responses.save_answers(draft, answers())
    responses.submit_draft(draft)
    responses.save_answers(draft, [Answer("1.1", 0, "Changed my mind")])
    assert draft.ratings.get(element_code="1.1").level == 0
    assessment.status = Status.CLOSED
    assessment.save()
    with pytest.raises(AssessmentClosed):
        responses.save_answers(draft, [Answer("1.1", 4)])
    assert draft.ratings.get(element_code="1.1").level == 0


def test_nothing_identifying_is_stored_with_a_response():
    fields = {f.name for f in Response._meta.get_fields()} | {
        f.name for f in Rating._meta.get_fields()
    }
    assert not fields & {"ip", "ip_address", "user", "user_agent", "email", "name", "session"}
    assert fields >= {"resume_key_hash", "submitted_at", "level", "comment"}


def test_a_wrong_resume_key_finds_nothing():
    assessment = AssessmentFactory()
    responses.start_draft(assessment)
    assert responses.find_draft(assessment, "not-the-key") is None
    assert responses.find_draft(assessment, None) is None


def test_submitting_stamps_the_time():
    assessment = AssessmentFactory()
    before = timezone.now()
    response = responses.submit_response(assessment, answers())
    assert response.submitted_at >= before
