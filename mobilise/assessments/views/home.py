"""The home page: the organisation's units and assessments for a signed-in member; the
framework's introduction for everyone else."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mobilise.accounts.services import current_membership
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
            "units": organisation.units.all(),
            "framework": get_framework(),
        },
    )
