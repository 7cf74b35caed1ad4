"""Every page and API operation that names an organisation's object answers 404 to a member
of another organisation, whatever the method. The URLs are discovered from the URL resolver
and the OpenAPI schema, so a new view cannot escape this test: a new kind of path
parameter makes it fail until the test knows how to fill it."""

import re

import pytest
from django.test import Client

from conftest import api_client_for
from mobilise.accounts.models import Role
from mobilise.accounts.services import issue_token
from mobilise.accounts.services import people as people_service
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.plans.models import LocalAction
from mobilise.plans.services import plan as plans
from tests.case_study import case_study
from tests.evidence import evidence_file
from tests.routes import PLAIN, all_api_operations, api_operations, fill, member_routes, page_routes

pytestmark = pytest.mark.django_db


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
        "unit_id": assessment.unit_id,
        "evidence_id": evidence_file(assessment).id,
        "case_id": case_study(assessment).id,
    }


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


@pytest.mark.parametrize("route", member_routes())
def test_pages_for_members_send_anonymous_visitors_to_sign_in(route, theirs):
    response = Client().get(fill(route, theirs))
    if response.status_code == 405:  # POST-only: ask the way it is meant to be asked
        response = Client().post(fill(route, theirs))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/"), route


def test_member_pages_are_most_of_the_service():
    assert len(member_routes()) >= 30


@pytest.mark.parametrize(("method", "path"), all_api_operations())
def test_api_operations_need_a_token(method, path, theirs):
    url = re.sub(
        r"{(\w+)}", lambda m: str(theirs.get(m.group(1), PLAIN.get(m.group(1), "x"))), path
    )
    response = getattr(Client(), method)(url, {}, content_type="application/json")
    assert response.status_code == 401, (method, url)
    assert set(response.json()) == {"detail"}
