"""The participant's journey: no account, anonymous, one page per section.

A participant's draft is found again by a random resume key, held in a signed cookie in
their browser and in the personal resume link they are shown (in its fragment, so never in
a URL a server logs); only its hash is stored.
"""

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from mobilise.assessments.forms.ratings import RatingsForm, ResumeForm, initial_from, level_items
from mobilise.assessments.models import Assessment, Response
from mobilise.assessments.services import personal_links, pre_read, responses, results
from mobilise.core.clients import client_address
from mobilise.core.errors import AssessmentClosed, InvalidInput
from mobilise.core.limits import Refused

COOKIE_MAX_AGE = 60 * 60 * 24 * 180
SALT = "mobilise.resume"


def cookie_name(assessment: Assessment) -> str:
    return f"mobilise-resume-{assessment.id}"


def remember(
    response: HttpResponse, request: HttpRequest, assessment: Assessment, key: str
) -> None:
    response.set_signed_cookie(
        cookie_name(assessment),
        key,
        salt=SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def resume_key(request: HttpRequest, assessment: Assessment) -> str | None:
    return request.get_signed_cookie(cookie_name(assessment), default=None, salt=SALT)


PERSONAL_SALT = "mobilise.personal"


def personal_cookie(assessment: Assessment) -> str:
    return f"mobilise-personal-{assessment.id}"


def personal_secret(request: HttpRequest, assessment: Assessment) -> str | None:
    return request.get_signed_cookie(personal_cookie(assessment), default=None, salt=PERSONAL_SALT)


def notice(
    request: HttpRequest, assessment: Assessment, name: str, title: str, status: int = 200
) -> HttpResponse:
    """A page that tells the participant why they cannot answer here."""
    return render(
        request, f"participate/{name}.jinja", context(assessment, page_title=title), status=status
    )


def personal_only(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    title = "This assessment takes answers through personal links"
    return notice(request, assessment, "personal_only", title, 403)


def spent(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    return notice(request, assessment, "spent", "This personal link has been used", 410)


def personal(request: HttpRequest, token: str, secret: str) -> HttpResponse:
    """A single-use personal link: remembered in a cookie, then the usual journey."""
    assessment = load(token)
    if not assessment.is_open():
        return closed(request, assessment)
    if not personal_links.is_usable(assessment, secret):
        return spent(request, assessment)
    response = redirect("participate:start", token)
    response.set_signed_cookie(
        personal_cookie(assessment),
        secret,
        salt=PERSONAL_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def load(token: str) -> Assessment:
    return get_object_or_404(
        Assessment.objects.select_related("unit", "organisation"), participant_token=token
    )


def draft_of(request: HttpRequest, assessment: Assessment) -> Response | None:
    return responses.find_draft(assessment, resume_key(request, assessment))


def context(assessment: Assessment, **extra) -> dict:
    return {
        "assessment": assessment,
        "framework": assessment.framework,
        "token": assessment.participant_token,
        "participant_page": True,
        **extra,
    }


def closed(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    return notice(request, assessment, "closed", "This assessment has closed")


def too_many(request: HttpRequest, assessment: Assessment, refused: Refused) -> HttpResponse:
    page = render(
        request,
        "participate/too_many.jinja",
        context(
            assessment,
            page_title="Too many people are answering from your network at once",
            refused=refused,
        ),
        status=429,
    )
    page["Retry-After"] = str(refused.retry_after)
    return page


def resume_url(request: HttpRequest, assessment: Assessment, key: str) -> str:
    # The key travels in the fragment, which browsers never send: no server or proxy
    # logs it beside the participant's address (ADR 0014).
    page = request.build_absolute_uri(
        reverse("participate:resume", args=[assessment.participant_token])
    )
    return f"{page}#{key}"


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, token: str) -> HttpResponse:
    assessment = load(token)
    draft = draft_of(request, assessment)
    if not assessment.is_open():
        return closed(request, assessment)
    secret = personal_secret(request, assessment)
    if draft is None and assessment.personal_links_only and secret is None:
        return personal_only(request, assessment)
    if request.method == "POST":
        if draft is None:
            if secret is not None and not personal_links.is_usable(assessment, secret):
                return spent(request, assessment)
            refused = responses.spend_start(assessment, client_address(request))
            if refused:
                return too_many(request, assessment, refused)
            try:
                draft, key = responses.start_draft(assessment)
            except AssessmentClosed:
                return closed(request, assessment)
            response = redirect("participate:section", token, 1)
            remember(response, request, assessment, key)
            return response
        return continue_answers(draft)
    return render(
        request,
        "participate/start.jinja",
        context(
            assessment,
            page_title=f"{assessment.title}: self-assessment",
            draft=draft,
            sent=draft is not None and draft.submitted_at is not None,
            can_see_results=participants_may_see(assessment),
            answered=draft.ratings.count() if draft else 0,
            elements=len(assessment.framework.elements),
            pre_read=pre_read.for_assessment(assessment),
        ),
    )


def continue_answers(draft: Response) -> HttpResponse:
    """Back to the first section with an element unanswered, or to the check page."""
    number = responses.first_section_to_answer(draft)
    token = draft.assessment.participant_token
    if number is None:
        return redirect("participate:check", token)
    return redirect("participate:section", token, number)


# A "Change" link on the check page brings this, so that saving goes back there.
RETURN_TO_CHECK = "check"


@require_http_methods(["GET", "POST"])
def resume(request: HttpRequest, token: str) -> HttpResponse:
    """Answers found again from the resume code, which comes in the body of a POST."""
    assessment = load(token)
    form = ResumeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        key = form.cleaned_data["code"]
        draft = responses.find_draft(assessment, key)
        if draft is not None:
            done = not responses.missing_elements(draft)
            response = redirect("participate:check" if done else "participate:start", token)
            remember(response, request, assessment, key)
            return response
        form.add_error("code", "No saved answers match this code. Check it and try again")
    return render(
        request,
        "participate/resume.jinja",
        context(assessment, page_title="Go back to your answers", form=form),
    )


@require_http_methods(["GET", "POST"])
def section(request: HttpRequest, token: str, number: int) -> HttpResponse:
    assessment = load(token)
    framework = assessment.framework
    if number < 1 or number > len(framework.sections):
        raise Http404("No such section")
    draft = draft_of(request, assessment)
    if draft is None:
        return redirect("participate:start", token)
    if not assessment.is_open():
        return closed(request, assessment)
    section = framework.sections[number - 1]
    elements = list(section.elements)
    saving_for_later = request.POST.get("action") == "save"
    returning = request.POST.get("return", request.GET.get("return")) == RETURN_TO_CHECK
    form = RatingsForm(
        request.POST if request.method == "POST" else None,
        elements=elements,
        require_all=not saving_for_later,
        initial=initial_from(responses.answers_of(draft)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            responses.save_answers(draft, form.answers())
        except AssessmentClosed:
            return closed(request, assessment)
        if saving_for_later:
            return redirect("participate:saved", token)
        if number < len(framework.sections) and draft.submitted_at is None and not returning:
            return redirect("participate:section", token, number + 1)
        return redirect("participate:check", token)
    answered = draft.ratings.count()
    return render(
        request,
        "participate/section.jinja",
        context(
            assessment,
            page_title=f"{section.code} {section.title}",
            form=form,
            section=section,
            number=number,
            sections=len(framework.sections),
            items={e.code: level_items(framework, e) for e in elements},
            answered=answered,
            elements=len(framework.elements),
            returning=returning,
        ),
    )


def saved(request: HttpRequest, token: str) -> HttpResponse:
    assessment = load(token)
    key = resume_key(request, assessment)
    if responses.find_draft(assessment, key) is None:
        return redirect("participate:start", token)
    return render(
        request,
        "participate/saved.jinja",
        context(
            assessment,
            page_title="Your answers are saved",
            resume_url=resume_url(request, assessment, key),
            resume_code=key,
        ),
    )


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, token: str) -> HttpResponse:
    assessment = load(token)
    draft = draft_of(request, assessment)
    if draft is None:
        return redirect("participate:start", token)
    if not assessment.is_open():
        return closed(request, assessment)
    missing = responses.missing_elements(draft)
    if request.method == "POST":
        if draft.submitted_at is None and not missing:
            refused = responses.spend_submission(assessment, client_address(request))
            if refused:
                return too_many(request, assessment, refused)
        secret = personal_secret(request, assessment)
        if draft.submitted_at is None and secret is None and assessment.personal_links_only:
            return personal_only(request, assessment)
        try:
            with transaction.atomic():
                personal = draft.submitted_at is None and secret is not None and not missing
                if personal and not personal_links.spend(assessment, secret):
                    return spent(request, assessment)
                responses.submit_draft(draft)
        except AssessmentClosed:
            return closed(request, assessment)
        except InvalidInput:
            pass  # the page below lists what is missing
        else:
            return redirect("participate:done", token)
    return render(
        request,
        "participate/check.jinja",
        context(
            assessment,
            page_title="Check your answers",
            answers=responses.answers_of(draft),
            missing=missing,
            submitted=draft.submitted_at is not None,
            tried=request.method == "POST",
        ),
    )


def done(request: HttpRequest, token: str) -> HttpResponse:
    assessment = load(token)
    key = resume_key(request, assessment)
    draft = responses.find_draft(assessment, key)
    if draft is None or draft.submitted_at is None:
        return redirect("participate:start", token)
    return render(
        request,
        "participate/done.jinja",
        context(
            assessment,
            page_title="Your answers have been sent",
            resume_url=resume_url(request, assessment, key),
            resume_code=key,
            can_see_results=participants_may_see(assessment),
        ),
    )


def participants_may_see(assessment: Assessment) -> bool:
    if not assessment.results_revealed:
        return False
    return not results.hidden_now(assessment)


def group_results(request: HttpRequest, token: str) -> HttpResponse:
    assessment = load(token)
    if not participants_may_see(assessment):
        return render(
            request,
            "participate/results_hidden.jinja",
            context(assessment, page_title="The group's results are not shown yet"),
        )
    return render(
        request,
        "participate/results.jinja",
        context(
            assessment,
            page_title="The group's results",
            results=results.assessment_results(assessment),
        ),
    )
