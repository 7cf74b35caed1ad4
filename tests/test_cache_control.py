"""Pages and files with an organisation's or a participant's data are never kept by a
browser's or proxy's cache; public pages and static files may be."""

import pytest

from mobilise.assessments.tests.factories import AssessmentFactory

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-store"


def test_signed_in_pages_and_files_are_not_cached(signed_in, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    paths = [
        "/",
        f"/assessments/{assessment.id}/results/",
        f"/assessments/{assessment.id}/export/csv/",
        f"/assessments/{assessment.id}/export/json/",
    ]
    for path in paths:
        answer = signed_in.get(path)
        assert answer.status_code == 200, path
        assert answer["Cache-Control"] == PRIVATE, path


def test_the_organisation_export_is_not_cached(client, admin):
    client.force_login(admin.user)
    answer = client.get("/organisation/export.json")
    assert answer.status_code == 200
    assert answer["Cache-Control"] == PRIVATE


def test_api_answers_to_a_token_are_not_cached(facilitator_api, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    for path in ("/api/v1/assessments", f"/api/v1/assessments/{assessment.id}/export/json"):
        answer = facilitator_api.get(path)
        assert answer.status_code == 200, path
        assert answer["Cache-Control"] == PRIVATE, path


def test_participant_pages_are_not_cached(client):
    assessment = AssessmentFactory()
    answer = client.get(f"/take/{assessment.participant_token}/")
    assert answer["Cache-Control"] == PRIVATE


def test_public_pages_stay_cacheable(client):
    for path in ("/privacy/", "/framework/"):
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert "no-store" not in answer.get("Cache-Control", ""), path


def test_the_calendar_feed_is_not_cached(client, facilitator):
    from mobilise.plans.services.followup import feed_for

    answer = client.get(f"/calendar/{feed_for(facilitator).key}.ics")
    assert answer.status_code == 200
    assert answer["Cache-Control"] == PRIVATE
