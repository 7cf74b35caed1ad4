"""Count the page visits and form posts it takes to build the demo plan (issue #15).

    .venv/bin/python perf/plan_visits.py

The demo plan is fifteen actions (fourteen from the catalogue, one written for the plan)
over fourteen elements, and nine elements marked No action required, each action with an
owner, a due date, a status and a success measure. It is built twice through the pages, as
a facilitator would, on two copies of the demo's agreed ratings:

- one element at a time (each element's planning page, then each action's page), the only
  way before #15;
- in one sitting: the suggestions page ticked once, the one action of the plan's own words
  on its element's page, then the plan's table for owners, due dates and statuses (success
  measures still on each action's page).

Both plans are compared, field by field, before the counts are printed; nothing is timed.
"""

import datetime

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment

from mobilise.accounts.models import Membership, User
from mobilise.assessments.models import Assessment, Consensus
from mobilise.demo.services import (
    DEMO_ACTIONS,
    DEMO_MEMBER_OWNERS,
    DEMO_NO_ACTION,
    load_demo,
)
from mobilise.plans.models import PlanAction
from mobilise.plans.services import plan as plans

MEASURE = "Reported to the transformation board"


class Counting(Client):
    def __init__(self) -> None:
        super().__init__()
        self.visits = self.posts = 0
        self.before_measures = None

    def get(self, *args, **kwargs):
        self.visits += 1
        return super().get(*args, **kwargs)

    def post(self, *args, **kwargs):
        self.posts += 1
        response = super().post(*args, **kwargs)
        assert response.status_code == 302, (args[0], response.status_code)
        return response


def copy_of(demo: Assessment, title: str) -> Assessment:
    copy = Assessment.objects.create(
        organisation=demo.organisation,
        unit=demo.unit,
        title=title,
        mode=demo.mode,
        framework_version=demo.framework_version,
        results_revealed=True,
    )
    Consensus.objects.bulk_create(
        Consensus(
            assessment=copy,
            element_code=c.element_code,
            level=c.level,
            importance=c.importance,
            target=c.target,
        )
        for c in demo.consensus.all()
    )
    return copy


def planned(start: datetime.date):
    """Each demo action as (key, elements, owner member or None, owner name, due, status)."""
    members = {m.user.username: m for m in Membership.objects.select_related("user")}
    for key, elements, status, owner, months, _ in DEMO_ACTIONS:
        member = members.get(DEMO_MEMBER_OWNERS.get(owner, ""))
        yield key, elements, member, owner, start + datetime.timedelta(days=30 * months), status


