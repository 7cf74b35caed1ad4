"""Time the organisation's portfolio as the number of units grows.

    .venv/bin/python perf/portfolio.py [--units 10 50 200] [--actions 8] [--runs 15]
                                       [--case-studies 2]

For each size, an organisation of that many units, each assessed twice (agreed ratings for
all 23 elements both times, the second a reassessment of the first) with a plan of M
catalogue actions in random states per cycle, and K impact case studies written from a
done action of each unit's first plan (so each shows a score change at the second), in a
throwaway SQLite file (or DATABASE_URL).
Prints p50/p95 in milliseconds and the number of queries; nothing is asserted.
"""

import argparse
import datetime
import random
import time

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

from mobilise.accounts.models import Membership, Organisation, Role, User
from mobilise.assessments.models import Assessment, Consensus
from mobilise.assessments.services.setup import create_assessment
from mobilise.framework.catalogue import get_framework
from mobilise.plans.models import ActionStatus, CaseStudy
from mobilise.plans.services import case_studies
from mobilise.plans.services import plan as plans
from mobilise.portfolio.services import portfolio
from perf.timing import line, timed

STATUSES = ["not_started", "in_progress", "done", "dropped"]


def cycle(organisation, unit: str, previous, actions: int, rng: random.Random) -> Assessment:
    assessment = create_assessment(organisation, unit, f"{unit} cycle", "group")
    if previous is not None:
        Assessment.objects.filter(pk=assessment.pk).update(previous=previous)
    framework = assessment.framework
    Consensus.objects.bulk_create(
        Consensus(
            assessment=assessment,
            element_code=e.code,
            level=rng.randint(0, 4),
            importance=rng.choice(["low", "medium", "high"]),
        )
        for e in framework.elements
    )
    for option in rng.sample(list(framework.options), actions):
        fields = plans.ActionFields(
            status=rng.choice(STATUSES),
            due_on=datetime.date.today() + datetime.timedelta(days=rng.randint(-90, 200)),
            given={"status", "due_on"},
        )
        plans.add_catalogue_action(assessment, option.id, [option.element_code], fields)
    return assessment


def write_up(assessment: Assessment, count: int) -> None:
    """`count` case studies from the first action of the plan, made done."""
    action = assessment.plan.actions.order_by("created_at").first()
    action.status = ActionStatus.DONE
    action.save(update_fields=["status"])
    for number in range(count):
        case = CaseStudy.objects.create(
            plan=assessment.plan,
            title=f"Case study {number}",
            challenge="A challenge.",
            service_did="What the service did.",
            intervention="The intervention.",
            outcome="The outcome.",
        )
        case.actions.set([action])


def build(units: int, actions: int, cases: int = 0) -> tuple[Organisation, User]:
    organisation = Organisation.objects.create(name=f"Bench NHS Trust {units}")
    user = User.objects.create(username=f"bench-{units}")
    Membership.objects.create(user=user, organisation=organisation, role=Role.VIEWER)
    rng = random.Random(units)
    for index in range(units):
        first = cycle(organisation, f"Unit {index}", None, actions, rng)
        write_up(first, cases)
        cycle(organisation, f"Unit {index}", first, actions, rng)
    return organisation, user


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--actions", type=int, default=8)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--case-studies", type=int, default=2)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    get_framework()
    print(
        f"{connection.vendor}, {args.actions} actions per plan, "
        f"{args.case_studies} case studies per unit, {args.runs} runs each"
    )
    for units in args.units:
        start = time.perf_counter()
        organisation, user = build(units, args.actions, args.case_studies)
        seconds = time.perf_counter() - start
        print(f"{units} units, {units * 2} assessments (built in {seconds:.1f} s)")
        client = Client()
        client.force_login(user)
        line("portfolio service", *timed(lambda o=organisation: portfolio(o), args.runs))
        line(
            "case studies with their score change",
            *timed(
                lambda o=organisation: case_studies.written(case_studies.for_organisation(o)),
                args.runs,
            ),
        )
        # The first view draws the two charts; later views of the same figures reuse them.
        line("GET /portfolio/ (first view)", *timed(lambda c=client: c.get("/portfolio/"), 0))
        line("GET /portfolio/", *timed(lambda c=client: c.get("/portfolio/"), args.runs))


if __name__ == "__main__":
    main()
