"""Reassessing a unit, and the comparison of its cycles."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments import charts
from mobilise.assessments.forms.setup import ReassessForm
from mobilise.core.dates import uk_date
from mobilise.core.form_views import bound, done, handle
from mobilise.plans.models import OPEN_STATUSES
from mobilise.plans.services.plan import plan_of
from mobilise.plans.services.reassess import comparison, start_reassessment
from mobilise.plans.views.plan import load


@member_required
def reassess(request: HttpRequest, assessment_id) -> HttpResponse:
    """The next cycle's title, mode and closing date, and whether to close this one, asked
    on a page of its own before anything is created."""
    previous = load(request, assessment_id)
    require_editor(request)
    carried = plan_of(previous).actions.filter(status__in=OPEN_STATUSES).count()
    form = bound(
        request,
        ReassessForm,
        initial={
            "title": f"{previous.unit.name}: reassessment, {uk_date(timezone.now(), '%B %Y')}",
            "mode": previous.mode,
            "close_previous": "yes",
        },
    )

    def save(data: dict) -> HttpResponse:
        assessment = start_reassessment(
            previous,
            request.user,
            data["title"],
            data["mode"],
            data["closes_on"],
            close_previous=data["close_previous"],
        )
        moved = assessment.plan.actions.count()
        return done(
            request,
            f"Reassessment started. {moved} open {'action was' if moved == 1 else 'actions were'} "
            "carried over from the last plan.",
            "assessments:detail",
            assessment.id,
        )

    if saved := handle(request, form, save):
        return saved
    return render(
        request,
        "plans/reassess.jinja",
        {
            "page_title": f"Reassess {previous.unit.name}",
            "previous": previous,
            "form": form,
            "carried": carried,
        },
    )


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
