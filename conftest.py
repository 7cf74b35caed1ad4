"""Fixtures shared by every test: people in organisations, and API clients."""

import oidc_provider_mock
import pytest
import requests
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


@pytest.fixture(scope="session")
def oidc_provider():
    """A real OpenID Connect provider on a local port (oidc-provider-mock), for single
    sign-on to be tested end to end: discovery, authorisation, code exchange, signed ID
    token, user info."""
    with oidc_provider_mock.run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


def add_sso_person(issuer: str, subject: str, **claims) -> None:
    """Tell the provider who a subject is (the claims it will vouch for); by default the
    subject is also the e-mail address."""
    claims = {"email": subject, **claims}
    response = requests.put(f"{issuer}/users/{subject}", json=claims, timeout=10)
    response.raise_for_status()


@pytest.fixture
def sso(settings, oidc_provider) -> str:
    """Single sign-on switched on against the local provider, configured from its discovery
    document as a deployment would be from its environment."""
    found = requests.get(f"{oidc_provider}/.well-known/openid-configuration", timeout=10).json()
    settings.OIDC_RP_CLIENT_ID = "mobilise"
    settings.OIDC_RP_CLIENT_SECRET = "mobilise-secret"  # noqa: S105 - the test provider takes any
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = found["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = found["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = found["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = found["jwks_uri"]
    # The test provider publishes its one signing key without a key id (`kid`); real
    # providers such as Entra ID give one, and checking it stays on by default.
    settings.OIDC_VERIFY_KID = False
    return oidc_provider


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> dict[str, str]:
    """The environment of a production set-up on a database file of its own, migrated and
    with its static files collected (half a minute: done once per run)."""
    from tests.servers import production_env

    return production_env(tmp_path_factory.mktemp("serve"))
