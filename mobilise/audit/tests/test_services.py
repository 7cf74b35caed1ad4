"""Writing the audit trail."""

import pytest

from mobilise.accounts.models import Role
from mobilise.accounts.services import people
from mobilise.accounts.services.organisation import update_settings
from mobilise.accounts.tests.factories import OrganisationFactory, UserFactory
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.models import HistoryEntry
from mobilise.audit.services import record, record_in_organisation

pytestmark = pytest.mark.django_db


def test_a_line_about_an_assessment_names_its_organisation_and_the_actor():
    assessment = AssessmentFactory()
    user = UserFactory(username="facilitator1")
    entry = record(assessment, user, "Changed the plan", {"owner": ["Ann", "Bob"]})
    entry.refresh_from_db()
    assert entry.assessment == assessment
    assert entry.organisation == assessment.organisation
    assert (entry.actor, entry.actor_name) == (user, "facilitator1")
    assert entry.summary == "Changed the plan"
    assert entry.changes == {"owner": ["Ann", "Bob"]}
    assert list(assessment.history.all()) == [entry]


def test_a_line_without_an_actor_or_changes():
    assessment = AssessmentFactory()
    entry = record(assessment, None, "Closed the assessment")
    entry.refresh_from_db()
    assert (entry.actor, entry.actor_name, entry.changes) == (None, "", {})


def test_a_long_summary_is_cut_to_300_characters():
    assessment = AssessmentFactory()
    summary = "a" * 299 + "bc" + "d" * 100
    entry = record(assessment, None, summary)
    entry.refresh_from_db()
    assert entry.summary == "a" * 299 + "b"


def test_a_line_about_the_organisation_as_a_whole():
    organisation = OrganisationFactory()
    user = UserFactory(username="admin1")
    entry = record_in_organisation(
        organisation, user, "Changed a role", {"role": ["viewer", "facilitator"]}
    )
    entry.refresh_from_db()
    assert entry.organisation == organisation and entry.assessment is None
    assert entry.actor_name == "admin1"
    assert entry.changes == {"role": ["viewer", "facilitator"]}
    assert list(organisation.history.all()) == [entry]


def test_a_line_outlives_its_assessment():
    assessment = AssessmentFactory()
    entry = record(assessment, None, "Agreed 1.1")
    assessment.delete()
    entry.refresh_from_db()
    assert entry.assessment is None
    assert entry.organisation_id is not None


def test_the_actors_name_stays_when_the_actor_is_deleted():
    user = UserFactory(username="gone")
    entry = record(AssessmentFactory(), user, "Closed the assessment")
    user.delete()
    entry.refresh_from_db()
    assert (entry.actor, entry.actor_name) == (None, "gone")


def test_a_change_to_people_is_recorded():
    organisation = OrganisationFactory()
    user = UserFactory(username="admin1")
    people.invite(organisation, "ann@nhs.net", Role.VIEWER, user)
    entry = HistoryEntry.objects.get()
    assert entry.organisation == organisation and entry.assessment is None
    assert (entry.actor, entry.actor_name) == (user, "admin1")
    assert "ann@nhs.net" in entry.summary


def test_an_accounts_service_change_reaches_the_history():
    organisation = OrganisationFactory()
    before = organisation.benchmarking
    update_settings(organisation, organisation.region, organisation.kind, not before, None)
    entry = organisation.history.get()
    assert entry.changes == {"benchmarking": [before, not before]}
    assert "benchmark across organisations" in entry.summary
