"""The consensus service: agreeing a level, importance and target for an element."""

import pytest
from django.http import Http404

from mobilise.accounts.tests.factories import UserFactory
from mobilise.assessments.models import COMMENT_MAX_LENGTH, Consensus, Status
from mobilise.assessments.services.consensus import agree_elements, set_consensus
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


def locs(error: InvalidInput) -> list[tuple]:
    return [e.loc for e in error.errors]


def test_an_agreed_rating_is_saved_with_the_default_target():
    assessment = AssessmentFactory()
    agreed = set_consensus(assessment, "1.2", 1, "high", rationale="We rarely share learning")
    stored = Consensus.objects.get(assessment=assessment, element_code="1.2")
    assert stored == agreed
    assert (stored.level, stored.importance, stored.target) == (1, "high", 3)
    assert stored.rationale == "We rarely share learning"
    assert stored.agreed_by is None


def test_a_second_agreement_changes_the_first_rather_than_adding_one():
    assessment = AssessmentFactory()
    first = set_consensus(assessment, "2.1", 1, "low", target=2)
    second = set_consensus(assessment, "2.1", 3, "medium", target=4, rationale="Revisited")
    assert first.pk == second.pk
    stored = Consensus.objects.get(assessment=assessment)
    assert (stored.level, stored.importance, stored.target, stored.rationale) == (
        3,
        "medium",
        4,
        "Revisited",
    )


def test_a_rationale_of_none_is_stored_as_empty():
    assessment = AssessmentFactory()
    assert set_consensus(assessment, "1.1", 2, "low", rationale=None).rationale == ""


@pytest.mark.parametrize(
    ("level", "importance", "target", "rationale", "loc", "message"),
    [
        (5, "low", None, "", ("level",), "agreed level must be 0 to 4"),
        (-1, "low", None, "", ("level",), "agreed level must be 0 to 4"),
        (2, "urgent", None, "", ("importance",), "low, medium or high"),
        (2, "low", 5, "", ("target",), "target level must be 0 to 4"),
        (2, "low", None, "x" * (COMMENT_MAX_LENGTH + 1), ("rationale",), "2,000 characters"),
    ],
)
def test_each_invalid_field_is_named(level, importance, target, rationale, loc, message):
    assessment = AssessmentFactory()
    with pytest.raises(InvalidInput) as raised:
        set_consensus(assessment, "1.1", level, importance, target, rationale)
    assert locs(raised.value) == [loc]
    assert message in raised.value.errors[0].msg
    assert not Consensus.objects.exists()
    assert not assessment.history.exists()


def test_a_rationale_of_exactly_the_limit_is_accepted():
    assessment = AssessmentFactory()
    agreed = set_consensus(assessment, "1.1", 2, "low", rationale="x" * COMMENT_MAX_LENGTH)
    assert len(agreed.rationale) == COMMENT_MAX_LENGTH


def test_every_problem_is_reported_at_once():
    assessment = AssessmentFactory()
    with pytest.raises(InvalidInput) as raised:
        set_consensus(assessment, "1.1", 9, "none", 9, "x" * (COMMENT_MAX_LENGTH + 1))
    assert locs(raised.value) == [("level",), ("importance",), ("target",), ("rationale",)]


def test_an_unknown_element_is_not_found():
    assessment = AssessmentFactory()
    with pytest.raises(Http404):
        set_consensus(assessment, "9.9", 2, "low")
    assert not Consensus.objects.exists()


def test_agreeing_and_changing_are_recorded_in_the_history_by_whom():
    assessment = AssessmentFactory()
    user = UserFactory(username="facilitator1")
    set_consensus(assessment, "1.1", 2, "high", agreed_by=user)
    set_consensus(assessment, "1.1", 3, "low", target=4, agreed_by=user)
    entries = list(assessment.history.all())
    assert {e.summary for e in entries} == {
        "Agreed 1.1: Developing, importance high, target Established",
        "Changed the agreed rating of 1.1: Established, importance low, target Embedded",
    }
    assert {(e.actor, e.actor_name, e.organisation_id) for e in entries} == {
        (user, "facilitator1", assessment.organisation_id)
    }
    assert Consensus.objects.get().agreed_by == user


def test_a_closed_assessment_can_still_be_agreed():
    # Agreeing the ratings is what the group does once the answers are in: closing stops
    # answers, not the agreement.
    assessment = AssessmentFactory(status=Status.CLOSED)
    agreed = set_consensus(assessment, "4.5", 0, "medium")
    assert agreed.pk is not None and agreed.level == 0


def test_elements_are_agreed_together_or_not_at_all():
    assessment = AssessmentFactory()
    user = UserFactory()
    good = ("1.1", 2, "high", 3, "We use it weekly")
    bad = ("1.2", 9, "high", 3, "")
    with pytest.raises(InvalidInput):
        agree_elements(assessment, [good, bad], agreed_by=user)
    assert not assessment.consensus.exists()
    agreed = agree_elements(assessment, [good, ("1.2", 1, "low", None, "")], agreed_by=user)
    assert [(c.element_code, c.level, c.target) for c in agreed] == [("1.1", 2, 3), ("1.2", 1, 3)]
