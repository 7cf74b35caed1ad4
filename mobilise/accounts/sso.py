"""Single sign-on with OpenID Connect, through mozilla-django-oidc.

A person is matched by the e-mail address their identity provider vouches for: to an account
with that address, or, failing that, to a live invitation sent to it (which creates their
account). Anyone else is refused: signing in with an NHS account never makes a stranger a
member of an organisation. Every sign-in also accepts the live invitations sent to the
address, so an invited person may simply choose "Sign in with NHS account".
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from mobilise.accounts.models import User
from mobilise.accounts.services import people


def sso_enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def email_from(claims: dict) -> str:
    # Microsoft Entra ID puts the address in `email` when it has one, and the sign-in name
    # (for NHSmail, the address) in `preferred_username`.
    for claim in ("email", "preferred_username", "upn"):
        value = str(claims.get(claim) or "").strip().lower()
        if "@" in value:
            return value
    return ""


class SingleSignOnBackend(OIDCAuthenticationBackend):
    def authenticate(self, request: HttpRequest, **kwargs) -> User | None:
        if not sso_enabled():
            return None
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims: dict) -> bool:
        return bool(email_from(claims)) and claims.get("email_verified", True) is not False

    def filter_users_by_claims(self, claims: dict):
        return self.UserModel.objects.filter(email__iexact=email_from(claims))

    def create_user(self, claims: dict) -> User | None:
        email = email_from(claims)
        if not people.has_live_invitation(email):
            return None
        username = email if not User.objects.filter(username__iexact=email).exists() else None
        user = User.objects.create_user(
            username=username or f"{email}-{User.objects.count() + 1}",
            email=email,
            first_name=str(claims.get("given_name") or "")[:150],
            last_name=str(claims.get("family_name") or "")[:150],
        )
        people.accept_all_for(user)
        return user

    def update_user(self, user: User, claims: dict) -> User:
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
