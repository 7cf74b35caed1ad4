"""Hostile bodies are refused fast and never end in a server error: too large is 413, too
deep or too many items is 422 with a short error list, and nothing is saved."""

import json

import pytest
from django.test import Client, override_settings

from mobilise.assessments.models import Assessment, Response
from mobilise.assessments.tests.factories import full_ratings
from mobilise.plans.models import PlanAction

pytestmark = pytest.mark.django_db

NESTED = "[" * 5000 + "]" * 5000


def post(client: Client, path: str, body: str | bytes) -> object:
    return client.post(path, body, content_type="application/json")


def responses_path(assessment: Assessment) -> str:
    return f"/api/v1/responses/{assessment.participant_token}"


def test_deeply_nested_json_is_a_422_not_a_recursion_error(client, assessment):
    response = post(client, responses_path(assessment), NESTED)
    assert response.status_code == 422
    assert "nested" in response.json()["detail"][0]["msg"]
    assert not Response.objects.exists()


def test_nesting_just_past_the_limit_is_refused_and_within_it_is_parsed(client, assessment):
    deep = {"ratings": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}
    response = post(client, responses_path(assessment), json.dumps(deep))
    assert response.status_code == 422
    assert "nested more than 32" in response.json()["detail"][0]["msg"]
    shallow = {"ratings": [[[1]]]}
    response = post(client, responses_path(assessment), json.dumps(shallow))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:3] == ["body", "ratings", 0]


def test_a_body_over_the_limit_is_a_413(client, assessment):
    body = json.dumps({"ratings": full_ratings(), "padding": "x" * (1024 * 1024)})
    response = post(client, responses_path(assessment), body)
    assert response.status_code == 413
    assert "at most 1 MB" in response.json()["detail"]
    assert not Response.objects.exists()


def test_a_body_over_ten_megabytes_is_a_413_even_for_an_import(facilitator_api):
    body = b'{"x": "' + b"y" * (11 * 1024 * 1024) + b'"}'
    response = post(facilitator_api, "/api/v1/assessments/import", body)
    assert response.status_code == 413
    assert "at most 10 MB" in response.json()["detail"]
    assert not Assessment.objects.exists()


def test_an_import_may_be_larger_than_an_ordinary_body(facilitator_api):
    # Two megabytes reach the import's own checks (422: not an export), not the 413.
    body = json.dumps({"schema": "something else", "padding": "x" * (2 * 1024 * 1024)})
    response = post(facilitator_api, "/api/v1/assessments/import", body)
    assert response.status_code == 422


def test_a_page_form_over_the_limit_is_a_413_page(signed_in, assessment):
    response = signed_in.post(
        f"/assessments/{assessment.id}/", {"x": "y" * (2 * 1024 * 1024)}, follow=False
    )
    assert response.status_code == 413
    assert b"too large" in response.content


def test_deeply_nested_json_to_the_api_import_is_a_422(facilitator_api):
    response = post(facilitator_api, "/api/v1/assessments/import", NESTED)
    assert response.status_code == 422
    assert not Assessment.objects.exists()


def test_many_duplicate_ratings_are_refused_in_one_short_answer(client, assessment):
    ratings = [{"element": "1.1", "level": 2}] * 200_000
    response = post(client, responses_path(assessment), json.dumps({"ratings": ratings}))
    assert response.status_code in (413, 422)
    assert len(response.content) < 2_000
    assert not Response.objects.exists()


def test_a_list_over_its_cap_is_one_error_naming_the_field(client, assessment):
    ratings = [{"element": "1.1", "level": 2}] * 101
    response = post(client, responses_path(assessment), json.dumps({"ratings": ratings}))
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "ratings"]
    assert "at most 100" in error["msg"]


def test_many_errors_are_capped_at_twenty_and_a_count(client, assessment):
    ratings = [{"element": f"9.{i}", "level": 7} for i in range(40)]
    response = post(client, responses_path(assessment), json.dumps({"ratings": ratings}))
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert len(detail) == 21
    assert detail[-1]["msg"].startswith("… and ") and detail[-1]["msg"].endswith("more errors")


def test_an_action_naming_an_element_thousands_of_times_is_refused(facilitator_api, assessment):
    body = {"text": "Do", "elements": ["1.1"] * 100_000, "priority": "high"}
    response = post(
        facilitator_api, f"/api/v1/assessments/{assessment.id}/plan/actions", json.dumps(body)
    )
    assert response.status_code in (413, 422)
    assert len(response.content) < 2_000
    assert not PlanAction.objects.exists()


@override_settings(MOBILISE_MAX_BODY_BYTES=1024)
def test_the_limit_is_a_setting(client, assessment):
    response = post(client, responses_path(assessment), json.dumps({"x": "y" * 2000}))
    assert response.status_code == 413
