"""The set-up service: creating, closing, reopening, revealing and deleting."""

import datetime

import pytest
from django.utils import timezone

from mobilise.accounts.models import Unit
from mobilise.accounts.tests.factories import OrganisationFactory, UnitFactory, UserFactory
from mobilise.assessments.models import UK, Assessment, Consensus, Mode, Status
from mobilise.assessments.services import setup
from mobilise.assessments.services.consensus import set_consensus
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.audit.models import HistoryEntry
from mobilise.core.errors import InvalidInput
from mobilise.framework.catalogue import CURRENT_VERSION

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def locs(error: InvalidInput) -> list[tuple]:
    return [e.loc for e in error.errors]


def at(monkeypatch, moment: datetime.datetime) -> None:
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_a_valid_setup_passes():
    setup.validate_setup("Board", "Board 2027", Mode.GROUP, None)
    setup.validate_setup(" " + "u" * 200 + " ", "t" * 200, Mode.INDIVIDUAL, setup.uk_today())


@pytest.mark.parametrize(
    ("unit", "title", "mode", "days", "loc", "message"),
    [
        ("", "Title", "group", None, ("unit",), "Enter the unit"),
        ("   ", "Title", "group", None, ("unit",), "Enter the unit"),
        ("u" * 201, "Title", "group", None, ("unit",), "200 characters or fewer"),
        ("Board", "", "group", None, ("title",), "Enter a title"),
        ("Board", " \t", "group", None, ("title",), "Enter a title"),
        ("Board", "t" * 201, "group", None, ("title",), "200 characters or fewer"),
        ("Board", "Title", "survey", None, ("mode",), "group session or individual"),
        ("Board", "Title", "group", -1, ("closes_on",), "today or in the future"),
    ],
)
def test_each_invalid_field_is_named(unit, title, mode, days, loc, message):
    closes_on = None if days is None else setup.uk_today() + datetime.timedelta(days=days)
    with pytest.raises(InvalidInput) as raised:
        setup.validate_setup(unit, title, mode, closes_on)
    assert locs(raised.value) == [loc]
    assert message in raised.value.errors[0].msg


def test_every_problem_is_reported_at_once():
    with pytest.raises(InvalidInput) as raised:
        setup.validate_setup("", "", "", datetime.date(2000, 1, 1))
    assert locs(raised.value) == [("unit",), ("title",), ("mode",), ("closes_on",)]


def test_an_assessment_is_created_open_with_a_new_unit_in_the_organisation():
    organisation = OrganisationFactory()
    user = UserFactory()
    closes_on = setup.uk_today() + datetime.timedelta(days=14)
    assessment = setup.create_assessment(
        organisation, "  Board ", " Board 2027 ", Mode.GROUP, closes_on, created_by=user
    )
    assessment.refresh_from_db()
    assert assessment.organisation == organisation
    assert assessment.unit == Unit.objects.get(organisation=organisation, name="Board")
    assert assessment.title == "Board 2027"
    assert (assessment.mode, assessment.status, assessment.closes_on) == (
        "group",
        Status.OPEN,
        closes_on,
    )
    assert assessment.framework_version == CURRENT_VERSION
    assert assessment.created_by == user
    assert assessment.is_open()
    entry = assessment.history.get()
    assert entry.summary == "Created the assessment “Board 2027”"
    assert entry.actor == user and entry.organisation == organisation


def test_an_existing_unit_of_the_organisation_is_reused_but_not_another_organisations():
    organisation, other = OrganisationFactory(), OrganisationFactory()
    board = UnitFactory(organisation=organisation, name="Board")
    UnitFactory(organisation=other, name="Pharmacy")
    first = setup.create_assessment(organisation, "Board", "One", Mode.GROUP)
    second = setup.create_assessment(organisation, "Pharmacy", "Two", Mode.INDIVIDUAL)
    assert first.unit == board
    assert second.unit.organisation == organisation
    assert Unit.objects.filter(name="Pharmacy").count() == 2
    assert Unit.objects.filter(organisation=organisation).count() == 2


