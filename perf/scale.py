"""The pages of a knowledge service at national scale: portfolio, results, benchmark.

    scripts/with-postgres.sh .venv/bin/python perf/scale.py [--organisations 1000]
        [--units 20] [--cycles 2] [--participants 15] [--runs 10] [--explain]

Builds the data with `generate_load_data` (on DATABASE_URL: meant for PostgreSQL), then
times each page in-process (p50/p95, queries) as a viewer of one organisation and as
platform staff, and with --explain prints PostgreSQL's plan (EXPLAIN ANALYZE) of the
slowest query of each page. Nothing is asserted.
"""

import argparse
import io
import time

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment

from mobilise.accounts.models import Membership, Organisation, Role, User
from mobilise.assessments.models import Assessment, Rating
from mobilise.benchmarking.services import refresh
from perf.timing import line, timed


def slowest_plan(client: Client, url: str) -> str:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    sql = max(captured.captured_queries, key=lambda q: float(q["time"]))["sql"]
    with connection.cursor() as cursor:
        prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
        cursor.execute(prefix + sql)
        return "\n".join("    " + " | ".join(str(c) for c in row) for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser()
    for name, default in (
        ("organisations", 1000),
        ("units", 20),
        ("cycles", 2),
        ("participants", 15),
        ("runs", 10),
    ):
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command(
        "generate_load_data",
        organisations=args.organisations,
        units=args.units,
        cycles=args.cycles,
        participants=args.participants,
        stdout=io.StringIO(),
    )
    built = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics for the planner
    print(
        f"{connection.vendor}: {Organisation.objects.count()} organisations, "
        f"{Assessment.objects.count():,} assessments, {Rating.objects.count():,} ratings "
        f"(built in {built:.0f} s)"
    )
    line("refresh_benchmark (daily)", *timed(refresh, 0))
    organisation = Organisation.objects.filter(benchmarking=True).order_by("name").first()
    viewer, _ = User.objects.get_or_create(username="scale-viewer")
    Membership.objects.get_or_create(user=viewer, organisation=organisation, role=Role.VIEWER)
    staff, _ = User.objects.get_or_create(username="scale-staff", defaults={"is_staff": True})
    assessment = organisation.assessments.order_by("-created_at").first()
    client, national = Client(), Client()
    client.force_login(viewer)
    national.force_login(staff)
    pages = [
        ("portfolio", client, "/portfolio/"),
        ("results", client, f"/assessments/{assessment.id}/results/"),
        ("benchmark by region", client, "/benchmark/?by=region"),
        ("national benchmark", national, "/benchmark/national/?by=kind"),
    ]
    for name, who, url in pages:
        who.get(url)  # the first view draws charts; later views of the same figures reuse them
        line(f"GET {name}", *timed(lambda w=who, u=url: w.get(u), args.runs))
    if args.explain:
        for name, who, url in pages:
            print(f"\nSlowest query of {name}:\n{slowest_plan(who, url)}")


if __name__ == "__main__":
    main()
