"""Fixtures shared by every test: people in organisations, and API clients."""

import pytest
from django.test import Client

from mobilise.accounts.models import Membership, Role
from mobilise.accounts.services import issue_token
from mobilise.accounts.tests.factories import MembershipFactory, OrganisationFactory
from mobilise.assessments.tests.factories import AssessmentFactory

# A fully-filled assessment (answers, agreed ratings, plan) for the report tests and journeys.
pytest_plugins = ["mobilise.reports.tests.fixtures"]


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Northshire NHS Trust")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Southshire NHS Trust")


@pytest.fixture
def facilitator(organisation) -> Membership:
    return MembershipFactory(organisation=organisation, role=Role.FACILITATOR)


@pytest.fixture
def viewer(organisation) -> Membership:
    return MembershipFactory(organisation=organisation, role=Role.VIEWER)


@pytest.fixture
def admin(organisation) -> Membership:
    return MembershipFactory(organisation=organisation, role=Role.ADMIN)


@pytest.fixture
def outsider(other_organisation) -> Membership:
    return MembershipFactory(organisation=other_organisation, role=Role.FACILITATOR)


def api_client_for(membership: Membership) -> Client:
    _, raw = issue_token(membership.user, membership.organisation)
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def facilitator_api(facilitator) -> Client:
    return api_client_for(facilitator)


@pytest.fixture
def viewer_api(viewer) -> Client:
    return api_client_for(viewer)


@pytest.fixture
def signed_in(client, facilitator) -> Client:
    """The test client, signed in as a facilitator."""
    client.force_login(facilitator.user)
    return client


@pytest.fixture
def assessment(facilitator):
    """An open group assessment of the facilitator's organisation."""
    return AssessmentFactory(organisation=facilitator.organisation)
