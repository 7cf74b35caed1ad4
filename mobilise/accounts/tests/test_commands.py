"""The create_user and create_api_token commands."""

import io

import pytest
from django.core.management import CommandError, call_command

from mobilise.accounts.models import ApiToken, Membership, Organisation
from mobilise.accounts.services import authenticate_token

pytestmark = pytest.mark.django_db


def call(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_create_user_takes_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("MOBILISE_PASSWORD", "a-strong-password-42")
    call("create_user", "jo", "--organisation", "Eastshire NHS Trust", "--role", "admin")
    membership = Membership.objects.get(user__username="jo")
    assert membership.organisation.name == "Eastshire NHS Trust"
    assert membership.role == "admin"
    assert membership.user.check_password("a-strong-password-42")


def test_create_user_asks_for_the_password_when_it_is_not_set(monkeypatch):
    monkeypatch.delenv("MOBILISE_PASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "a-strong-password-42")
    call("create_user", "kim", "--organisation", "Eastshire NHS Trust", "--role", "viewer")
    assert Membership.objects.get(user__username="kim").user.check_password("a-strong-password-42")


def test_create_user_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("MOBILISE_PASSWORD", "short")
    with pytest.raises(CommandError, match="Password"):
        call("create_user", "lee", "--organisation", "Eastshire NHS Trust", "--role", "viewer")
    assert not Organisation.objects.exists()


def test_create_user_refuses_an_unknown_role(monkeypatch):
    monkeypatch.setenv("MOBILISE_PASSWORD", "a-strong-password-42")
    with pytest.raises(CommandError, match="invalid choice"):
        call("create_user", "lee", "--organisation", "Eastshire NHS Trust", "--role", "owner")


def test_create_api_token_prints_only_a_working_token(facilitator):
    output = call("create_api_token", facilitator.user.username)
    token = output.strip()
    assert output == token + "\n"
    assert authenticate_token(token).user == facilitator.user
    assert ApiToken.objects.get().key_hash != token


def test_create_api_token_for_an_unknown_user_fails():
    with pytest.raises(CommandError, match="no user"):
        call("create_api_token", "nobody")
