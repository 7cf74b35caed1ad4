"""Signing in and out, lock-out and changing organisation."""

import pytest

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.core.tests.html import error_summary, field_error, page, text

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_is_an_nhs_form(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'name="username"' in html and 'name="password"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "<title>Sign in – Mobilise</title>" in html


def test_signing_in_lands_on_the_organisations_home(client, facilitator):
    response = client.post(
        "/accounts/login/", {"username": facilitator.user.username, "password": PASSWORD}
    )
    assert response.status_code == 302 and response.url == "/"
    home = client.get("/").content.decode()
    assert f"<h1>{facilitator.organisation.name}</h1>" in home
    assert "Facilitator" in home


def test_a_wrong_password_shows_the_error_summary(client, facilitator):
    response = client.post(
        "/accounts/login/", {"username": facilitator.user.username, "password": "wrong"}
    )
    assert response.status_code == 200
    assert text(page(response).title) == "Error: Sign in – Mobilise"
    assert error_summary(response) == [
        ("#id_username", "Enter a correct username and password. Both are case-sensitive.")
    ]


def test_empty_fields_are_named_in_the_errors(client):
    response = client.post("/accounts/login/", {"username": "", "password": ""})
    assert error_summary(response) == [
        ("#id_username", "Enter your username"),
        ("#id_password", "Enter your password"),
    ]
    assert field_error(response, "id_username") == "Enter your username"
    assert field_error(response, "id_password") == "Enter your password"


def test_signing_out_needs_a_post_and_signs_out(client, facilitator):
    client.force_login(facilitator.user)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    html = client.get(response.url).content.decode()
    assert "You have signed out." in html
    assert "Sign in" in html


def test_the_home_page_shows_only_the_users_own_organisation(client, facilitator, outsider):
    client.force_login(facilitator.user)
    html = client.get("/").content.decode()
    assert facilitator.organisation.name in html
    assert outsider.organisation.name not in html


def test_anonymous_visitors_see_the_start_page(client):
    html = client.get("/").content.decode()
    assert "Knowledge Mobilisation self-assessment" in html
    assert 'href="/accounts/login/"' in html


def test_repeated_failures_lock_the_username_out_for_a_while(client, facilitator):
    from axes.models import AccessAttempt

    username = facilitator.user.username
    for _ in range(4):
        assert (
            client.post("/accounts/login/", {"username": username, "password": "wrong"}).status_code
            == 200
        )
    locked = client.post("/accounts/login/", {"username": username, "password": "wrong"})
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in text(page(locked))
    # Even the right password is refused while locked out.
    right = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert right.status_code == 429 and "_auth_user_id" not in client.session
    AccessAttempt.objects.all().delete()  # what the cool-off does after 15 minutes
    assert (
        client.post("/accounts/login/", {"username": username, "password": PASSWORD}).status_code
        == 302
    )


def test_a_successful_sign_in_clears_the_count(client, facilitator):
    username = facilitator.user.username
    for _ in range(4):
        client.post("/accounts/login/", {"username": username, "password": "wrong"})
    assert (
        client.post("/accounts/login/", {"username": username, "password": PASSWORD}).status_code
        == 302
    )
    client.post("/accounts/logout/")
    for _ in range(4):
        assert (
            client.post("/accounts/login/", {"username": username, "password": "wrong"}).status_code
            == 200
        )
