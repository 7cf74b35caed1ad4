"""Many participants pressing "Send" at the same moment lose nothing."""

import json
import urllib.error
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


def sender(url: str):
    def send(index: int) -> int:
        body = json.dumps({"ratings": full_ratings(index % 5)}).encode()
        request = urllib.request.Request(  # noqa: S310 - the test's own live server
            url, data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    return send


def test_200_parallel_submissions_are_all_counted(live_server, settings):
    # Every submission comes from this machine's one address: the flood limit (a burst of
    # 60 by default) is raised to let all of them through.
    settings.MOBILISE_FLOOD_BURST = SUBMISSIONS
    assessment = AssessmentFactory()
    send = sender(f"{live_server.url}/api/v1/responses/{assessment.participant_token}")

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = list(pool.map(send, range(SUBMISSIONS)))

    assert statuses == [201] * SUBMISSIONS
    assert Response.objects.filter(assessment=assessment).count() == SUBMISSIONS
    assert Rating.objects.filter(response__assessment=assessment).count() == SUBMISSIONS * 23
    results = assessment_results(assessment)
    assert results.responses == SUBMISSIONS
    assert results.element("1.1").distribution == {level: SUBMISSIONS // 5 for level in range(5)}


def test_a_parallel_flood_from_one_address_gets_exactly_the_burst(live_server, settings):
    """Threads racing for the same database-cache counters never let more through than the
    burst (the refill interval is long, so that no token comes back during the test)."""
    settings.MOBILISE_FLOOD_INTERVAL_SECONDS = 3600
    assessment = AssessmentFactory()
    send = sender(f"{live_server.url}/api/v1/responses/{assessment.participant_token}")

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = list(pool.map(send, range(100)))

    assert statuses.count(201) == 60 and statuses.count(429) == 40
    assert Response.objects.filter(assessment=assessment).count() == 60
