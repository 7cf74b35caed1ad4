"""The facilitator's pages: set up, share, watch live, agree, read the results."""

import segno
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments import charts
from mobilise.assessments.access import load
from mobilise.assessments.forms.consensus import ConsensusForm
from mobilise.assessments.forms.ratings import RatingsForm, level_items
from mobilise.assessments.forms.setup import NEW_UNIT, AssessmentForm
from mobilise.assessments.models import Assessment, Source, in_figures
from mobilise.assessments.services import (
    consensus,
    priorities,
    responses,
    results,
    setup,
    turnout,
)
from mobilise.core.errors import AssessmentClosed, InvalidInput


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
    form = AssessmentForm(
        request.POST if request.method == "POST" else None, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = setup.create_assessment(
                organisation,
                form.unit_name,
                form.cleaned_data["title"],
                form.cleaned_data["mode"],
                form.cleaned_data["closes_on"],
                created_by=request.user,
            )
        except InvalidInput as error:
            for problem in error.errors:
                form.add_error(
                    problem.loc[0] if problem.loc[0] in form.fields else None, problem.msg
                )
        else:
            messages.success(
                request, "Assessment created. Share the link with the people taking part."
            )
            return redirect("assessments:detail", assessment.id)
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


@member_required
def agree(request: HttpRequest, assessment_id, number: int = 1) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    framework = assessment.framework
    if number < 1 or number > len(framework.sections):
        return redirect("assessments:agree", assessment.id, 1)
    section = framework.sections[number - 1]
    # While results are hidden nothing derived from the responses is shown or pre-selected.
    found = results.assessment_results(assessment)
    existing = {c.element_code: c for c in assessment.consensus.all()}
    initial = {}
    for element in section.elements:
        key = element.code.replace(".", "_")
        agreed = existing.get(element.code)
        figures = found.element(element.code)
        suggested = figures.suggested_level if figures else None
        if agreed:
            initial.update(
                {
                    f"level_{key}": str(agreed.level),
                    f"importance_{key}": agreed.importance,
                    f"target_{key}": str(agreed.target),
                    f"rationale_{key}": agreed.rationale,
                }
            )
        elif suggested is not None:
            initial[f"level_{key}"] = str(suggested)
    form = ConsensusForm(
        request.POST if request.method == "POST" else None,
        framework=framework,
        elements=list(section.elements),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():  # a section is agreed whole or not at all
            for code, level, importance, target, rationale in form.agreed():
                consensus.set_consensus(
                    assessment, code, level, importance, target, rationale, agreed_by=request.user
                )
        if number < len(framework.sections):
            return redirect("assessments:agree", assessment.id, number + 1)
        messages.success(request, "The agreed ratings are saved.")
        return redirect("assessments:results", assessment.id)
    hidden = found.hidden
    return render(
        request,
        "assessments/agree.jinja",
        {
            "page_title": f"Agree ratings: {section.code} {section.title}",
            "assessment": assessment,
            "framework": framework,
            "section": section,
            "number": number,
            "sections": len(framework.sections),
            "form": form,
            "results": None if hidden else found,
            "hidden": hidden,
        },
    )


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
            }
        )
    return render(request, "assessments/results.jinja", context)


@member_required
def paper_entry(request: HttpRequest, assessment_id) -> HttpResponse:
    """Type in a response collected on paper; it counts like any other."""
    assessment = load(request, assessment_id)
    require_editor(request)
    framework = assessment.framework
    form = RatingsForm(
        request.POST if request.method == "POST" else None, elements=framework.elements
    )
    if request.method == "POST" and form.is_valid():
        try:
            responses.submit_response(assessment, form.answers(), source=Source.PAPER)
        except AssessmentClosed:
            form.add_error(None, "The assessment is closed: reopen it to add a response")
        else:
            messages.success(request, "The paper response is added.")
            return redirect("assessments:detail", assessment.id)
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
    return render(
        request,
        "assessments/history.jinja",
        {
            "page_title": f"History: {assessment.title}",
            "assessment": assessment,
            "entries": assessment.history.all()[:500],
        },
    )


def guide(request: HttpRequest) -> HttpResponse:
    return render(
        request, "assessments/guide.jinja", {"page_title": "How to run a self-assessment session"}
    )
