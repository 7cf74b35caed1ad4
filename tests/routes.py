"""Every route of the service, found by walking the URL resolver and the OpenAPI schema,
for the tests that check each one (ownership, roles). A new kind of path parameter makes
them fail until this module knows how to fill it."""

import re

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

OWNED = {
    "assessment_id",
    "action_id",
    "local_id",
    "token_id",
    "membership_id",
    "invitation_id",
    "response_id",
    "unit_id",
    "evidence_id",
    "case_id",
}


# Parameters that name no organisation-owned object, with a value that is valid for them.
PLAIN = {
    "code": "1.1",
    "fmt": "pdf",
    "number": "1",
    "format": "pdf",
    "element": "1.1",
    "version": "1",
}


# Anonymous participant pages are reached by a secret token, not through an organisation.
PUBLIC_TOKENS = {"token", "key", "participant_token"}


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def fill(route: str, values: dict) -> str:
    def value(match: re.Match) -> str:
        name = match.group(2)
        if name in values:
            return str(values[name])
        if name in PLAIN:
            return PLAIN[name]
        raise AssertionError(f"The route walks do not know how to fill <{name}> in {route}")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


def page_routes() -> list[str]:
    routes = []
    for route in walk(get_resolver().url_patterns):
        names = set(re.findall(r"<(?:\w+:)?(\w+)>", route))
        if route.startswith("api/") or route.startswith("django-admin") or names & PUBLIC_TOKENS:
            continue
        if names & OWNED:
            routes.append(route)
        # Any other identifier in a path must be taught to this test before it can pass.
        unknown = {n for n in re.findall(r"<uuid:(\w+)>", route) if n not in OWNED}
        assert not unknown, f"Teach tests/routes.py about <{unknown}> in {route}"
    return routes


def api_operations() -> list[tuple[str, str]]:
    schema = Client().get("/api/v1/openapi.json").json()
    found = []
    for path, operations in schema["paths"].items():
        names = set(re.findall(r"{(\w+)}", path))
        if names & OWNED:
            found += [(method, path) for method in operations]
    return found


# Pages anyone may open: the participant's (by secret token), the framework, the feed (by
# secret key) and the service's own information pages.
PUBLIC_PREFIXES = ("take/", "framework/", "calendar/", "api/", "django-admin")


PUBLIC_PAGES = {
    "",
    "healthz",
    "favicon.ico",
    "privacy/",
    "accessibility/",
    "accounts/login/",
    "accounts/logout/",
    "accounts/sso/start/",
    "accounts/sso/callback/",
    "accounts/sso/failed/",
    "accounts/invitation/<str:key>/",
    "assessments/guide/",
}


def member_routes() -> list[str]:
    return [
        route
        for route in walk(get_resolver().url_patterns)
        if not route.startswith(PUBLIC_PREFIXES) and route not in PUBLIC_PAGES
    ]


PUBLIC_OPERATIONS = {
    ("get", "/api/v1/framework"),
    ("post", "/api/v1/responses/{participant_token}"),
}


def all_api_operations() -> list[tuple[str, str]]:
    schema = Client().get("/api/v1/openapi.json").json()
    return [
        (m, p) for p, ops in schema["paths"].items() for m in ops if (m, p) not in PUBLIC_OPERATIONS
    ]
