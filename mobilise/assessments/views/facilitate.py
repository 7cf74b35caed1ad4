"""The facilitator's pages: set up, share, watch live, agree, read the results."""

import segno
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments import charts, panels
from mobilise.assessments.access import load
from mobilise.assessments.forms.ratings import RatingsForm, level_items
from mobilise.assessments.forms.setup import NEW_UNIT, AssessmentForm
from mobilise.assessments.models import Assessment, Source, in_figures
from mobilise.assessments.services import (
    evidence,
    priorities,
    responses,
    results,
    setup,
    turnout,
)
from mobilise.audit.forms import HistoryFilters
from mobilise.audit.services import history as history_of
from mobilise.audit.services import people_in_history
from mobilise.core.errors import AssessmentClosed, FieldError, InvalidInput
from mobilise.core.form_views import bound, done, handle
from mobilise.core.paging import paginate


def participant_url(request: HttpRequest, assessment: Assessment) -> str:
    return request.build_absolute_uri(
        reverse("participate:start", args=[assessment.participant_token])
    )


@require_safe
@member_required
def assessment_list(request: HttpRequest) -> HttpResponse:
    assessments = (
        Assessment.objects.filter(organisation=request.membership.organisation)
        .select_related("unit")
        .order_by("-created_at")
    )
    return render(
        request,
        "assessments/list.jinja",
        {"page_title": "Assessments", "assessments": assessments},
    )


@member_required
def assessment_new(request: HttpRequest) -> HttpResponse:
    require_editor(request)
    organisation = request.membership.organisation
    form = bound(request, AssessmentForm, organisation=organisation)

    def save(data: dict) -> HttpResponse:
        assessment = setup.create_assessment(
            organisation,
            form.unit_name,
            data["title"],
            data["mode"],
            data["closes_on"],
            created_by=request.user,
        )
        return done(
            request,
            "Assessment created. Share the link with the people taking part.",
            "assessments:detail",
            assessment.id,
        )

    if saved := handle(request, form, save):
        return saved
    return render(
        request,
        "assessments/new.jinja",
        {"page_title": "Create an assessment", "form": form, "new_unit_value": NEW_UNIT},
    )


