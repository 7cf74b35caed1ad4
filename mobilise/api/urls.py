"""The /api/v1 API: thin routes over the same services as the pages."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from mobilise.api import (
    assessments,
    case_studies,
    evidence,
    framework,
    me,
    plans,
    reports,
    units,
)
from mobilise.api.auth import TokenAuth
from mobilise.api.body import BodyInvalid, NotJson
from mobilise.api.errors import TooManyRequests

api = NinjaAPI(
    title="Mobilise API",
    version="1.0.0",
    description=(
        "The Knowledge Mobilisation self-assessment and action plans. JSON in, JSON out. "
        "Send `Authorization: Bearer <token>`; `python manage.py create_api_token USERNAME` "
        "makes a token."
    ),
    auth=TokenAuth(),
)
api.add_router("", framework.router)
api.add_router("", me.router)
api.add_router("", reports.router)
api.add_router("", assessments.router)
api.add_router("", plans.router)
api.add_router("", evidence.router)
api.add_router("", case_studies.router)
api.add_router("", units.router)


@api.exception_handler(BodyInvalid)
def body_invalid(request: HttpRequest, error: BodyInvalid) -> HttpResponse:
    return api.create_response(request, {"detail": error.detail}, status=422)


@api.exception_handler(NotJson)
def not_json(request: HttpRequest, error: NotJson) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": "Send the body as JSON, with Content-Type: application/json"},
        status=415,
    )


@api.exception_handler(TooManyRequests)
def too_many(request: HttpRequest, error: TooManyRequests) -> HttpResponse:
    seconds = error.refused.retry_after
    answer = api.create_response(
        request,
        {
            "detail": "Too many responses from your network to this assessment: "
            f"try again in {error.refused.in_words}",
            "retry_after": seconds,
        },
        status=429,
    )
    answer["Retry-After"] = str(seconds)
    return answer


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": [{"loc": list(e["loc"]), "msg": e["msg"]} for e in error.errors]},
        status=422,
    )


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, error: RequestDataTooBig) -> HttpResponse:
    """A backstop: core.middleware answers 413 before the body is read."""
    limit = settings.MOBILISE_MAX_BODY_BYTES // (1024 * 1024)
    return api.create_response(
        request, {"detail": f"The request is too large: send at most {limit} MB"}, status=413
    )
