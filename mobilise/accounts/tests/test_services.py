"""Memberships, organisation scoping and API tokens."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from mobilise.accounts.models import ApiToken, Membership, Organisation, Role, Unit
from mobilise.accounts.services import (
    AccountError,
    authenticate_token,
    create_user,
    get_for_organisation,
    hash_token,
    issue_token,
)

pytestmark = pytest.mark.django_db


def test_create_user_creates_the_organisation_when_new():
    user = create_user("alex", "Westshire NHS Trust", "facilitator", "pw-long-enough-123")
    membership = Membership.objects.get(user=user)
    assert membership.organisation.name == "Westshire NHS Trust"
    assert membership.role == Role.FACILITATOR
    assert user.check_password("pw-long-enough-123")


def test_create_user_joins_an_existing_organisation(organisation):
    create_user("sam", organisation.name, "viewer", "pw-long-enough-123")
    assert Organisation.objects.filter(name=organisation.name).count() == 1
    assert Membership.objects.get(user__username="sam").organisation == organisation


@pytest.mark.parametrize(
    ("username", "organisation", "role", "message"),
    [
        ("new", "Trust", "owner", "Role must be one of"),
        ("new", "  ", "viewer", "organisation's name"),
    ],
)
def test_create_user_refuses_bad_input_and_saves_nothing(username, organisation, role, message):
    with pytest.raises(AccountError, match=message):
        create_user(username, organisation, role, "pw-long-enough-123")
    assert not Organisation.objects.exists()


def test_create_user_refuses_an_existing_username(facilitator):
    with pytest.raises(AccountError, match="already exists"):
        create_user(facilitator.user.username, "Other Trust", "viewer", "pw-long-enough-123")
    assert not Organisation.objects.filter(name="Other Trust").exists()


def test_a_token_is_stored_only_as_a_hash(facilitator):
    token, raw = issue_token(facilitator.user)
    stored = ApiToken.objects.get(pk=token.pk)
    assert raw.startswith("mob_") and len(raw) > 40
    assert stored.key_hash == hash_token(raw) != raw
    assert raw not in {stored.key_hash, stored.prefix} and raw.startswith(stored.prefix)
    assert stored.organisation == facilitator.organisation


def test_a_live_token_authenticates_and_records_its_use(facilitator):
    token, raw = issue_token(facilitator.user)
    assert authenticate_token(raw) == token
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None


def test_unknown_expired_and_revoked_tokens_do_not_authenticate(facilitator):
    assert authenticate_token("mob_not-a-real-token") is None
    expired, raw_expired = issue_token(facilitator.user)
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert authenticate_token(raw_expired) is None
    revoked, raw_revoked = issue_token(facilitator.user)
    ApiToken.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    assert authenticate_token(raw_revoked) is None


def test_a_token_for_an_inactive_user_does_not_authenticate(facilitator):
    _, raw = issue_token(facilitator.user)
    facilitator.user.is_active = False
    facilitator.user.save()
    assert authenticate_token(raw) is None


def test_a_token_expires_after_the_days_asked_for(facilitator):
    token, _ = issue_token(facilitator.user, days=7)
    assert timedelta(days=6, hours=23) < token.expires_at - timezone.now() <= timedelta(days=7)


def test_no_token_for_a_user_without_an_organisation(django_user_model):
    user = django_user_model.objects.create_user("loner", password="pw-long-enough-123")
    with pytest.raises(AccountError, match="does not belong"):
        issue_token(user)
    assert not ApiToken.objects.exists()


def test_get_for_organisation_loads_only_through_the_callers_organisation(
    organisation, other_organisation
):
    ours = Unit.objects.create(organisation=organisation, name="Board")
    theirs = Unit.objects.create(organisation=other_organisation, name="Board")
    assert get_for_organisation(Unit.objects.all(), organisation, pk=ours.pk) == ours
    with pytest.raises(Http404):
        get_for_organisation(Unit.objects.all(), organisation, pk=theirs.pk)
    with pytest.raises(Http404):
        get_for_organisation(Unit.objects.all(), organisation, pk="not-a-uuid")
