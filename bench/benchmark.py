"""Time the benchmark across organisations as the number of taking-part organisations grows.

    .venv/bin/python bench/benchmark.py [--organisations 50 200 1000] [--units 2] [--runs 10]

Each organisation takes part, with a region and a type, and U units each with a complete
agreement (23 agreed levels) and a plan of 4 catalogue actions; built with bulk inserts in
a throwaway SQLite file (or DATABASE_URL). Prints p50/p95 in milliseconds and the number
of queries for the service and the page; nothing is asserted.
"""

import argparse
import random
import time

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

from bench.timing import line, timed
from mobilise.accounts.models import (
    Membership,
    Organisation,
    OrganisationType,
    Region,
    Role,
    Unit,
    User,
)
from mobilise.assessments.models import Assessment, Consensus
from mobilise.framework.catalogue import CURRENT_VERSION, action_key, get_framework
from mobilise.plans.models import ActionPlan, PlanAction, PlanActionElement
from mobilise.plans.services.benchmark import benchmark

STATUSES = ["not_started", "in_progress", "done"]


def build(count: int, units: int, rng: random.Random, start: int) -> Organisation:
    framework = get_framework()
    # One option per distinct action: a plan lists an action once.
    options = list({action_key(o.text): o for o in framework.options}.values())
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Bench benchmark {start + i}",
            region=rng.choice(Region.values),
            kind=rng.choice(OrganisationType.values),
            benchmarking=True,
        )
        for i in range(count)
    )
    made_units = Unit.objects.bulk_create(
        Unit(organisation=o, name=f"Unit {u}") for o in organisations for u in range(units)
    )
    assessments = Assessment.objects.bulk_create(
        Assessment(
            organisation_id=u.organisation_id,
            unit=u,
            title="Benchmark cycle",
            mode="group",
            status="closed",
            framework_version=CURRENT_VERSION,
        )
        for u in made_units
    )
    Consensus.objects.bulk_create(
        (
            Consensus(
                assessment=a,
                element_code=e.code,
                level=rng.randint(0, 4),
                importance=rng.choice(["low", "medium", "high"]),
            )
            for a in assessments
            for e in framework.elements
        ),
        batch_size=5000,
    )
    plans = ActionPlan.objects.bulk_create(ActionPlan(assessment=a) for a in assessments)
    actions = PlanAction.objects.bulk_create(
        PlanAction(
            plan=p,
            option_id=o.id,
            action_key=action_key(o.text),
            text=o.text,
            status=rng.choice(STATUSES),
        )
        for p in plans
        for o in rng.sample(options, 4)
    )
    PlanActionElement.objects.bulk_create(
        PlanActionElement(action=a, element_code=a.option_id.split("-")[0]) for a in actions
    )
    return organisations[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--units", type=int, default=2)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    print(f"{connection.vendor}, {args.units} units per organisation, {args.runs} runs each")
    built = 0
    for total in args.organisations:
        start = time.perf_counter()
        first = build(total - built, args.units, rng, built)
        built = total
        if not Membership.objects.exists():
            user = User.objects.create(username="bench-benchmark")
            Membership.objects.create(user=user, organisation=first, role=Role.VIEWER)
        user = User.objects.get(username="bench-benchmark")
        print(f"{total} organisations (built in {time.perf_counter() - start:.1f} s)")
        client = Client()
        client.force_login(user)
        line("benchmark service, all", *timed(lambda: benchmark(None), args.runs))
        line("benchmark service, by region", *timed(lambda: benchmark("region"), args.runs))
        line(
            "GET /benchmark/?by=region",
            *timed(lambda c=client: c.get("/benchmark/?by=region"), args.runs),
        )


if __name__ == "__main__":
    main()
