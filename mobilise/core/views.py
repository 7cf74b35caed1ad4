"""Pages that depend on no app: health, icon, error pages, privacy and accessibility."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def favicon(request: HttpRequest) -> HttpResponse:
    # The static URL is looked up per request: in production it is a hashed name.
    return redirect(static("nhsuk/assets/images/favicon.ico"), permanent=True)


def _error_page(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    return render(
        request,
        "core/error.jinja",
        {"page_title": title, "message": message},
        status=status,
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request,
        403,
        "You cannot do this",
        "Your role does not allow this. Ask your organisation's admin if you need it.",
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request,
        404,
        "Page not found",
        "If you typed the web address, check it is correct. "
        "If you pasted it, check you copied the whole address.",
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return _error_page(
        request, 500, "Sorry, there is a problem with the service", "Try again later."
    )


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.jinja", {"page_title": "Privacy notice"})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.jinja", {"page_title": "Accessibility statement"})
