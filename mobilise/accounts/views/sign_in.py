"""Signing in and out, and the pages that say why one could not."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mobilise.accounts.forms import SignInForm
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
