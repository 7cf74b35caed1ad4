"""Time the benchmark across organisations as the number of taking-part organisations grows:
taking the daily snapshot, and reading it.

    .venv/bin/python perf/benchmark.py [--organisations 50 200 1000] [--units 2] [--runs 10]

Each organisation takes part, with a region and a type, and U units each with a complete
agreement (23 agreed levels) and a plan of 4 catalogue actions; built by the same generator
as `generate_load_data` (one cycle, one participant) in a throwaway SQLite file (or
DATABASE_URL). Prints p50/p95 in milliseconds and the number
of queries for the service and the page; nothing is asserted.
"""

import argparse
import time

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

from mobilise.accounts.models import Membership, Organisation, Role, User
from mobilise.benchmarking.services import benchmark, refresh
from mobilise.demo.load_data import Scale, generate
from perf.timing import line, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--units", type=int, default=2)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    print(f"{connection.vendor}, {args.units} units per organisation, {args.runs} runs each")
    built = 0
    for total in args.organisations:
        start = time.perf_counter()
        scale = Scale(total - built, args.units, cycles=1, participants=1, actions=4, opted_in=1)
        generate(scale)
        built = total
        user, created = User.objects.get_or_create(username="bench-benchmark")
        if created:
            first = Organisation.objects.order_by("created_at").first()
            Membership.objects.create(user=user, organisation=first, role=Role.VIEWER)
        print(f"{total} organisations (built in {time.perf_counter() - start:.1f} s)")
        client = Client()
        client.force_login(user)
        line("refresh (daily snapshot)", *timed(refresh, min(args.runs, 3)))
        line("benchmark, by region", *timed(lambda: benchmark("region"), args.runs))
        line(
            "GET /benchmark/?by=region",
            *timed(lambda c=client: c.get("/benchmark/?by=region"), args.runs),
        )


if __name__ == "__main__":
    main()
