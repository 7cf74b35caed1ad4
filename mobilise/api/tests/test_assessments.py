"""The assessments, responses, results and agreed ratings operations of the API."""

import datetime

import pytest
from django.test import Client

from mobilise.accounts.models import Unit
from mobilise.assessments.models import Assessment, Consensus, Mode, Rating, Response, Status
from mobilise.assessments.tests.factories import CODES, AssessmentFactory, full_ratings, submit

pytestmark = pytest.mark.django_db

BODY = {"unit": "Transformation team", "title": "Spring 2027", "mode": "group"}


def post(client: Client, path: str, body) -> object:
    return client.post(path, body, content_type="application/json")


def test_it_creates_an_assessment_and_its_unit(facilitator_api, facilitator):
    response = post(facilitator_api, "/api/v1/assessments", BODY)
    assert response.status_code == 201
    data = response.json()
    assert data["unit"] == "Transformation team" and data["status"] == "open"
    assert data["framework_version"] == "1.0"
    assert data["participant_url"] == f"http://testserver/take/{data['participant_token']}/"
    assert Unit.objects.filter(
        organisation=facilitator.organisation, name="Transformation team"
    ).exists()
    assert Assessment.objects.get(pk=data["id"]).organisation == facilitator.organisation


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({**BODY, "mode": "solo"}, ["body", "mode"]),
        ({**BODY, "unit": ""}, ["body", "unit"]),
        ({k: v for k, v in BODY.items() if k != "title"}, ["body", "title"]),
        ({**BODY, "closes_on": "2020-01-01"}, ["body", "closes_on"]),
        ({**BODY, "closes_on": "not a date"}, ["body", "closes_on"]),
    ],
)
def test_it_refuses_a_bad_assessment_naming_the_field(facilitator_api, body, loc):
    response = post(facilitator_api, "/api/v1/assessments", body)
    assert response.status_code == 422
    assert loc in [e["loc"] for e in response.json()["detail"]]
    assert not Assessment.objects.exists() and not Unit.objects.exists()


def test_a_malformed_body_is_a_422(facilitator_api):
    response = facilitator_api.post(
        "/api/v1/assessments", "{not json", content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]


def test_it_requires_rw_access(viewer_api):
    assert post(viewer_api, "/api/v1/assessments", BODY).status_code == 403
    # 403 comes before 422: a viewer's bad body is still refused as a viewer.
    assert post(viewer_api, "/api/v1/assessments", {}).status_code == 403
    assert not Assessment.objects.exists()


def test_it_lists_only_the_callers_organisation(facilitator_api, facilitator, outsider):
    mine = AssessmentFactory(organisation=facilitator.organisation)
    AssessmentFactory(organisation=outsider.organisation)
    data = facilitator_api.get("/api/v1/assessments").json()
    assert [a["id"] for a in data] == [str(mine.id)]


def test_it_checks_ownership(facilitator_api, outsider):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    for method, path in [
        ("get", f"/api/v1/assessments/{theirs.id}"),
        ("get", f"/api/v1/assessments/{theirs.id}/results"),
        ("post", f"/api/v1/assessments/{theirs.id}/close"),
        ("put", f"/api/v1/assessments/{theirs.id}/consensus/1.1"),
    ]:
        response = getattr(facilitator_api, method)(path, content_type="application/json")
        assert response.status_code == 404, path
        assert set(response.json()) == {"detail"}
    assert facilitator_api.get("/api/v1/assessments/not-a-uuid").status_code == 404


def test_close_and_reopen(facilitator_api, facilitator, viewer_api):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    assert viewer_api.post(f"/api/v1/assessments/{assessment.id}/close").status_code == 403
    closed = facilitator_api.post(f"/api/v1/assessments/{assessment.id}/close")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    reopened = facilitator_api.post(f"/api/v1/assessments/{assessment.id}/reopen")
    assert reopened.json()["status"] == "open"


