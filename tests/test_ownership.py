"""Every page and API operation that names an organisation's object answers 404 to a member
of another organisation, whatever the method. The URLs are discovered from the URL resolver
and the OpenAPI schema, so a new view cannot escape this test: a new kind of path
parameter makes it fail until the test knows how to fill it."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import api_client_for
from mobilise.accounts.models import Role
from mobilise.accounts.services import issue_token
from mobilise.accounts.services import people as people_service
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.plans.models import LocalAction
from mobilise.plans.services import plan as plans

pytestmark = pytest.mark.django_db

OWNED = {
    "assessment_id",
    "action_id",
    "local_id",
    "token_id",
    "membership_id",
    "invitation_id",
    "response_id",
}
# Parameters that name no organisation-owned object, with a value that is valid for them.
PLAIN = {"code": "1.1", "fmt": "pdf", "number": "1", "format": "pdf", "element": "1.1"}
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
        raise AssertionError(f"The ownership test does not know how to fill <{name}> in {route}")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


@pytest.fixture
def theirs(outsider):
    assessment = AssessmentFactory(organisation=outsider.organisation)
    action = plans.add_custom_action(
        assessment, "Their action", ["1.1"], plans.ActionFields(priority="high", given={"priority"})
    )
    local = LocalAction.objects.create(
        organisation=outsider.organisation, element_code="1.1", text="Theirs"
    )
    token, _ = issue_token(outsider.user, outsider.organisation)
    invitation, _ = people_service.invite(
        outsider.organisation, "their.person@nhs.net", Role.VIEWER, None
    )
    return {
        "membership_id": outsider.id,
        "invitation_id": invitation.id,
        "assessment_id": assessment.id,
        "action_id": action.id,
        "local_id": local.id,
        "token_id": token.id,
        "response_id": submit(assessment, 2).id,
    }


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
        assert not unknown, f"Teach tests/test_ownership.py about <{unknown}> in {route}"
    return routes


def test_the_walk_finds_the_pages_it_should():
    routes = page_routes()
    assert len(routes) >= 20
    assert "assessments/<uuid:assessment_id>/plan/actions/<uuid:action_id>/" in routes


@pytest.mark.parametrize("route", page_routes())
def test_pages_answer_404_for_another_organisations_objects(route, facilitator, theirs):
    client = Client()
    client.force_login(facilitator.user)
    url = fill(route, theirs)
    got = client.get(url).status_code
    posted = client.post(url, {}).status_code
    # POST-only views refuse a GET with 405 before they load anything.
    assert got in {404, 405} and posted in {404, 405} and 404 in {got, posted}, (url, got, posted)


def api_operations() -> list[tuple[str, str]]:
    schema = Client().get("/api/v1/openapi.json").json()
    found = []
    for path, operations in schema["paths"].items():
        names = set(re.findall(r"{(\w+)}", path))
        if names & OWNED:
            found += [(method, path) for method in operations]
    return found


def test_the_schema_lists_the_operations_it_should():
    assert len(api_operations()) >= 14


@pytest.mark.parametrize(("method", "path"), api_operations())
def test_api_operations_answer_404_for_another_organisations_objects(
    method, path, facilitator, theirs
):
    client = api_client_for(facilitator)
    url = re.sub(r"{(\w+)}", lambda m: str(theirs.get(m.group(1), PLAIN.get(m.group(1)))), path)
    response = getattr(client, method)(url, {}, content_type="application/json")
    assert response.status_code == 404, (method, url, response.status_code)
    assert set(response.json()) == {"detail"}


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


@pytest.mark.parametrize("route", member_routes())
def test_pages_for_members_send_anonymous_visitors_to_sign_in(route, theirs):
    response = Client().get(fill(route, theirs))
    if response.status_code == 405:  # POST-only: ask the way it is meant to be asked
        response = Client().post(fill(route, theirs))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/"), route


def test_member_pages_are_most_of_the_service():
    assert len(member_routes()) >= 30


PUBLIC_OPERATIONS = {
    ("get", "/api/v1/framework"),
    ("post", "/api/v1/responses/{participant_token}"),
}


def all_api_operations() -> list[tuple[str, str]]:
    schema = Client().get("/api/v1/openapi.json").json()
    return [
        (m, p) for p, ops in schema["paths"].items() for m in ops if (m, p) not in PUBLIC_OPERATIONS
    ]


@pytest.mark.parametrize(("method", "path"), all_api_operations())
def test_api_operations_need_a_token(method, path, theirs):
    url = re.sub(
        r"{(\w+)}", lambda m: str(theirs.get(m.group(1), PLAIN.get(m.group(1), "x"))), path
    )
    response = getattr(Client(), method)(url, {}, content_type="application/json")
    assert response.status_code == 401, (method, url)
    assert set(response.json()) == {"detail"}
