"""Sign-in lock-out: per user name and address, read behind the configured proxies, and a
limit on one address trying many user names (password spraying)."""

import pytest
from django.test import Client

from mobilise.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


WRONG = "wrong"


def sign_in(client: Client, username: str, password: str = WRONG) -> int:
    return client.post("/accounts/login/", {"username": username, "password": password}).status_code


def test_failures_from_one_address_do_not_lock_the_person_out_elsewhere(facilitator):
    username = facilitator.user.username
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        sign_in(attacker, username)
    assert sign_in(attacker, username, PASSWORD) == 429
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7"), username, PASSWORD) == 302


def test_behind_a_proxy_each_client_is_counted_apart(settings, facilitator):
    settings.MOBILISE_PROXY_COUNT = 1
    username = facilitator.user.username
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    attacker = Client(HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    for _ in range(5):
        sign_in(attacker, username)
    assert sign_in(attacker, username, PASSWORD) == 429
    person = Client(HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert sign_in(person, username, PASSWORD) == 302


def test_without_a_proxy_a_forged_header_does_not_escape_the_lock(facilitator):
    username = facilitator.user.username
    for number in range(5):
        sign_in(Client(HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"), username)
    forged = Client(HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert sign_in(forged, username, PASSWORD) == 429


def test_one_address_trying_many_user_names_is_locked_out(settings, facilitator):
    settings.MOBILISE_SIGN_IN_ADDRESS_LIMIT = 20
    sprayer = Client(REMOTE_ADDR="203.0.113.9")
    for number in range(19):
        assert sign_in(sprayer, f"person{number}@example.org") == 200
    assert sign_in(sprayer, "person19@example.org") == 429
    # The address is now refused whoever it names, even with the right password...
    assert sign_in(sprayer, facilitator.user.username, PASSWORD) == 429
    # ...while the person signs in from their own address.
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7"), facilitator.user.username, PASSWORD) == 302
