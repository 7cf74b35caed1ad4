"""The signed-in person's API tokens: create (shown once), list and revoke."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mobilise.accounts.access import member_required
from mobilise.accounts.forms import TokenForm
from mobilise.accounts.models import ApiToken
from mobilise.accounts.services import (
    issue_token,
    revoke_token,
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
