"""Request bodies parsed inside the operation, so the API's status codes keep their order.

Ninja would validate a declared body before the operation runs, answering 422 before we
could answer 404 (another organisation's assessment) or 403 (a viewer). The contract's order
is 401, 404, 403, 422, 409, so operations load and check first, then call `parse_body`.
`documented_body` still puts the schema in the OpenAPI document.
"""

from typing import Any, TypeVar

import pydantic
from django.http import HttpRequest
from ninja import Schema

from mobilise.core.errors import FieldError
from mobilise.core.json_input import JsonRefused, parse_json

S = TypeVar("S", bound=Schema)
# A body of ours holds a few hundred values at most (a whole response: about a hundred).
MAX_VALUES = 5_000
# A 422 names at most this many fields, then says how many more there were.
MAX_ERRORS = 20


class NotJson(Exception):
    """A body that is not declared as JSON. A web page can send text/plain, a form or a
    file across sites without asking first (no CORS preflight), but not application/json:
    refusing everything else keeps other sites from posting through their visitors."""


def require_json(request: HttpRequest) -> None:
    if request.content_type != "application/json":
        raise NotJson()


class BodyInvalid(Exception):
    def __init__(self, detail: list[dict[str, Any]]) -> None:
        super().__init__("Invalid body")
        self.detail = capped(detail)


def capped(detail: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first MAX_ERRORS errors, and a last entry counting the rest."""
    if len(detail) <= MAX_ERRORS:
        return detail
    more = len(detail) - MAX_ERRORS
    return [*detail[:MAX_ERRORS], {"loc": ["body"], "msg": f"… and {more:,} more errors"}]


def load_json(request: HttpRequest, max_values: int | None = MAX_VALUES) -> Any:
    """The body as JSON: no deeper than MAX_DEPTH, no more than `max_values` values (None for
    imports, which the body's size bounds), and no NUL characters (PostgreSQL cannot store
    them). A body not sent as application/json is refused first (415)."""
    require_json(request)
    try:
        return parse_json(request.body, loc=["body"], max_values=max_values)
    except JsonRefused as error:
        raise BodyInvalid([{"loc": error.loc, "msg": error.msg}]) from error


def parse_body(request: HttpRequest, schema: type[S]) -> S:
    return validate_body(load_json(request), schema)


def validate_body(data: Any, schema: type[S]) -> S:
    """The body, already read as JSON, checked against a schema; `model_fields_set` on the
    result tells which fields the caller gave (a `null` included)."""
    if not isinstance(data, dict):
        raise BodyInvalid([{"loc": ["body"], "msg": "The body must be a JSON object"}])
    try:
        return schema.model_validate(data)
    except pydantic.ValidationError as error:
        raise BodyInvalid(
            [
                {"loc": ["body", *e["loc"]], "msg": e["msg"], "type": e["type"]}
                for e in error.errors(include_url=False)
            ]
        ) from error


def field_errors(errors: list[FieldError]) -> list[dict[str, Any]]:
    return [{"loc": ["body", *e.loc], "msg": e.msg} for e in errors]


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    return node


def documented_body(schema: type[Schema], required: bool = True) -> dict[str, Any]:
    """`openapi_extra` describing a JSON body of this schema."""
    json_schema = schema.model_json_schema()
    return {
        "requestBody": {
            "required": required,
            "content": {
                "application/json": {"schema": _inline(json_schema, json_schema.get("$defs", {}))}
            },
        }
    }
