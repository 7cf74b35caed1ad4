"""The organisation's own settings, and deleting all its data for good. Admins only."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from mobilise.accounts.access import member_required, require_admin
from mobilise.accounts.forms import OrganisationSettingsForm
from mobilise.accounts.services.organisation import delete_organisation, update_settings
from mobilise.core.form_views import bound, done, handle


@member_required
def settings_page(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    form = bound(
        request,
        OrganisationSettingsForm,
        initial={
            "region": organisation.region,
            "kind": organisation.kind,
            "benchmarking": organisation.benchmarking,
        },
    )

    def save(data: dict) -> HttpResponse:
        update_settings(
            organisation, data["region"], data["kind"], data["benchmarking"], request.user
        )
        return done(request, "The organisation's settings are saved.", "home")

    if saved := handle(request, form, save):
        return saved
    return render(
        request,
        "accounts/organisation_settings.jinja",
        {"page_title": "Organisation settings", "form": form},
    )


@member_required
def delete(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    error = None
    if request.method == "POST":
        if request.POST.get("confirm", "").strip() != organisation.name:
            error = f"Type the organisation's name, {organisation.name}, to confirm"
        else:
            name = organisation.name
            delete_organisation(organisation)
            messages.success(request, f"All of {name}'s data has been deleted.")
            return redirect("home")
    return render(
        request,
        "accounts/organisation_delete.jinja",
        {
            "page_title": "Delete the organisation's data"
            if not error
            else "Error: Delete the organisation's data",
            "organisation": organisation,
            "error": error,
            "counts": {
                "assessments": organisation.assessments.count(),
                "people": organisation.memberships.count(),
            },
        },
    )
