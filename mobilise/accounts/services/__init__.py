"""Organisations, people and API tokens."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest
from django.utils import timezone

from mobilise.accounts.models import ApiToken, Membership, Organisation, Role, User

TOKEN_PREFIX = "mob_"  # noqa: S105 - a label that makes leaked tokens easy to spot
SESSION_ORGANISATION_KEY = "mobilise_organisation_id"


class AccountError(ValueError):
    """A request about accounts that cannot be carried out, with a message for people."""


@transaction.atomic
def create_user(username: str, organisation_name: str, role: str, password: str) -> User:
    """A new user in an organisation, creating the organisation if it does not exist."""
    if role not in Role.values:
        raise AccountError(f"Role must be one of {', '.join(Role.values)}, not {role!r}")
    if not organisation_name.strip():
        raise AccountError("Enter the organisation's name")
    if User.objects.filter(username=username).exists():
        raise AccountError(f"A user called {username!r} already exists")
    organisation, _ = Organisation.objects.get_or_create(name=organisation_name.strip())
    user = User.objects.create_user(username=username, password=password)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def hash_token(raw: str) -> str:
    # Tokens are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_token(
    user: User, organisation: Organisation | None = None, name: str = "", days: int | None = None
) -> tuple[ApiToken, str]:
    """A new API token for a user in one of their organisations; the secret is returned once."""
    membership = user_membership(user, organisation)
    if membership is None:
        raise AccountError(f"{user.username} does not belong to an organisation")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        organisation=membership.organisation,
        name=name,
        prefix=raw[:12],
        key_hash=hash_token(raw),
        expires_at=timezone.now() + timedelta(days=days or settings.MOBILISE_API_TOKEN_DAYS),
    )
    return token, raw


def revoke_token(token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token


def authenticate_token(raw: str) -> ApiToken | None:
    """The live token with this secret, or None for an unknown, expired or revoked one."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user", "organisation")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def user_membership(user: User, organisation: Organisation | None = None) -> Membership | None:
    memberships = Membership.objects.select_related("organisation").filter(user=user)
    if organisation is not None:
        memberships = memberships.filter(organisation=organisation)
    return memberships.first()


def current_membership(request: HttpRequest) -> Membership | None:
    """The signed-in person's membership in the organisation they are working in, looked
    up once per request (the view and the page layout both ask)."""
    if not hasattr(request, "_mobilise_membership"):
        memberships = memberships_of(request)
        chosen = request.session.get(SESSION_ORGANISATION_KEY) if memberships else None
        request._mobilise_membership = next(
            (m for m in memberships if str(m.organisation_id) == str(chosen)),
            memberships[0] if memberships else None,
        )
    return request._mobilise_membership


def memberships_of(request: HttpRequest) -> list[Membership]:
    """All the signed-in person's memberships, in one query per request."""
    if not hasattr(request, "_mobilise_memberships"):
        request._mobilise_memberships = (
            list(Membership.objects.select_related("organisation").filter(user=request.user))
            if request.user.is_authenticated
            else []
        )
    return request._mobilise_memberships


def switch_organisation(request: HttpRequest, organisation_id: str) -> Membership:
    """Work in another of the person's organisations from now on in this session."""
    for membership in memberships_of(request):
        if str(membership.organisation_id) == str(organisation_id):
            request.session[SESSION_ORGANISATION_KEY] = str(membership.organisation_id)
            request._mobilise_membership = membership
            return membership
    raise AccountError("Select one of your organisations")


def get_for_organisation(queryset, organisation: Organisation, **lookup):
    """Load an organisation-owned object through the caller's organisation, or 404.

    Every view and API route loads organisation data through this helper, so an object of
    another organisation is indistinguishable from one that does not exist.
    """
    try:
        return queryset.get(organisation=organisation, **lookup)
    except (queryset.model.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404("Not found") from error
