"""The organisation's portfolio: all its units on one page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required
from mobilise.plans.services import case_studies
from mobilise.portfolio import charts
from mobilise.portfolio.services import portfolio


@require_safe
@member_required
def portfolio_page(request: HttpRequest) -> HttpResponse:
    found = portfolio(request.membership.organisation)
    context = {
        "page_title": "Portfolio",
        "found": found,
        "framework": found.framework,
        "case_studies": case_studies.written(
            case_studies.for_organisation(request.membership.organisation)
        ),
    }
    if found.units:
        context["heat_map"] = charts.units_heat_map(
            found.framework, [(u.name, u.levels) for u in found.units]
        )
        context["distribution_chart"] = charts.units_per_level(found.framework, found.distribution)
    return render(request, "portfolio/portfolio.jinja", context)
