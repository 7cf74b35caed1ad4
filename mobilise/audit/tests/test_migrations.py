"""The history moved from the assessments app to audit: a database migrated before the
move keeps every line, with its organisation and assessment."""

import pytest

from mobilise.accounts.tests.factories import OrganisationFactory
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.migrations import latest, migrate, state_at

BEFORE = ("assessments", "0005_imported_responses_and_history")


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_its_history():
    organisation = OrganisationFactory()
    assessment = AssessmentFactory(organisation=organisation)
    migrate([BEFORE, ("audit", None)])
    OldEntry = state_at(BEFORE).get_model("assessments", "HistoryEntry")
    old = OldEntry.objects.create(
        organisation_id=organisation.pk, assessment_id=assessment.pk, summary="Closed"
    )
    try:
        migrate(latest())
        moved = HistoryEntry.objects.get(pk=old.pk)
        assert (moved.organisation, moved.assessment, moved.summary) == (
            organisation,
            assessment,
            "Closed",
        )
    finally:
        migrate(latest())


BEFORE_KINDS = ("audit", "0001_initial")


@pytest.mark.django_db(transaction=True)
def test_lines_recorded_before_kinds_existed_get_theirs_from_their_summary():
    organisation = OrganisationFactory()
    assessment = AssessmentFactory(organisation=organisation)
    migrate([BEFORE_KINDS])
    try:
        OldEntry = state_at(BEFORE_KINDS).get_model("audit", "HistoryEntry")
        closed, invited, odd = (
            OldEntry.objects.create(
                organisation_id=organisation.pk, assessment_id=assessment.pk, summary=summary
            )
            for summary in ("Closed the assessment", "Invited a@nhs.net as Viewer", "Odd")
        )
        migrate(latest())
        kinds = dict(
            HistoryEntry.objects.filter(pk__in=[closed.pk, invited.pk, odd.pk]).values_list(
                "summary", "kind"
            )
        )
        assert kinds == {
            "Closed the assessment": "assessment",
            "Invited a@nhs.net as Viewer": "people",
            "Odd": "other",
        }
    finally:
        migrate(latest())