def test_an_invalid_setup_creates_nothing():
    organisation = OrganisationFactory()
    with pytest.raises(InvalidInput):
        setup.create_assessment(organisation, "New team", "", Mode.GROUP)
    assert not Assessment.objects.exists()
    assert not Unit.objects.filter(name="New team").exists()
    assert not HistoryEntry.objects.exists()


def test_closing_stops_the_assessment_and_is_recorded():
    assessment = AssessmentFactory()
    user = UserFactory()
    setup.close_assessment(assessment, user)
    assessment.refresh_from_db()
    assert assessment.status == Status.CLOSED
    assert assessment.closed_at is not None
    assert not assessment.is_open()
    entry = assessment.history.get()
    assert (entry.summary, entry.actor) == ("Closed the assessment", user)


def test_reopening_opens_again_and_is_recorded():
    assessment = AssessmentFactory()
    setup.close_assessment(assessment)
    setup.reopen_assessment(assessment)
    assessment.refresh_from_db()
    assert assessment.status == Status.OPEN
    assert assessment.closed_at is None
    assert assessment.is_open()
    assert set(assessment.history.values_list("summary", flat=True)) == {
        "Closed the assessment",
        "Reopened the assessment",
    }


@pytest.mark.parametrize(("days", "kept"), [(-1, False), (0, True), (7, True)])
def test_reopening_clears_a_closing_date_already_past(days, kept):
    closes_on = setup.uk_today() + datetime.timedelta(days=days)
    assessment = AssessmentFactory(status=Status.CLOSED, closes_on=closes_on)
    setup.reopen_assessment(assessment)
    assessment.refresh_from_db()
    assert assessment.closes_on == (closes_on if kept else None)
    assert assessment.is_open()


def test_an_assessment_is_open_until_the_end_of_its_closing_day_uk_time():
    assessment = AssessmentFactory(closes_on=datetime.date(2026, 7, 1))
    last_minute = datetime.datetime(2026, 7, 1, 23, 59, tzinfo=UK)
    assert assessment.is_open(now=last_minute)
    # 23:30 UTC on the closing day is already the next day in the UK.
    assert not assessment.is_open(now=datetime.datetime(2026, 7, 1, 23, 30, tzinfo=UTC))
    assert assessment.is_open(now=datetime.datetime(2026, 7, 1, 22, 59, tzinfo=UTC))


def test_revealing_and_hiding_the_results_are_recorded():
    assessment = AssessmentFactory()
    setup.reveal_results(assessment, True)
    assessment.refresh_from_db()
    assert assessment.results_revealed is True
    setup.reveal_results(assessment, False)
    assessment.refresh_from_db()
    assert assessment.results_revealed is False
    assert set(assessment.history.values_list("summary", flat=True)) == {
        "Showed the group's results to participants",
        "Hid the group's results from participants",
    }


def test_deleting_leaves_one_line_in_the_organisations_history():
    organisation = OrganisationFactory()
    user = UserFactory(username="admin1")
    UnitFactory(organisation=organisation, name="Board")  # already there: no line for adding it
    assessment = setup.create_assessment(organisation, "Board", "Board 2027", Mode.GROUP)
    for level in (1, 2):
        submit(assessment, level)
    set_consensus(assessment, "1.1", 2, "high")
    setup.close_assessment(assessment)
    kept = AssessmentFactory(organisation=organisation)
    setup.close_assessment(kept)

    setup.delete_assessment(assessment, user)

    assert not Assessment.objects.filter(pk=assessment.pk).exists()
    assert not Consensus.objects.exists()
    entries = HistoryEntry.objects.filter(organisation=organisation, assessment=None)
    deleted = entries.get()
    assert deleted.summary == (
        "Deleted the assessment “Board 2027” of Board, with its 2 responses and its plan"
    )
    assert (deleted.actor, deleted.actor_name) == (user, "admin1")
    # Another assessment's history is untouched.
    assert list(kept.history.values_list("summary", flat=True)) == ["Closed the assessment"]
    assert HistoryEntry.objects.count() == 2
