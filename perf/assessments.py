"""Time the results service, the results page (with its three charts), the live panel and
submitting a response, for assessments of growing size.

    .venv/bin/python perf/assessments.py [--sizes 10 50 200 1000] [--runs 20]

Uses a throwaway SQLite file (or DATABASE_URL if set) and the in-process test client.
Prints p50 and p95 in milliseconds and the number of queries; nothing is asserted.
"""

import argparse
import os
import random
import sys
import time

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

from mobilise.accounts.models import Membership, Organisation, Role, User
from mobilise.assessments.services.responses import Answer, submit_response
from mobilise.assessments.services.results import assessment_results
from mobilise.assessments.services.setup import create_assessment
from mobilise.framework.catalogue import get_framework
from perf.timing import line, timed

CODES = [e.code for e in get_framework().elements]


def answers(rng: random.Random) -> list[Answer]:
    return [Answer(code, rng.choice([0, 1, 2, 2, 3, 3, 4, None]), "") for code in CODES]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 200, 1000])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    organisation, _ = Organisation.objects.get_or_create(name="Bench NHS Trust")
    user, _ = User.objects.get_or_create(username="bench")
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": Role.FACILITATOR}
    )
    client = Client()
    client.force_login(user)
    rng = random.Random(2026)
    python = sys.version.split()[0]
    print(f"{connection.vendor}, Python {python}, {os.cpu_count()} cores, {args.runs} runs each")
    for size in args.sizes:
        assessment = create_assessment(organisation, "Bench team", f"Bench {size}", "group")
        start = time.perf_counter()
        for _ in range(size):
            submit_response(assessment, answers(rng))
        per_submission = (time.perf_counter() - start) * 1000 / size
        print(
            f"{size} responses ({size * 23} ratings); submit_response {per_submission:.2f} ms each"
        )
        line(
            "results page, first view",
            *timed(lambda a=assessment: client.get(f"/assessments/{a.id}/results/"), 0),
        )
        line("results service", *timed(lambda a=assessment: assessment_results(a), args.runs))
        line(
            "GET results page",
            *timed(lambda a=assessment: client.get(f"/assessments/{a.id}/results/"), args.runs),
        )
        line(
            "GET live panel",
            *timed(lambda a=assessment: client.get(f"/assessments/{a.id}/live/panel/"), args.runs),
        )


if __name__ == "__main__":
    main()
