"""The home page: the organisation's units and assessments for a signed-in member; the
framework's introduction for everyone else."""

from django.db.models import OuterRef, Subquery, UUIDField
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mobilise.accounts.models import Organisation
from mobilise.accounts.services import current_membership
from mobilise.assessments.models import Assessment
from mobilise.framework.catalogue import get_framework
from mobilise.framework.views import start


def home(request: HttpRequest) -> HttpResponse:
    membership = current_membership(request)
    if membership is None:
        return start(request)
    organisation = membership.organisation
    return render(
        request,
        "assessments/home.jinja",
        {
            "page_title": organisation.name,
            "organisation": organisation,
            "units": units_with_latest(organisation),
            "framework": get_framework(),
        },
    )


def units_with_latest(organisation: Organisation):
    """The organisation's units that are not archived, each with `latest_id`: its most
    recent assessment, which the home page links to (None before its first)."""
    latest = Assessment.objects.filter(unit=OuterRef("pk")).order_by("-created_at", "-pk")
    return organisation.units.active().annotate(
        # Named output field: SQLite gives a foreign key's subquery back as text.
        latest_id=Subquery(latest.values("pk")[:1], output_field=UUIDField())
    )
