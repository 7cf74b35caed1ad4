"""Signing in and out, the organisation switcher and API tokens."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mobilise.accounts.access import member_required
from mobilise.accounts.forms import OrganisationForm, SignInForm, TokenForm
from mobilise.accounts.models import ApiToken
from mobilise.accounts.services import (
    AccountError,
    issue_token,
    memberships_of,
    revoke_token,
    switch_organisation,
)
from mobilise.accounts.sso import sso_enabled


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.jinja"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            page_title="Sign in",
            sso_enabled=sso_enabled(),
            **kwargs,
        )


def sso_failed(request: HttpRequest) -> HttpResponse:
    """Where single sign-on ends when the provider refuses, or vouches for someone who has
    no account and no invitation here."""
    return render(
        request,
        "accounts/sso_failed.jinja",
        {"page_title": "We could not sign you in"},
        status=403,
    )


@member_required
def organisation(request: HttpRequest) -> HttpResponse:
    """Choose which of one's organisations to work in."""
    memberships = memberships_of(request)
    form = OrganisationForm(
        request.POST if request.method == "POST" else None,
        memberships=memberships,
        initial={"organisation": str(request.membership.organisation_id)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            chosen = switch_organisation(request, form.cleaned_data["organisation"])
        except AccountError as error:
            form.add_error("organisation", str(error))
        else:
            messages.success(request, f"You are now working in {chosen.organisation.name}.")
            return redirect("home")
    return render(
        request, "accounts/organisation.jinja", {"page_title": "Your organisations", "form": form}
    )


class SignOutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.success(request, "You have signed out.")
        return response


def locked_out(
    request: HttpRequest, credentials: dict | None = None, *args, **kwargs
) -> HttpResponse:
    """The answer to a sign-in while locked out (django-axes), in the service's own words."""
    return render(
        request,
        "accounts/locked_out.jinja",
        {"page_title": "Too many attempts to sign in"},
        status=429,
    )


@member_required
def tokens(request: HttpRequest) -> HttpResponse:
    """The signed-in person's API tokens: name, create (shown once), revoke."""
    form = TokenForm(request.POST if request.method == "POST" else None)
    created = None
    if request.method == "POST" and form.is_valid():
        _, created = issue_token(
            request.user,
            request.membership.organisation,
            form.cleaned_data["name"],
            form.cleaned_data["days"],
        )
        form = TokenForm()
    return render(
        request,
        "accounts/tokens.jinja",
        {
            "page_title": "API tokens",
            "form": form,
            "created": created,
            "tokens": ApiToken.objects.filter(
                user=request.user, organisation=request.membership.organisation
            ),
            "now": timezone.now(),
        },
    )


@require_POST
@member_required
def revoke(request: HttpRequest, token_id) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    revoke_token(token)
    messages.success(request, f"The token “{token.name or token.prefix}” is revoked.")
    return redirect("accounts:tokens")
