"""The /api/v1 API: thin routes over the same services as the pages."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from mobilise.api import assessments, framework, me, plans, reports
from mobilise.api.auth import TokenAuth
from mobilise.api.body import BodyInvalid

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


@api.exception_handler(BodyInvalid)
def body_invalid(request: HttpRequest, error: BodyInvalid) -> HttpResponse:
    return api.create_response(request, {"detail": error.detail}, status=422)


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