def date_fields(prefix: str, day: datetime.date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def one_element_at_a_time(client: Counting, assessment: Assessment, start) -> None:
    by_element: dict[str, list[str]] = {}
    custom: dict[str, str] = {}
    for key, elements, *_ in planned(start):
        for code in elements:
            if assessment.framework.option(key):
                option = next(
                    o
                    for o in assessment.framework.element(code).options
                    if o.action_key == assessment.framework.option(key).action_key
                )
                by_element.setdefault(code, []).append(option.id)
            else:
                custom[code] = key
    for code in sorted(set(by_element) | set(custom)):
        url = f"/assessments/{assessment.id}/plan/element/{code}/"
        client.get(url)
        client.post(
            url,
            {
                "chosen": by_element.get(code, []),
                "custom": custom.get(code, ""),
                "priority": "medium",
            },
        )
    for code, reason in DEMO_NO_ACTION.items():
        url = f"/assessments/{assessment.id}/plan/element/{code}/"
        client.get(url)
        client.post(url, {"no_action": "on", "reason": reason, "priority": "medium"})
    for action, (_, _, member, owner, due, status) in zip(
        PlanAction.objects.filter(plan__assessment=assessment).order_by("created_at"),
        sorted(planned(start), key=lambda p: first_created(assessment, p[0])),
        strict=True,
    ):
        url = f"/assessments/{assessment.id}/plan/actions/{action.id}/"
        client.get(url)
        owner_fields = {"owner_member": member.id} if member else {"owner": owner}
        client.post(
            url,
            {
                "priority": action.priority,
                **owner_fields,
                **date_fields("due_on", due),
                "measure": MEASURE,
                "status": status,
            },
        )


def first_created(assessment: Assessment, key: str):
    option = assessment.framework.option(key)
    found = PlanAction.objects.filter(plan__assessment=assessment)
    found = found.filter(action_key=option.action_key) if option else found.filter(text=key)
    return found.get().created_at


def in_one_sitting(client: Counting, assessment: Assessment, start) -> None:
    suggestions = f"/assessments/{assessment.id}/suggestions/"
    client.get(suggestions)
    chosen, custom = [], None
    for key, elements, *_ in planned(start):
        option = assessment.framework.option(key)
        for code in elements:
            if option is None:
                custom = (code, key)
                continue
            same = next(
                o
                for o in assessment.framework.element(code).options
                if o.action_key == option.action_key
            )
            chosen.append(f"{code}|{same.id}")
    chosen += [f"{code}|none" for code in DEMO_NO_ACTION]
    client.post(suggestions, {"chosen": chosen})
    code, text = custom
    url = f"/assessments/{assessment.id}/plan/element/{code}/"
    client.get(url)
    client.post(url, {"custom": text, "priority": "medium"})
    plan_url = f"/assessments/{assessment.id}/plan/"
    client.get(plan_url)
    rows = list(plans.coverage(assessment).actions_by_priority)
    wanted = {}
    for key, _, member, owner, due, status in planned(start):
        option = assessment.framework.option(key)
        wanted[option.action_key if option else key] = (member, owner, due, status)
    data = {"row-count": len(rows)}
    for index, action in enumerate(rows):
        member, owner, due, status = wanted[action.action_key or action.text]
        prefix = f"row-{index}-"
        data |= {
            prefix + "action": action.id,
            prefix + "owner": member.id if member else "",
            prefix + "priority": action.priority,
            prefix + "status": status,
            **date_fields(prefix + "due_on", due),
        }
    client.post(plan_url, data)
    client.before_measures = (client.visits, client.posts)
    # Names typed for owners without an account, and the success measures: each action's page.
    for action in rows:
        member, owner, due, status = wanted[action.action_key or action.text]
        url = f"/assessments/{assessment.id}/plan/actions/{action.id}/"
        client.get(url)
        owner_fields = {"owner_member": member.id} if member else {"owner": owner}
        client.post(
            url,
            {
                "priority": action.priority,
                **owner_fields,
                **date_fields("due_on", due),
                "measure": MEASURE,
                "status": status,
            },
        )


def summary(assessment: Assessment) -> list[tuple]:
    return sorted(
        (
            a.text,
            tuple(sorted(a.element_codes)),
            a.owner,
            a.owner_member_id,
            a.due_on,
            a.status,
            a.measure,
        )
        for a in PlanAction.objects.filter(plan__assessment=assessment).prefetch_related("elements")
    ) + sorted(plans.coverage(assessment).no_action)


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    organisation = load_demo()
    demo = Assessment.objects.filter(organisation=organisation, plan__actions__isnull=False).first()
    start = datetime.date(2026, 1, 5)
    results = {}
    for name, build in [
        ("one element at a time", one_element_at_a_time),
        ("in one sitting", in_one_sitting),
    ]:
        assessment = copy_of(demo, name)
        client = Counting()
        client.force_login(User.objects.get(username="demo-facilitator"))
        build(client, assessment, start)
        results[name] = (client.visits, client.posts, summary(assessment), client.before_measures)
    a, b = results.values()
    assert a[2] == b[2], "the two ways built different plans"
    actions = PlanAction.objects.filter(plan__assessment__title="in one sitting").count()
    print(f"The demo plan: {actions} actions, {len(DEMO_NO_ACTION)} elements No action required")
    for name, (visits, posts, _, before) in results.items():
        print(f"{name:>24}: {visits:3} page visits, {posts:3} form posts")
        if before:
            print(
                f"{'':>24}  {before[0]} visits and {before[1]} posts for every action, element, "
                "member owner, due date and status; the rest on each action's page, for its "
                "success measure and an owner's name typed"
            )


if __name__ == "__main__":
    main()
