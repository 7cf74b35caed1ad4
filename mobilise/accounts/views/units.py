"""The organisation admin's pages for units: the list, add, rename, archive and restore
(each of the last two on a confirmation page of its own)."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required, require_admin
from mobilise.accounts.forms import UnitForm
from mobilise.accounts.models import Unit
from mobilise.accounts.services import get_for_organisation
from mobilise.accounts.services import units as units_service
from mobilise.core.form_views import bound, done, handle


def _unit(request: HttpRequest, unit_id) -> Unit:
    """A unit of the admin's organisation; another organisation's is a 404 (before the role
    is considered, so that nothing is given away)."""
    unit = get_for_organisation(
        Unit.objects.annotate(assessment_count=Count("assessments")),
        request.membership.organisation,
        pk=unit_id,
    )
    require_admin(request)
    return unit


@require_safe
@member_required
def unit_list(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    units = organisation.units.annotate(assessment_count=Count("assessments"))
    return render(
        request,
        "accounts/units.jinja",
        {
            "page_title": "Units",
            "units": units.active(),
            "archived": units.filter(archived_at__isnull=False),
        },
    )


@member_required
def add(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    form = bound(request, UnitForm)

    def save(data: dict) -> HttpResponse:
        unit = units_service.add_unit(organisation, data["name"], request.user)
        return done(request, f"{unit.name} is added.", "units:list")

    if saved := handle(request, form, save):
        return saved
    return render(request, "accounts/unit_form.jinja", {"page_title": "Add a unit", "form": form})


@member_required
def rename(request: HttpRequest, unit_id) -> HttpResponse:
    unit = _unit(request, unit_id)
    before = unit.name
    form = bound(request, UnitForm, initial={"name": unit.name})

    def save(data: dict) -> HttpResponse:
        renamed = units_service.rename_unit(unit, data["name"], request.user)
        return done(request, f"{before} is now called {renamed.name}.", "units:list")

    if saved := handle(request, form, save):
        return saved
    return render(
        request,
        "accounts/unit_form.jinja",
        {"page_title": f"Rename {before}", "form": form, "unit": unit},
    )


def _confirm(request: HttpRequest, unit_id, archiving: bool) -> HttpResponse:
    unit = _unit(request, unit_id)
    if unit.is_archived == archiving:  # already done: nothing to confirm
        return redirect("units:list")
    if request.method == "POST":
        if archiving:
            units_service.archive_unit(unit, request.user)
            message = f"{unit.name} is archived. You can restore it from this page."
        else:
            units_service.restore_unit(unit, request.user)
            message = f"{unit.name} is restored."
        return done(request, message, "units:list")
    return render(
        request,
        "accounts/unit_confirm.jinja",
        {
            "page_title": f"{'Archive' if archiving else 'Restore'} {unit.name}",
            "unit": unit,
            "archiving": archiving,
        },
    )


@member_required
def archive(request: HttpRequest, unit_id) -> HttpResponse:
    return _confirm(request, unit_id, archiving=True)


@member_required
def restore(request: HttpRequest, unit_id) -> HttpResponse:
    return _confirm(request, unit_id, archiving=False)
