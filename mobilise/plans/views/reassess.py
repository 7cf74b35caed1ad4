"""Reassessing a unit, and the comparison of its cycles."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments import charts
from mobilise.core.dates import uk_date
from mobilise.plans.services.reassess import comparison, start_reassessment
from mobilise.plans.views.plan import load


@require_POST
@member_required
def reassess(request: HttpRequest, assessment_id) -> HttpResponse:
    previous = load(request, assessment_id)
    require_editor(request)
    assessment = start_reassessment(previous, request.user)
    carried = assessment.plan.actions.count()
    messages.success(
        request,
        f"Reassessment started. {carried} open {'action was' if carried == 1 else 'actions were'} "
        "carried over from the last plan.",
    )
    return redirect("assessments:detail", assessment.id)


@require_safe
@member_required
def comparison_page(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    found = comparison(assessment)
    if found is None:
        raise Http404("This is the unit's first assessment")
    labels = [uk_date(c.assessment.created_at, "%b %Y") for c in found.cycles]
    return render(
        request,
        "plans/comparison.jinja",
        {
            "page_title": f"Change since the last assessment: {assessment.title}",
            "assessment": assessment,
            "framework": assessment.framework,
            "found": found,
            "trend": charts.trend(assessment.framework, labels, [c.results for c in found.cycles]),
            "labels": labels,
        },
    )
