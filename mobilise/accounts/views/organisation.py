"""The organisation switcher: choose which of one's organisations to work in."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from mobilise.accounts.access import member_required
from mobilise.accounts.forms import OrganisationForm
from mobilise.accounts.services import (
    AccountError,
    memberships_of,
    switch_organisation,
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
