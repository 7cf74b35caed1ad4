"""How many answered against how many were expected; discarding a response."""

import csv

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments.forms.turnout import ExpectedForm, PersonalLinksForm
from mobilise.assessments.services import personal_links, results, turnout
from mobilise.assessments.views.facilitate import load
from mobilise.core.form_views import bound, done, handle


@member_required
def expected(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    form = bound(
        request, ExpectedForm, initial={"expected_participants": assessment.expected_participants}
    )

    def save(data: dict) -> HttpResponse:
        turnout.set_expected(assessment, data["expected_participants"], request.user)
        return done(
            request, "The number of people expected is saved.", "assessments:detail", assessment.id
        )

    if saved := handle(request, form, save):
        return saved
    return render(
        request,
        "assessments/expected.jinja",
        {"page_title": "People expected to answer", "assessment": assessment, "form": form},
    )


def _hidden(assessment) -> bool:
    return results.hidden_now(assessment)


@require_safe
@member_required
def response_list(request: HttpRequest, assessment_id) -> HttpResponse:
    """Viewers may read it (as they may the exports); only editors discard."""
    assessment = load(request, assessment_id)
    hidden = _hidden(assessment)
    return render(
        request,
        "assessments/responses.jinja",
        {
            "page_title": f"Responses: {assessment.title}",
            "assessment": assessment,
            "hidden": hidden,
            "choices": [] if hidden else turnout.choices(assessment),
            "codes": [e.code for e in assessment.framework.elements],
            "turnout": turnout.turnout(assessment),
            "minimum": results.minimum_responses(),
        },
    )


@member_required
def discard(request: HttpRequest, assessment_id, response_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    if _hidden(assessment):
        raise Http404("Responses are not shown while results are hidden")
    choice = next((c for c in turnout.choices(assessment) if c.response.id == response_id), None)
    if choice is None:
        raise Http404("No such response")
    if request.method == "POST":
        turnout.discard(assessment, choice.response, request.user)
        messages.success(request, f"Response {choice.label} is discarded: it no longer counts.")
        return redirect("assessments:responses", assessment.id)
    return render(
        request,
        "assessments/discard.jinja",
        {
            "page_title": f"Discard response {choice.label}?",
            "assessment": assessment,
            "choice": choice,
            "codes": [e.code for e in assessment.framework.elements],
        },
    )


@member_required
def links(request: HttpRequest, assessment_id) -> HttpResponse:
    """Issue single-use personal links: shown once (page or CSV), or sent by e-mail."""
    assessment = load(request, assessment_id)
    require_editor(request)
    form = PersonalLinksForm(request.POST if request.method == "POST" else None)
    issued, used = personal_links.counts(assessment)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        only = data["only_personal"] == "yes"

        def url_for(secret: str) -> str:
            return request.build_absolute_uri(
                reverse("participate:personal", args=[assessment.participant_token, secret])
            )

        if data["addresses"]:
            sent, refused = personal_links.send_links(
                assessment, data["addresses"], only, url_for, request.user
            )
            messages.success(request, f"Sent {sent} personal link{'s' if sent != 1 else ''}.")
            if refused:
                messages.warning(
                    request,
                    f"The mail server refused {refused} of the e-mails, so their links were "
                    "withdrawn: try those addresses again later.",
                )
            return redirect("assessments:links", assessment.id)
        made = [
            url_for(s) for s in personal_links.issue(assessment, data["count"], only, request.user)
        ]
        if data["output"] == "csv":
            answer = HttpResponse(content_type="text/csv; charset=utf-8")
            answer["Content-Disposition"] = 'attachment; filename="personal-links.csv"'
            writer = csv.writer(answer)
            writer.writerow(["personal_link"])
            writer.writerows([link] for link in made)
        else:
            answer = render(
                request,
                "assessments/links_issued.jinja",
                {"page_title": "Your personal links", "assessment": assessment, "made": made},
            )
        # Shown once: never kept by a browser or proxy cache.
        answer["Cache-Control"] = "private, no-store"
        return answer
    return render(
        request,
        "assessments/links.jinja",
        {
            "page_title": "Personal links",
            "assessment": assessment,
            "form": form,
            "issued": issued,
            "used": used,
        },
    )
