"""The API's show of hands: PUT replaces an element's count; results mark it."""

import pytest

from mobilise.assessments.models import HandCount, Status
from mobilise.assessments.tests.factories import AssessmentFactory, submit

pytestmark = pytest.mark.django_db


def put(api, assessment, code, body):
    return api.put(
        f"/api/v1/assessments/{assessment.id}/hands/{code}", body, content_type="application/json"
    )


def test_hands_are_recorded_and_join_the_results(facilitator_api, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    submit(assessment, 2)
    answer = put(facilitator_api, assessment, "1.1", {"levels": {"3": 4, "1": 1}, "dont_know": 2})
    assert answer.status_code == 200
    assert answer.json() == {
        "element": "1.1",
        "levels": {"0": 0, "1": 1, "2": 0, "3": 4, "4": 0},
        "dont_know": 2,
        "counted": 7,
    }
    element = facilitator_api.get(f"/api/v1/assessments/{assessment.id}/results").json()[
        "elements"
    ][0]
    assert element["distribution"] == {"0": 0, "1": 1, "2": 1, "3": 4, "4": 0}
    assert (element["dont_know"], element["counted_by_hand"]) == (2, 7)
    put(facilitator_api, assessment, "1.1", {"levels": {}})
    assert not HandCount.objects.exists()


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"levels": {"5": 1}}, ["body", "levels", "5", "[key]"]),
        ({"levels": {"1": -1}}, ["body", "levels", "1"]),
        ({"levels": {"1": 1001}}, ["body", "levels", "1"]),
        ({"levels": {"1": "2"}}, ["body", "levels", "1"]),
        ({"levels": {}, "dont_know": True}, ["body", "dont_know"]),
        ({}, ["body", "levels"]),
    ],
)
def test_bad_counts_are_422_naming_the_field(facilitator_api, facilitator, body, loc):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    answer = put(facilitator_api, assessment, "1.1", body)
    assert answer.status_code == 422
    assert loc in [e["loc"] for e in answer.json()["detail"]]
    assert not HandCount.objects.exists()


def test_refusals(facilitator_api, facilitator, outsider):
    ours = AssessmentFactory(organisation=facilitator.organisation, status=Status.CLOSED)
    theirs = AssessmentFactory(organisation=outsider.organisation)
    assert put(facilitator_api, ours, "9.9", {"levels": {}}).status_code == 404
    assert put(facilitator_api, theirs, "1.1", {"levels": {"1": 1}}).status_code == 404
    assert put(facilitator_api, ours, "1.1", {"levels": {"1": 1}}).status_code == 409
    assert not HandCount.objects.exists()
