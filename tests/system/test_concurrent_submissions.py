"""Many participants pressing "Send" at the same moment lose nothing."""

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from mobilise.assessments.models import Rating, Response
from mobilise.assessments.services.results import assessment_results
from mobilise.assessments.tests.factories import AssessmentFactory, full_ratings

pytestmark = pytest.mark.django_db(transaction=True)
SUBMISSIONS = 200
# The test server (Django's, in a thread) listens with a backlog of 10 connections; more
# clients at once than that get their connections reset under load, which says nothing
# about the service. perf/ drives 200 at once against gunicorn.
THREADS = 10


def test_200_parallel_submissions_are_all_counted(live_server):
    assessment = AssessmentFactory()
    url = f"{live_server.url}/api/v1/responses/{assessment.participant_token}"

    def send(index: int) -> int:
        body = json.dumps({"ratings": full_ratings(index % 5)}).encode()
        request = urllib.request.Request(  # noqa: S310 - the test's own live server
            url, data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
            return answer.status

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = list(pool.map(send, range(SUBMISSIONS)))

    assert statuses == [201] * SUBMISSIONS
    assert Response.objects.filter(assessment=assessment).count() == SUBMISSIONS
    assert Rating.objects.filter(response__assessment=assessment).count() == SUBMISSIONS * 23
    results = assessment_results(assessment)
    assert results.responses == SUBMISSIONS
    assert results.element("1.1").distribution == {level: SUBMISSIONS // 5 for level in range(5)}