@require_safe
@member_required
def assessment_detail(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    link = participant_url(request, assessment)
    submitted = assessment.responses.in_figures().count()
    return render(
        request,
        "assessments/detail.jinja",
        {
            "page_title": assessment.title,
            "assessment": assessment,
            "link": link,
            "qr": segno.make(link, error="m").svg_data_uri(scale=4, border=2, dark="#212b32"),
            "submitted": submitted,
            "in_progress": assessment.responses.filter(submitted_at__isnull=True).count(),
            "from_paper": assessment.responses.filter(in_figures(), source=Source.PAPER).count(),
            "agreed": assessment.consensus.count(),
            "elements": len(assessment.framework.elements),
            "hidden": results.hidden_now(assessment),
            "turnout": turnout.turnout(assessment, submitted),
            "minimum": results.minimum_responses(),
        },
    )


@member_required
def assessment_delete(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    if request.method == "POST":
        setup.delete_assessment(assessment, request.user)
        messages.success(request, f"The assessment “{assessment.title}” is deleted.")
        return redirect("assessments:list")
    return render(
        request,
        "assessments/delete.jinja",
        {
            "page_title": f"Delete {assessment.title}",
            "assessment": assessment,
            "responses": assessment.responses.count(),
        },
    )


OPEN_CLOSE = {
    "close": (
        setup.close_assessment,
        "The assessment is closed: no more answers can be given or changed.",
    ),
    "reopen": (setup.reopen_assessment, "The assessment is open again."),
}


@require_POST
@member_required
def assessment_open_close(request: HttpRequest, assessment_id, change: str) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    apply, message = OPEN_CLOSE[change]
    apply(assessment, request.user)
    messages.success(request, message)
    return redirect("assessments:detail", assessment.id)


@require_POST
@member_required
def assessment_reveal(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    reveal = request.POST.get("reveal") == "yes"
    setup.reveal_results(assessment, reveal, request.user)
    messages.success(
        request,
        "Participants can now see the group's results."
        if reveal
        else "The group's results are hidden from participants.",
    )
    return redirect(
        (request.POST.get("next") == "live" and "assessments:live") or "assessments:detail",
        assessment.id,
    )


def live_context(assessment: Assessment) -> dict:
    found = results.assessment_results(assessment)
    return {
        "assessment": assessment,
        "framework": assessment.framework,
        "results": found,
        "disagreements": [e for e in found.elements if e.spread],
        "turnout": turnout.turnout(assessment, found.responses),
    }


@require_safe
@member_required
def live(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    return render(
        request,
        "assessments/live.jinja",
        {"page_title": f"Live: {assessment.title}", **live_context(assessment)},
    )


@require_safe
@member_required
def live_panel(request: HttpRequest, assessment_id) -> HttpResponse:
    """The live figures alone, fetched every few seconds by the live view's script."""
    assessment = load(request, assessment_id)
    return render(request, "assessments/live_panel.jinja", live_context(assessment))


@require_safe
@member_required
def results_page(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    framework = assessment.framework
    found = results.assessment_results(assessment)
    context = {
        "page_title": f"Results: {assessment.title}",
        "assessment": assessment,
        "framework": framework,
        "results": found,
        "turnout": turnout.turnout(assessment, found.responses),
    }
    if not found.hidden:
        ranked = priorities.priorities(framework, found)
        context.update(
            {
                "section_chart": charts.section_radar(framework, found),
                "element_chart": charts.element_radar(framework, found),
                "heat_map": charts.heat_map(framework, found),
                "agreed_means": priorities.agreed_section_means(framework, found),
                "strengths": priorities.strengths(found),
                "priorities": [r for r in ranked if r.score > 0][:5],
                "reason": lambda r: priorities.reason(framework, r.consensus),
                "comments": results.comments_by_element(assessment),
                "agreed_count": sum(1 for e in found.elements if e.consensus),
                "evidence": evidence.for_assessment(assessment),
                "panels": panels.for_results(assessment),
            }
        )
    return render(request, "assessments/results.jinja", context)


@member_required
def paper_entry(request: HttpRequest, assessment_id) -> HttpResponse:
    """Type in a response collected on paper; it counts like any other."""
    assessment = load(request, assessment_id)
    require_editor(request)
    framework = assessment.framework
    form = bound(request, RatingsForm, elements=framework.elements)

    def save(data: dict) -> HttpResponse:
        try:
            responses.submit_response(assessment, form.answers(), source=Source.PAPER)
        except AssessmentClosed as closed:
            message = "The assessment is closed: reopen it to add a response"
            raise InvalidInput([FieldError((), message)]) from closed
        return done(request, "The paper response is added.", "assessments:detail", assessment.id)

    if saved := handle(request, form, save):
        return saved
    return render(
        request,
        "assessments/paper.jinja",
        {
            "page_title": "Enter a paper response",
            "assessment": assessment,
            "framework": framework,
            "form": form,
            "items": {e.code: level_items(framework, e) for e in framework.elements},
        },
    )


@require_safe
@member_required
def history(request: HttpRequest, assessment_id) -> HttpResponse:
    """Who changed what in the assessment and its plan, newest first."""
    assessment = load(request, assessment_id)
    organisation = assessment.organisation
    form = HistoryFilters(request.GET or None, people_in_history(organisation, assessment))
    paged = paginate(history_of(organisation, assessment=assessment, **form.filters()), request.GET)
    return render(
        request,
        "assessments/history.jinja",
        {
            "page_title": f"History: {assessment.title}",
            "assessment": assessment,
            "form": form,
            "paged": paged,
        },
    )


def guide(request: HttpRequest) -> HttpResponse:
    return render(
        request, "assessments/guide.jinja", {"page_title": "How to run a self-assessment session"}
    )
