"""Single sign-on with OpenID Connect, through mozilla-django-oidc.

A person is matched first by the provider's subject (`sub`) linked to their account; else by
the e-mail address their identity provider vouches for, to an account with that address and
no linked subject (the first sign-in links it), or, failing that, to a live invitation sent
to it (which creates their account). Anyone else is refused: signing in with an NHS account
never makes a stranger a member of an organisation. Every sign-in also accepts the live
invitations sent to the address, so an invited person may simply choose "Sign in with NHS
account".
"""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from mobilise.accounts.models import User
from mobilise.accounts.services import people


def sso_enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def email_from(claims: dict) -> str:
    # Only the `email` claim: names such as `preferred_username` are not addresses the
    # provider vouches for. (For Entra ID, add the optional `email` claim to the app.)
    value = str(claims.get("email") or "").strip().lower()
    return value if "@" in value else ""


def subject_from(claims: dict) -> str:
    return str(claims.get("sub") or "")[:255]


def issuer() -> str:
    """The configured provider, named by its authorisation endpoint's origin."""
    parts = urlsplit(settings.OIDC_OP_AUTHORIZATION_ENDPOINT)
    return f"{parts.scheme}://{parts.netloc}"[:500]


class SingleSignOnBackend(OIDCAuthenticationBackend):
    def authenticate(self, request: HttpRequest, **kwargs) -> User | None:
        if not sso_enabled():
            return None
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims: dict) -> bool:
        return bool(email_from(claims)) and claims.get("email_verified", True) is not False

    def filter_users_by_claims(self, claims: dict):
        # Platform staff and superusers sign in with a password: an identity provider's say
        # is never enough to become one of them.
        people_only = self.UserModel.objects.filter(is_staff=False, is_superuser=False)
        subject = subject_from(claims)
        linked = people_only.filter(sso_issuer=issuer(), sso_subject=subject)
        if subject and linked.exists():
            return linked
        # Not linked yet: the verified address, to an account no other subject has claimed.
        return people_only.filter(email__iexact=email_from(claims), sso_subject="")

    @transaction.atomic
    def create_user(self, claims: dict) -> User | None:
        email = email_from(claims)
        if not people.has_live_invitation(email):
            return None
        taken = User.objects.filter(username__iexact=email).exists()
        user = User.objects.create_user(
            username=f"{email}-{secrets.token_hex(3)}" if taken else email,
            email=email,
            first_name=str(claims.get("given_name") or "")[:150],
            last_name=str(claims.get("family_name") or "")[:150],
            sso_issuer=issuer(),
            sso_subject=subject_from(claims),
        )
        people.accept_all_for(user)
        return user

    def update_user(self, user: User, claims: dict) -> User:
        if not user.sso_subject and subject_from(claims):
            user.sso_issuer, user.sso_subject = issuer(), subject_from(claims)
            user.save(update_fields=["sso_issuer", "sso_subject"])
        people.accept_all_for(user)
        return user


def start(request: HttpRequest) -> HttpResponse:
    """Send the person to their identity provider (404 when single sign-on is off)."""
    if not sso_enabled():
        raise Http404("Single sign-on is not set up")
    return OIDCAuthenticationRequestView.as_view()(request)


def callback(request: HttpRequest) -> HttpResponse:
    if not sso_enabled():
        raise Http404("Single sign-on is not set up")
    return OIDCAuthenticationCallbackView.as_view()(request)
