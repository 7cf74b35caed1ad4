"""An organisation's data as a whole: its history of changes, an export of everything, and
deletion for good. For organisation admins only."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required, require_admin
from mobilise.accounts.forms import OrganisationSettingsForm
from mobilise.accounts.models import Membership, Organisation
from mobilise.accounts.services.organisation import update_settings
from mobilise.assessments.models import HistoryEntry
from mobilise.plans.models import LocalAction
from mobilise.reports.json_io import export_assessment


def organisation_export(organisation: Organisation) -> dict:
    return {
        "schema": "mobilise.organisation",
        "schema_version": 1,
        "exported_at": timezone.now().isoformat(),
        "organisation": organisation.name,
        "units": list(organisation.units.values_list("name", flat=True)),
        "people": [
            {"username": m.user.username, "role": m.role, "email": m.user.email}
            for m in Membership.objects.filter(organisation=organisation).select_related("user")
        ],
        "local_actions": [
            {"element": a.element_code, "text": a.text, "good_practice": a.good_practice}
            for a in LocalAction.objects.filter(organisation=organisation)
        ],
        "invitations": [
            {"email": i.email, "role": i.role, "expires_at": i.expires_at.isoformat()}
            for i in organisation.invitations.pending()
        ],
        "assessments": [
            export_assessment(a) for a in organisation.assessments.select_related("unit")
        ],
        # Changes outside any assessment; each assessment carries its own history.
        "history": [
            {
                "at": h.created_at.isoformat(),
                "by": h.actor_name,
                "summary": h.summary,
                "changes": h.changes,
            }
            for h in HistoryEntry.objects.filter(
                organisation=organisation, assessment__isnull=True
            ).order_by("created_at")
        ],
    }


@member_required
def settings_page(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    form = OrganisationSettingsForm(
        request.POST if request.method == "POST" else None,
        initial={
            "region": organisation.region,
            "kind": organisation.kind,
            "benchmarking": organisation.benchmarking,
        },
    )
    if request.method == "POST" and form.is_valid():
        update_settings(
            organisation,
            form.cleaned_data["region"],
            form.cleaned_data["kind"],
            form.cleaned_data["benchmarking"],
            request.user,
        )
        messages.success(request, "The organisation's settings are saved.")
        return redirect("home")
    return render(
        request,
        "reports/organisation_settings.jinja",
        {"page_title": "Organisation settings", "form": form},
    )


@require_safe
@member_required
def history(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    entries = (
        HistoryEntry.objects.filter(organisation=organisation)
        .select_related("assessment")
        .order_by("-created_at")[:500]
    )
    return render(
        request,
        "reports/organisation_history.jinja",
        {"page_title": "History of changes", "entries": entries},
    )


@require_safe
@member_required
def export(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    response = JsonResponse(organisation_export(organisation), json_dumps_params={"indent": 2})
    stem = f"{slugify(organisation.name)}-{timezone.now():%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="{stem}-all-data.json"'
    return response


@member_required
def delete(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    error = None
    if request.method == "POST":
        if request.POST.get("confirm", "").strip() != organisation.name:
            error = f"Type the organisation's name, {organisation.name}, to confirm"
        else:
            name = organisation.name
            with transaction.atomic():
                # Everything the organisation owns goes with it (units, assessments,
                # responses, plans, local actions, memberships, tokens); people's accounts
                # stay for their other organisations.
                organisation.delete()
            messages.success(request, f"All of {name}'s data has been deleted.")
            return redirect("home")
    return render(
        request,
        "reports/organisation_delete.jinja",
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