def test_an_assessment_past_its_closing_date_reads_as_closed(facilitator_api, facilitator):
    assessment = AssessmentFactory(
        organisation=facilitator.organisation, closes_on=datetime.date(2020, 1, 1)
    )
    assert facilitator_api.get(f"/api/v1/assessments/{assessment.id}").json()["status"] == "closed"


def test_a_participant_submits_with_the_token_alone():
    assessment = AssessmentFactory()
    response = post(
        Client(), f"/api/v1/responses/{assessment.participant_token}", {"ratings": full_ratings()}
    )
    assert response.status_code == 201
    saved = Response.objects.get(pk=response.json()["response_id"])
    assert saved.ratings.count() == 23 and saved.submitted_at is not None


def test_an_unknown_token_is_a_404():
    assert post(Client(), "/api/v1/responses/nope", {"ratings": full_ratings()}).status_code == 404


def test_a_closed_assessment_is_a_409():
    assessment = AssessmentFactory(status=Status.CLOSED)
    response = post(
        Client(), f"/api/v1/responses/{assessment.participant_token}", {"ratings": full_ratings()}
    )
    assert response.status_code == 409
    assert response.json() == {"detail": "This assessment is closed"}
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("ratings", "loc"),
    [
        (full_ratings(**{"1_4": 5}), ["body", "ratings", 3, "level"]),
        (full_ratings(**{"1_4": -1}), ["body", "ratings", 3, "level"]),
        (full_ratings(**{"1_4": "high"}), ["body", "ratings", 3, "level"]),
        ([{"element": "1.1"}, *full_ratings()[1:]], ["body", "ratings", 0, "level"]),
        (
            [*full_ratings()[:-1], {"element": "9.9", "level": 1}],
            ["body", "ratings", 22, "element"],
        ),
        ([*full_ratings(), {"element": "1.1", "level": 1}], ["body", "ratings", 23, "element"]),
        (full_ratings()[:-1], ["body", "ratings"]),
        (
            [{**full_ratings()[0], "comment": "x" * 2001}, *full_ratings()[1:]],
            ["body", "ratings", 0, "comment"],
        ),
        ("not a list", ["body", "ratings"]),
    ],
)
def test_bad_responses_are_422_naming_the_field_and_nothing_is_saved(ratings, loc):
    assessment = AssessmentFactory()
    response = post(
        Client(), f"/api/v1/responses/{assessment.participant_token}", {"ratings": ratings}
    )
    assert response.status_code == 422
    assert loc in [e["loc"] for e in response.json()["detail"]]
    assert all(e["msg"] for e in response.json()["detail"])
    assert not Response.objects.exists() and not Rating.objects.exists()


def test_results_have_the_contracts_figures(facilitator_api, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    for level in [0, 1, 2, 2, None]:
        submit(assessment, {**dict.fromkeys(CODES, 3), "1.1": level})
    Consensus.objects.create(assessment=assessment, element_code="1.1", level=1, importance="high")
    data = facilitator_api.get(f"/api/v1/assessments/{assessment.id}/results").json()
    assert data["responses"] == 5 and data["hidden"] is False
    first = data["elements"][0]
    assert first == {
        "element": "1.1",
        "n": 4,
        "dont_know": 1,
        "distribution": {"0": 1, "1": 1, "2": 2, "3": 0, "4": 0},
        "median": 1.5,
        "mean": 1.25,
        "min": 0,
        "max": 2,
        "spread": False,  # 2 of 6 pairs two levels apart is not more than 2 in 5
        "counted_by_hand": 0,  # added with the show of hands (#13): an extension
        "consensus": {"level": 1, "importance": "high", "target": 3},
    }
    assert data["elements"][1]["median"] == 3 and data["elements"][1]["spread"] is False
    assert data["sections"][0] == {"section": "1", "mean": round((1.25 + 3 * 4) / 5, 2)}
    assert data["overall_mean"] == round((1.25 + 3 * 22) / 23, 2)


def test_results_in_individual_completion_are_withheld_until_three_people_answer(
    facilitator_api, facilitator
):
    assessment = AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)
    submit(assessment, 2)
    data = facilitator_api.get(f"/api/v1/assessments/{assessment.id}/results").json()
    assert data["hidden"] is True and data["elements"] == [] and data["responses"] == 1


