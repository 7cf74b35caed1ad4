"""What one full API submission costs in-process: its queries and its time, split by where
the time goes (cProfile, cumulative), on DATABASE_URL (SQLite when unset).

    scripts/with-postgres.sh .venv/bin/python perf/submission.py [--submissions 500]

Production settings and middleware, Django's test client, one address with the flood
limit's interval at a millisecond (as perf/live_session.py). Prints the queries of one
submission, the mean time per submission and the functions that take most of it, beside
`/healthz` in the same run. Nothing is asserted: the figures go in docs/performance.md.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
WORK = Path(tempfile.mkdtemp(prefix="mobilise-submission-"))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "mobilise.config.settings.production",
        "SECRET_KEY": "bench-" + "x" * 60,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(WORK / "static"),
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{WORK / 'sub.sqlite3'}"),
        "MOBILISE_FLOOD_INTERVAL_SECONDS": "0.001",
    }
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from mobilise.accounts.services import create_user  # noqa: E402
from mobilise.assessments.services.setup import create_assessment  # noqa: E402
from mobilise.framework.catalogue import get_framework  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=500)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    user = create_user("bench-facilitator", "Bench NHS Trust", "facilitator", "bench-password-2026")
    organisation = user.memberships.get().organisation
    assessment = create_assessment(organisation, "Bench unit", "Bench", "group")
    codes = [e.code for e in get_framework().elements]
    body = json.dumps(
        {"ratings": [{"element": c, "level": 3, "comment": "A comment"} for c in codes]}
    )
    path = f"/api/v1/responses/{assessment.participant_token}"
    client = Client(HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="10.0.0.1")

    def submit():
        answer = client.post(path, body, content_type="application/json")
        assert answer.status_code == 201, answer.content

    for _ in range(20):
        submit()
        client.get("/healthz")
    with CaptureQueriesContext(connection) as queries:
        submit()
    print(f"{connection.vendor}: one submission, {len(queries)} queries")
    for query in queries:
        print("  ", query["sql"][:150])

    def timed(action) -> float:
        started = time.perf_counter()
        for _ in range(args.submissions):
            action()
        return (time.perf_counter() - started) / args.submissions * 1000

    healthz = timed(lambda: client.get("/healthz"))
    submission = timed(submit)
    print(
        f"submission {submission:.2f} ms, /healthz {healthz:.2f} ms,"
        f" ratio {submission / healthz:.1f}x"
    )
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.submissions):
        submit()
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(40)
    print(out.getvalue())


if __name__ == "__main__":
    main()
