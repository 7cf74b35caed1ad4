"""The presenter screen, made to be projected, and the pages that drive it (ADR 0017).

Any member may open the screen and follow it; only editors change what it shows. The
rules are in `services/presenter.py`: these views only translate requests and answers.
"""

import segno
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments.access import load
from mobilise.assessments.models import Assessment, PresenterOrder
from mobilise.assessments.services import presenter
from mobilise.assessments.views.facilitate import participant_url
from mobilise.core.errors import InvalidInput

POLL_MS = 2000


def _screen_context(request: HttpRequest, assessment: Assessment) -> dict:
    link = participant_url(request, assessment)
    shown = presenter.screen(assessment)
    return {
        "assessment": assessment,
        "framework": assessment.framework,
        "screen": shown,
        "etag": presenter.etag(shown.state, shown.turnout),
        "can_drive": request.membership.can_edit,
        "short_link": link.split("://", 1)[-1],
        "qr": segno.make(link, error="m").svg_data_uri(scale=10, border=2, dark="#212b32"),
        "poll_ms": POLL_MS,
        "median_words": presenter.median_in_words,
    }


@require_safe
@member_required
def present(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    return render(
        request,
        "assessments/present.jinja",
        {"page_title": f"Presenter: {assessment.title}", **_screen_context(request, assessment)},
    )


@require_safe
@member_required
def present_panel(request: HttpRequest, assessment_id) -> HttpResponse:
    """The screen's content alone, fetched by its script when the state has changed."""
    assessment = load(request, assessment_id)
    return render(request, "assessments/present_panel.jinja", _screen_context(request, assessment))


@require_safe
@member_required
def present_state(request: HttpRequest, assessment_id) -> HttpResponse:
    """A small answer polled every 2 s: 304 while nothing has changed."""
    assessment = load(request, assessment_id)
    polled = presenter.poll(assessment)
    tag = polled.etag
    if tag in _tags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        response = JsonResponse(polled.as_dict(assessment.framework))
    response["ETag"] = tag
    return response


def _tags(header: str) -> set[str]:
    return {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}


@require_safe
@member_required
def present_controls(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    shown = presenter.screen(assessment)
    return render(
        request,
        "assessments/present_controls.jinja",
        {
            "page_title": f"Presenter controls: {assessment.title}",
            "assessment": assessment,
            "framework": assessment.framework,
            "screen": shown,
            "sequence": presenter.sequence(assessment, shown.state),
            "etag": presenter.etag(shown.state, shown.turnout),
            "orders": PresenterOrder.choices,
            "poll_ms": POLL_MS,
        },
    )


def _changes(request: HttpRequest, assessment: Assessment) -> dict:
    element = request.POST.get("element", "").strip()

    def here() -> str:
        return element or presenter.state_for(assessment).position

    return {
        "next": lambda: presenter.next_element(assessment),
        "previous": lambda: presenter.previous_element(assessment),
        "go": lambda: presenter.go_to(assessment, element),
        "reveal": lambda: presenter.reveal(assessment, here(), request.user),
        "hide": lambda: presenter.hide(assessment, here(), request.user),
        "reveal-all": lambda: presenter.reveal(assessment, None, request.user),
        "hide-all": lambda: presenter.hide(assessment, None, request.user),
        "order": lambda: presenter.set_order(assessment, request.POST.get("order", "")),
    }


def _refuse(request: HttpRequest, message: str) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": message}, status=400)
    return render(
        request,
        "core/error.jinja",
        {"page_title": "That change cannot be made", "message": message},
        status=400,
    )


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_POST
@member_required
def present_change(request: HttpRequest, assessment_id) -> HttpResponse:
    """Every change to what the screen shows, from the controls page or the screen's keys."""
    assessment = load(request, assessment_id)
    require_editor(request)
    change = _changes(request, assessment).get(request.POST.get("do", ""))
    if change is None:
        return _refuse(request, "Choose what to change: next, previous, reveal, hide or order.")
    try:
        change()
    except presenter.UnknownElement as error:
        if not error.code:
            return _refuse(request, "Move to an element first: the join screen has no answers.")
        raise Http404(str(error)) from error
    except InvalidInput as error:
        return _refuse(request, str(error) + ".")
    if _wants_json(request):
        return JsonResponse(presenter.poll(assessment).as_dict(assessment.framework))
    back = "assessments:present-controls" if request.POST.get("from") == "controls" else None
    return redirect(back or "assessments:present", assessment.id)
