"""Floods: the API takes JSON only, and one address's burst of responses is limited."""

import pytest
from django.test import Client

from mobilise.assessments.models import Response
from mobilise.assessments.tests.factories import AssessmentFactory, full_ratings
from mobilise.core import limits

pytestmark = pytest.mark.django_db


@pytest.fixture
def now(monkeypatch):
    moment = {"t": 2_000_000.5}
    monkeypatch.setattr(limits, "clock", lambda: moment["t"])
    return moment


def send(client: Client, assessment, address: str = "192.0.2.10"):
    return client.post(
        f"/api/v1/responses/{assessment.participant_token}",
        {"ratings": full_ratings()},
        content_type="application/json",
        REMOTE_ADDR=address,
    )


def test_a_response_not_sent_as_json_is_415_and_saves_nothing(client):
    assessment = AssessmentFactory()
    import json

    for content_type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]:
        answer = client.post(
            f"/api/v1/responses/{assessment.participant_token}",
            json.dumps({"ratings": full_ratings()}),
            content_type=content_type,
        )
        assert answer.status_code == 415, content_type
        assert "application/json" in answer.json()["detail"]
    assert not Response.objects.exists()


def test_json_with_a_charset_is_taken(client):
    assessment = AssessmentFactory()
    answer = client.post(
        f"/api/v1/responses/{assessment.participant_token}",
        {"ratings": full_ratings()},
        content_type="application/json; charset=utf-8",
    )
    assert answer.status_code == 201


def test_every_operation_with_a_body_refuses_text_plain(facilitator_api, assessment):
    base = f"/api/v1/assessments/{assessment.id}"
    for method, path in [
        ("post", "/api/v1/assessments"),
        ("put", f"{base}/consensus/1.1"),
        ("post", f"{base}/plan/actions"),
        ("post", f"{base}/plan/no-action"),
        ("post", "/api/v1/assessments/import"),
    ]:
        answer = getattr(facilitator_api, method)(path, "{}", content_type="text/plain")
        assert answer.status_code == 415, path
        assert isinstance(answer.json()["detail"], str)


def test_the_61st_response_in_a_burst_is_429_with_when_to_retry(client, now):
    assessment = AssessmentFactory()
    assert [send(client, assessment).status_code for _ in range(60)] == [201] * 60
    refused = send(client, assessment)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "1"
    assert refused.json()["retry_after"] == 1
    assert "try again in 1 second" in refused.json()["detail"]
    assert Response.objects.count() == 60
    now["t"] += 1
    assert send(client, assessment).status_code == 201
    assert send(client, assessment).status_code == 429


def test_another_address_and_another_assessment_still_answer(client, now):
    assessment, other = AssessmentFactory(), AssessmentFactory()
    for _ in range(61):
        send(client, assessment)
    assert send(client, assessment).status_code == 429
    assert send(client, assessment, address="192.0.2.99").status_code == 201
    assert send(client, other).status_code == 201


def test_behind_a_proxy_each_client_has_its_own_bucket(client, now, settings):
    settings.MOBILISE_PROXY_COUNT = 1
    settings.MOBILISE_FLOOD_BURST = 2
    assessment = AssessmentFactory()

    def via_proxy(address: str):
        return client.post(
            f"/api/v1/responses/{assessment.participant_token}",
            {"ratings": full_ratings()},
            content_type="application/json",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=address,
        )

    assert [via_proxy("198.51.100.1").status_code for _ in range(3)] == [201, 201, 429]
    assert via_proxy("198.51.100.2").status_code == 201


def test_settings_override_the_burst(client, now, settings):
    settings.MOBILISE_FLOOD_BURST = 5
    assessment = AssessmentFactory()
    assert [send(client, assessment).status_code for _ in range(6)] == [201] * 5 + [429]


def test_the_schema_documents_415_and_429(client):
    schema = client.get("/api/v1/openapi.json").json()
    submit = schema["paths"]["/api/v1/responses/{participant_token}"]["post"]["responses"]
    assert {"415", "429"} <= set(submit)
    create = schema["paths"]["/api/v1/assessments"]["post"]["responses"]
    assert "415" in create


def test_expected_participants_in_and_out_and_a_response_discarded(facilitator_api):
    created = facilitator_api.post(
        "/api/v1/assessments",
        {"unit": "Team", "title": "T", "mode": "group", "expected_participants": 1},
        content_type="application/json",
    ).json()
    assert created["expected_participants"] == 1
    assessment = AssessmentFactory._meta.model.objects.get(pk=created["id"])
    from mobilise.assessments.tests.factories import submit

    submit(assessment, 2)
    twin = submit(assessment, 2)
    base = f"/api/v1/assessments/{assessment.id}"
    assert facilitator_api.get(base).json()["more_responses_than_expected"] is True
    listed = facilitator_api.get(f"{base}/responses").json()
    assert [r["label"] for r in listed] == ["A", "B"]
    assert listed[0]["levels"]["1.1"] == 2
    answer = facilitator_api.post(f"{base}/responses/{twin.id}/discard")
    assert answer.status_code == 200 and answer.json()["responses"] == 1
    assert facilitator_api.get(base).json()["responses"] == 1
    assert facilitator_api.post(f"{base}/responses/{twin.id}/discard").status_code == 404
    patched = facilitator_api.patch(
        base, {"expected_participants": 0}, content_type="application/json"
    )
    assert patched.status_code == 422
    assert patched.json()["detail"][0]["loc"] == ["body", "expected_participants"]
    patched = facilitator_api.patch(
        base, {"expected_participants": 30}, content_type="application/json"
    )
    assert patched.json()["expected_participants"] == 30


def test_responses_are_not_listed_by_the_api_while_hidden(facilitator_api, facilitator):
    from mobilise.assessments.models import Mode
    from mobilise.assessments.tests.factories import submit

    assessment = AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)
    only = submit(assessment, 2)
    base = f"/api/v1/assessments/{assessment.id}"
    assert facilitator_api.get(f"{base}/responses").status_code == 409
    assert facilitator_api.post(f"{base}/responses/{only.id}/discard").status_code == 409
