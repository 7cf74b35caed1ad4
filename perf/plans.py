"""Time the plan pages and follow-up with realistic plans.

    .venv/bin/python perf/plans.py [--assessments 20] [--actions 40] [--runs 15]
        [--follow-up-sizes 100,10000]

Builds N assessments in one organisation, each with agreed ratings for all 23 elements and
a plan of M actions, in a throwaway SQLite file (or DATABASE_URL). Prints p50/p95 in
milliseconds and the number of queries; nothing is asserted.

Then follow-up at scale: for each size, an organisation of its own with that many open
actions (10 units, 20 members, in bulk), and a page of follow-up, filtered and not, and of
the API's list, timed in the same run, with the ratio of the largest size to the smallest.
"""

import argparse
import datetime
import random
import statistics
import time
from collections.abc import Callable

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

from mobilise.accounts.models import Membership, Organisation, Role, Unit, User
from mobilise.accounts.services import issue_token
from mobilise.assessments.models import Assessment
from mobilise.assessments.services.consensus import set_consensus
from mobilise.assessments.services.setup import create_assessment
from mobilise.framework.catalogue import CURRENT_VERSION
from mobilise.plans.models import ActionPlan, PlanAction, PlanActionElement
from mobilise.plans.services import plan as plans
from mobilise.plans.services.followup import feed_for
from perf.timing import line, timed

UNITS, MEMBERS = 10, 20


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


def open_actions_in_bulk(size: int, rng: random.Random) -> tuple[User, Unit]:
    """An organisation with `size` open actions spread over 10 units' plans and owned by
    its 20 members (one in five undated, a tenth overdue); its first member, and a unit."""
    organisation = Organisation.objects.create(name=f"Follow-up at {size:,}")
    users = [User.objects.create(username=f"owner-{size}-{i}") for i in range(MEMBERS)]
    members = [
        Membership.objects.create(user=u, organisation=organisation, role=Role.FACILITATOR)
        for u in users
    ]
    plans_by_unit = []
    for index in range(UNITS):
        unit = Unit.objects.create(organisation=organisation, name=f"Unit {index}")
        assessment = Assessment.objects.create(
            organisation=organisation,
            unit=unit,
            title=f"Unit {index}",
            mode="group",
            framework_version=CURRENT_VERSION,
        )
        plans_by_unit.append(ActionPlan.objects.create(assessment=assessment))
    today = datetime.date.today()
    actions = []
    for index in range(size):
        member = members[index % MEMBERS]
        undated = rng.random() < 0.2
        actions.append(
            PlanAction(
                plan=plans_by_unit[index % UNITS],
                text=f"Action {index}",
                owner_member=member,
                owner=member.user.username,
                due_on=None if undated else today + datetime.timedelta(days=rng.randint(-20, 180)),
                status=rng.choice(["not_started", "in_progress"]),
            )
        )
    PlanAction.objects.bulk_create(actions, batch_size=500)
    PlanActionElement.objects.bulk_create(
        [PlanActionElement(action=a, element_code="1.1") for a in actions], batch_size=500
    )
    return users[0], plans_by_unit[0].assessment.unit


def follow_up_requests(user: User, unit: Unit) -> list[tuple[str, Callable]]:
    client = Client()
    client.force_login(user)
    client.get("/follow-up/")  # creates the person's calendar feed, once
    _, raw = issue_token(user, unit.organisation)
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    return [
        ("GET /follow-up/ (page 1)", lambda: client.get("/follow-up/")),
        ("GET /follow-up/?page=4", lambda: client.get("/follow-up/?page=4")),
        (
            "GET follow-up mine+late+unit",
            lambda: client.get(f"/follow-up/?member=me&overdue=yes&unit={unit.id}"),
        ),
        ("GET /api/v1/actions", lambda: api.get("/api/v1/actions")),
        ("GET api actions mine+late", lambda: api.get("/api/v1/actions?mine=true&overdue=true")),
    ]


def follow_up_at_scale(sizes: list[int], runs: int) -> None:
    """Each request at every size in turn, run after run, so that a busy machine slows the
    sizes alike and the ratio between them means something."""
    rng = random.Random(15)
    requests = {size: follow_up_requests(*open_actions_in_bulk(size, rng)) for size in sizes}
    print(f"\nFollow-up at scale ({', '.join(f'{s:,}' for s in sizes)} open actions), {runs} runs")
    print("  (p50 ratio: the largest size's median over the smallest's)")
    for index, (name, _) in enumerate(requests[sizes[0]]):
        samples: dict[int, list[float]] = {size: [] for size in sizes}
        queries = {size: timed(requests[size][index][1], 0)[1] for size in sizes}
        for _ in range(runs):
            for size in sizes:
                samples[size] += timed(requests[size][index][1], 0)[0]
        for size in sizes:
            line(f"{name} at {size:,}", samples[size], queries[size])
        ratio = statistics.median(samples[sizes[-1]]) / statistics.median(samples[sizes[0]])
        print(f"  {'':<30} p50 ratio {ratio:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assessments", type=int, default=20)
    parser.add_argument("--actions", type=int, default=40)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--follow-up-sizes", default="100,10000")
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
    follow_up_at_scale([int(n) for n in args.follow_up_sizes.split(",")], args.runs)


if __name__ == "__main__":
    main()
