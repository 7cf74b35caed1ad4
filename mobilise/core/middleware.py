from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound


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
