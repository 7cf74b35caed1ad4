"""Single sign-on, end to end against a real OpenID Connect provider on a local port
(oidc-provider-mock): the browser's hops are made by hand, the code exchange, the signature
check of the ID token and the user-info call are made by mozilla-django-oidc for real."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from conftest import add_sso_person
from mobilise.accounts.models import Membership, Role, User
from mobilise.accounts.services import people
from mobilise.core.tests.html import page, text

pytestmark = pytest.mark.django_db


def sign_in_with_sso(client, issuer: str, email: str, next_url: str = "/"):
    """Start at Mobilise, approve at the provider as `email`, come back; the final answer."""
    start = client.get("/accounts/sso/start/", {"next": next_url})
    assert start.status_code == 302 and start.url.startswith(issuer), start
    query = parse_qs(urlsplit(start.url).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"]
    approved = requests.post(start.url, data={"sub": email}, allow_redirects=False, timeout=10)
    assert approved.status_code == 302, approved.text
    back = urlsplit(approved.headers["Location"])
    assert back.path == "/accounts/sso/callback/"
    return client.get(back.path + "?" + back.query)


def test_an_invited_person_signs_in_with_sso_and_joins(client, sso, organisation):
    people.invite(organisation, "alex.morgan@nhs.net", Role.FACILITATOR, None)
    add_sso_person(sso, "alex.morgan@nhs.net", given_name="Alex", family_name="Morgan")
    response = sign_in_with_sso(client, sso, "alex.morgan@nhs.net")
    assert response.status_code == 302 and response.url == "/"
    user = User.objects.get(email="alex.morgan@nhs.net")
    assert user.get_full_name() == "Alex Morgan" and not user.has_usable_password()
    assert Membership.objects.get(user=user).role == Role.FACILITATOR
    assert text(page(client.get("/")).select_one("h1")) == organisation.name


def test_an_existing_account_is_matched_by_email(client, sso, facilitator):
    facilitator.user.email = "known@nhs.net"
    facilitator.user.save()
    add_sso_person(sso, "Known@NHS.net")
    response = sign_in_with_sso(client, sso, "Known@NHS.net", next_url="/assessments/")
    assert response.status_code == 302 and response.url == "/assessments/"
    assert client.get("/assessments/").status_code == 200
    assert int(client.session["_auth_user_id"]) == facilitator.user.pk


def test_a_stranger_is_refused_and_no_account_is_made(client, sso, organisation):
    add_sso_person(sso, "stranger@nhs.net")
    response = sign_in_with_sso(client, sso, "stranger@nhs.net")
    assert response.status_code == 302 and response.url == "/accounts/sso/failed/"
    assert not User.objects.filter(email="stranger@nhs.net").exists()
    page = client.get(response.url)
    assert page.status_code == 403 and "ask your organisation's admin" in page.content.decode()


def test_sso_accepts_the_invitations_sent_to_the_address(client, sso, outsider, organisation):
    outsider.user.email = "two.trusts@nhs.net"
    outsider.user.save()
    people.invite(organisation, "two.trusts@nhs.net", Role.VIEWER, None)
    add_sso_person(sso, "two.trusts@nhs.net")
    sign_in_with_sso(client, sso, "two.trusts@nhs.net")
    assert outsider.user.memberships.count() == 2


def test_an_unverified_address_is_refused(client, sso, facilitator):
    facilitator.user.email = "unverified@nhs.net"
    facilitator.user.save()
    add_sso_person(sso, "unverified@nhs.net", email_verified=False)
    response = sign_in_with_sso(client, sso, "unverified@nhs.net")
    assert response.url == "/accounts/sso/failed/"
    assert "_auth_user_id" not in client.session


def test_the_sign_in_page_offers_sso_only_when_it_is_set_up(client, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    assert "Sign in with your NHS account" not in client.get("/accounts/login/").content.decode()
    assert client.get("/accounts/sso/start/").status_code == 404
    settings.OIDC_RP_CLIENT_ID = "mobilise"
    assert "Sign in with your NHS account" in client.get("/accounts/login/").content.decode()


def test_local_passwords_still_work_beside_sso(client, sso, facilitator):
    response = client.post(
        "/accounts/login/",
        {"username": facilitator.user.username, "password": "a-long-test-password-1"},
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == facilitator.user.pk


def test_sso_never_signs_in_as_platform_staff(client, sso, facilitator):
    facilitator.user.email = "staff@nhs.net"
    facilitator.user.is_staff = True
    facilitator.user.save()
    add_sso_person(sso, "staff@nhs.net")
    response = sign_in_with_sso(client, sso, "staff@nhs.net")
    assert response.url == "/accounts/sso/failed/"
    assert "_auth_user_id" not in client.session


def test_only_the_email_claim_counts(client, sso, facilitator):
    facilitator.user.email = "named@nhs.net"
    facilitator.user.save()
    # A provider that gives a sign-in name but no address: nobody is matched.
    add_sso_person(sso, "named-person", email="", preferred_username="named@nhs.net")
    response = sign_in_with_sso(client, sso, "named-person")
    assert response.url == "/accounts/sso/failed/"


def test_once_linked_the_provider_subject_follows_a_changed_address(client, sso, facilitator):
    facilitator.user.email = "alex@nhs.net"
    facilitator.user.save()
    add_sso_person(sso, "alex-subject", email="alex@nhs.net")
    sign_in_with_sso(client, sso, "alex-subject")
    client.logout()
    # The provider now gives Alex another address: the subject still finds the account.
    add_sso_person(sso, "alex-subject", email="alex.morgan@nhs.net")
    response = sign_in_with_sso(client, sso, "alex-subject")
    assert response.url == "/"
    assert int(client.session["_auth_user_id"]) == facilitator.user.pk


def test_an_address_taken_by_another_subject_does_not_sign_in_to_a_linked_account(
    client, sso, facilitator
):
    facilitator.user.email = "alex@nhs.net"
    facilitator.user.save()
    add_sso_person(sso, "alex-subject", email="alex@nhs.net")
    sign_in_with_sso(client, sso, "alex-subject")
    client.logout()
    # Someone else at the provider is given Alex's old address.
    add_sso_person(sso, "someone-else", email="alex@nhs.net")
    response = sign_in_with_sso(client, sso, "someone-else")
    assert response.url == "/accounts/sso/failed/"
    assert "_auth_user_id" not in client.session
