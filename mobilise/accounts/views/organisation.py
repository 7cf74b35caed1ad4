"""The organisation switcher: choose which of one's organisations to work in."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mobilise.accounts.access import member_required
from mobilise.accounts.forms import OrganisationForm
from mobilise.accounts.services import (
    AccountError,
    memberships_of,
    switch_organisation,
)
from mobilise.core.form_views import bound, done, handle


@member_required
def organisation(request: HttpRequest) -> HttpResponse:
    """Choose which of one's organisations to work in."""
    memberships = memberships_of(request)
    form = bound(
        request,
        OrganisationForm,
        memberships=memberships,
        initial={"organisation": str(request.membership.organisation_id)},
    )

    def save(data: dict) -> HttpResponse:
        chosen = switch_organisation(request, data["organisation"])
        return done(request, f"You are now working in {chosen.organisation.name}.", "home")

    if saved := handle(request, form, save, refusals={AccountError: "organisation"}):
        return saved
    return render(
        request, "accounts/organisation.jinja", {"page_title": "Your organisations", "form": form}
    )
