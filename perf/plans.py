"""Time the plan pages and follow-up with realistic plans.

    .venv/bin/python perf/plans.py [--assessments 20] [--actions 40] [--runs 15]

Builds N assessments in one organisation, each with agreed ratings for all 23 elements and
a plan of M actions, in a throwaway SQLite file (or DATABASE_URL). Prints p50/p95 in
milliseconds and the number of queries; nothing is asserted.
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
from mobilise.assessments.services.consensus import set_consensus
from mobilise.assessments.services.setup import create_assessment
from mobilise.plans.services import plan as plans
from mobilise.plans.services.followup import feed_for
from perf.timing import line, timed


def build(organisation, user, count: int, actions: int, rng: random.Random):
    assessments = []
    for index in range(count):
        assessment = create_assessment(organisation, f"Team {index}", f"Cycle {index}", "group")
        framework = assessment.framework
        for element in framework.elements:
            set_consensus(
                assessment, element.code, rng.randint(0, 3), rng.choice(["low", "medium", "high"])
            )
        options = list(framework.options)
        rng.shuffle(options)
        for option in options[:actions]:
            fields = plans.ActionFields(
                priority=rng.choice(["high", "medium", "low"]),
                owner=f"Owner {rng.randint(1, 9)}",
                due_on=datetime.date.today() + datetime.timedelta(days=rng.randint(-60, 200)),
                status=rng.choice(["not_started", "in_progress", "done", "dropped"]),
                given={"priority", "owner", "due_on", "status"},
            )
            plans.add_catalogue_action(assessment, option.id, [option.element_code], fields, user)
        assessments.append(assessment)
    return assessments


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assessments", type=int, default=20)
    parser.add_argument("--actions", type=int, default=40)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    organisation, _ = Organisation.objects.get_or_create(name="Bench NHS Trust")
    user, _ = User.objects.get_or_create(username="bench")
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": Role.FACILITATOR}
    )
    start = time.perf_counter()
    assessments = build(organisation, user, args.assessments, args.actions, random.Random(2026))
    seconds = time.perf_counter() - start
    print(
        f"{connection.vendor}, {args.assessments} assessments x {args.actions} options chosen "
        f"(built in {seconds:.1f} s), {args.runs} runs each"
    )
    client = Client()
    client.force_login(user)
    one = assessments[0]
    key = feed_for(membership).key
    for name, path in [
        ("GET plan page", f"/assessments/{one.id}/plan/"),
        ("GET suggestions page", f"/assessments/{one.id}/suggestions/"),
        ("plan coverage service", None),
        ("GET follow-up (all plans)", "/follow-up/"),
        ("GET calendar feed", f"/calendar/{key}.ics"),
    ]:
        if path is None:
            line(name, *timed(lambda a=one: plans.coverage(a), args.runs))
            continue
        line(name, *timed(lambda p=path: client.get(p), args.runs))


if __name__ == "__main__":
    main()
