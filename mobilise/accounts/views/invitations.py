"""Accepting an invitation: the link in the e-mail leads here, signed in or not."""

from django.conf import settings
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mobilise.accounts.forms import NewAccountForm
from mobilise.accounts.services import SESSION_ORGANISATION_KEY, AccountError, people
from mobilise.accounts.sso import sso_enabled
from mobilise.core.form_views import bound, done, handle


def invitation(request: HttpRequest, key: str) -> HttpResponse:
    found = people.find_invitation(key)
    if found is None or not found.is_pending:
        if found and found.accepted_by_id and found.accepted_by_id == request.user.pk:
            # Back from single sign-on, which accepted it already.
            return _joined(request, found)
        return render(
            request,
            "accounts/invitation_invalid.jinja",
            {
                "page_title": "This invitation link does not work",
                "found": found,
                "invitation_days": settings.MOBILISE_INVITATION_DAYS,
            },
            status=404,
        )
    form = None
    error = None
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                people.accept(found, request.user)
            except AccountError as refused:
                error = str(refused)
            else:
                return _joined(request, found)
    else:
        form = bound(request, NewAccountForm, email=found.email)

        def save(data: dict) -> HttpResponse:
            user = people.create_account(
                found, data["first_name"], data["last_name"], data["password"]
            )
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return _joined(request, found)

        if saved := handle(request, form, save, refusals={AccountError: None}):
            return saved
    return render(
        request,
        "accounts/invitation.jinja",
        {
            "page_title": f"Join {found.organisation.name}",
            "invitation": found,
            "form": form,
            "error": error,
            "sso_enabled": sso_enabled(),
        },
    )


def _joined(request: HttpRequest, invitation) -> HttpResponse:
    request.session[SESSION_ORGANISATION_KEY] = str(invitation.organisation_id)
    return done(request, f"You have joined {invitation.organisation.name}.", "home")
