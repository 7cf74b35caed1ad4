"""Requests refused before any view runs: NUL characters and oversized bodies."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, JsonResponse
from django.shortcuts import render


class RefuseNulCharacters:
    """A NUL character in a path or query (`%00`) names nothing here, and PostgreSQL
    cannot compare text holding one: answer 404 before any view looks it up."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            "\x00" in request.path
            or "\x00" in request.META.get("QUERY_STRING", "")
            or any("\x00" in value for values in request.GET.lists() for value in values[1])
        ):
            return HttpResponseNotFound("Not found", content_type="text/plain")
        return self.get_response(request)


# A file uploaded through a form arrives wrapped in multipart framing.
UPLOAD_FRAMING = 64 * 1024


class RefuseOversizedBodies:
    """A body larger than the service takes answers 413 before anything reads it: Django
    would raise RequestDataTooBig wherever the body was first touched (a 500 in the API,
    a bare 400 in a form). Imports of whole assessments may be large; nothing else is."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if request.path in settings.MOBILISE_IMPORT_PATHS:
            limit = settings.MOBILISE_MAX_IMPORT_BYTES + UPLOAD_FRAMING
        elif "/evidence" in request.path:  # a file behind an agreed rating
            limit = settings.MOBILISE_MAX_EVIDENCE_BYTES + UPLOAD_FRAMING
        else:
            limit = settings.MOBILISE_MAX_BODY_BYTES
        if length > limit:
            return too_large(request, limit)
        return self.get_response(request)


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    message = f"The request is too large: send at most {limit // (1024 * 1024)} MB"
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    return render(
        request,
        "core/error.jinja",
        {"page_title": "The file or form is too large", "message": message + "."},
        status=413,
    )


# Participants' pages and answers, and the calendar feed (an organisation's actions).
PRIVATE_PATHS = ("/take/", "/api/v1/responses/", "/calendar/")


class PrivateResponses:
    """`Cache-Control: private, no-store` on every answer to a signed-in person, an API
    token or a participant: results, plans and exports must not be kept by a shared proxy
    or left in a browser's cache. Public pages and static files (answered earlier by
    whitenoise) keep their own caching."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            (user is not None and user.is_authenticated)
            or "HTTP_AUTHORIZATION" in request.META
            or request.path.startswith(PRIVATE_PATHS)
        ):
            response["Cache-Control"] = "private, no-store"
        return response
