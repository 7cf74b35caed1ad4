"""A unit's trend over many cycles."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required
from mobilise.accounts.models import Unit
from mobilise.accounts.services import get_for_organisation
from mobilise.assessments import charts
from mobilise.core.dates import uk_date
from mobilise.plans.services.trend import MINIMUM_CYCLES, Trend, unit_trend


def load_unit(request: HttpRequest, unit_id) -> Unit:
    return get_for_organisation(Unit.objects, request.membership.organisation, pk=unit_id)


def cycle_labels(found: Trend) -> list[str]:
    return [uk_date(c.assessment.created_at, "%b %Y") for c in found.cycles]


@require_safe
@member_required
def trend_page(request: HttpRequest, unit_id) -> HttpResponse:
    unit = load_unit(request, unit_id)
    found = unit_trend(unit)
    context = {
        "page_title": f"Trend over the assessments of {unit.name}",
        "unit": unit,
        "found": found,
        "framework": found.framework,
        "minimum": MINIMUM_CYCLES,
    }
    if found.enough:
        labels = cycle_labels(found)
        context["labels"] = labels
        context["elements_chart"] = charts.small_multiples(
            labels, [(e.element, e.levels) for e in found.elements]
        )
        context["means_chart"] = charts.agreed_trend(
            labels,
            found.overall,
            [(f"{s.code} {s.title}", found.sections[s.code]) for s in found.framework.sections],
        )
    return render(request, "plans/trend.jinja", context)