def test_responses_posted_with_the_token_do_not_unlock_results_in_the_api(
    facilitator_api, facilitator
):
    assessment = AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)
    submit(assessment, 4)  # one participant
    for _ in range(2):  # padding by someone holding the participant token
        posted = Client().post(
            f"/api/v1/responses/{assessment.participant_token}",
            {"ratings": full_ratings(0)},
            content_type="application/json",
        )
        assert posted.status_code == 201
    data = facilitator_api.get(f"/api/v1/assessments/{assessment.id}/results").json()
    assert data["hidden"] is True and data["elements"] == [] and data["overall_mean"] is None
    assert (data["responses"], data["counted_responses"]) == (3, 1)


def test_consensus_is_recorded_with_a_default_target(facilitator_api, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    path = f"/api/v1/assessments/{assessment.id}/consensus/2.3"
    response = facilitator_api.put(
        path, {"level": 1, "importance": "high"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json() == {
        "element": "2.3",
        "level": 1,
        "importance": "high",
        "target": 3,
        "rationale": "",
    }
    again = facilitator_api.put(
        path,
        {"level": 2, "importance": "low", "target": 4, "rationale": "Agreed"},
        content_type="application/json",
    )
    assert again.json()["target"] == 4
    assert Consensus.objects.get(assessment=assessment, element_code="2.3").level == 2


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"level": 5, "importance": "high"}, ["body", "level"]),
        ({"level": 2, "importance": "urgent"}, ["body", "importance"]),
        ({"level": 2, "importance": "high", "target": 9}, ["body", "target"]),
        ({"importance": "high"}, ["body", "level"]),
    ],
)
def test_bad_consensus_is_422(facilitator_api, facilitator, body, loc):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    response = facilitator_api.put(
        f"/api/v1/assessments/{assessment.id}/consensus/1.1", body, content_type="application/json"
    )
    assert response.status_code == 422
    assert loc in [e["loc"] for e in response.json()["detail"]]
    assert not Consensus.objects.exists()


def test_consensus_on_an_unknown_element_is_a_404(facilitator_api, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    response = facilitator_api.put(
        f"/api/v1/assessments/{assessment.id}/consensus/9.9",
        {"level": 1, "importance": "low"},
        content_type="application/json",
    )
    assert response.status_code == 404


def test_viewers_cannot_agree_ratings(viewer_api, viewer):
    assessment = AssessmentFactory(organisation=viewer.organisation)
    response = viewer_api.put(
        f"/api/v1/assessments/{assessment.id}/consensus/1.1",
        {"level": 1, "importance": "low"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_every_operation_is_in_the_schema_with_its_status_codes():
    schema = Client().get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert set(paths["/api/v1/responses/{participant_token}"]["post"]["responses"]) >= {
        "201",
        "404",
        "409",
        "422",
    }
    assert set(paths["/api/v1/assessments"]["post"]["responses"]) >= {"201", "401", "403", "422"}
    body = paths["/api/v1/responses/{participant_token}"]["post"]["requestBody"]
    assert "ratings" in body["content"]["application/json"]["schema"]["properties"]
    assert "/api/v1/assessments/{assessment_id}/consensus/{element}" in paths


def test_nul_characters_are_a_422_not_a_database_error(facilitator_api):
    response = post(facilitator_api, "/api/v1/assessments", {**BODY, "unit": "Board\x00"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "unit"]
    assert not Assessment.objects.exists()


def test_a_nul_character_in_a_path_is_a_404():
    assert (
        Client()
        .post("/api/v1/responses/abc%00def", {"ratings": []}, content_type="application/json")
        .status_code
        == 404
    )
    assert Client().get("/take/abc%00def/").status_code == 404
