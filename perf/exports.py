"""Time each export format for assessments of 50 participants and 40 actions.

    .venv/bin/python perf/exports.py [--participants 50[,400,...]] [--actions 40] [--runs 5]
        [--formats xlsx,json]

    # the sizes of issue #11 (the Excel workbook was quadratic in the responses):
    .venv/bin/python perf/exports.py --participants 100,400,3000 --formats xlsx --runs 1

Throwaway SQLite file (or DATABASE_URL). The first run of a format also draws its charts
(later runs reuse the drawings of the same figures); both are printed. Nothing is asserted.
"""

import argparse
import datetime
import os
import random
import statistics
import time

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.db import connection

from mobilise.accounts.models import Organisation, User
from mobilise.assessments.services.consensus import set_consensus
from mobilise.assessments.services.responses import Answer, submit_response
from mobilise.assessments.services.setup import create_assessment
from mobilise.plans.services import plan as plans
from mobilise.reports.exports import FORMATS, export_file

COMMENT_RATE = 0.1  # about one answer in ten carries a comment


def build(participants: int, actions: int):
    rng = random.Random(2026)
    organisation, _ = Organisation.objects.get_or_create(name="Bench NHS Trust")
    user, _ = User.objects.get_or_create(username="bench")
    assessment = create_assessment(organisation, "Bench team", "Bench exports", "group")
    framework = assessment.framework
    for _ in range(participants):
        answers = [
            Answer(
                e.code,
                rng.choice([0, 1, 2, 2, 3, 3, 4, None]),
                f"Participant view on {e.code}: it depends on the team and the week"
                if rng.random() < COMMENT_RATE
                else "",
            )
            for e in framework.elements
        ]
        submit_response(assessment, answers)
    for element in framework.elements:
        set_consensus(
            assessment, element.code, rng.randint(0, 3), rng.choice(["low", "medium", "high"])
        )
    options = list(framework.options)
    rng.shuffle(options)
    chosen = 0
    for option in options:
        if chosen == actions:
            break
        fields = plans.ActionFields(
            priority=rng.choice(["high", "medium", "low"]),
            owner="Head of Knowledge and Library Services",
            due_on=datetime.date(2027, 1, 1) + datetime.timedelta(days=rng.randint(0, 300)),
            measure="Reported to the Board",
            status=rng.choice(["not_started", "in_progress", "done"]),
            given={"priority", "owner", "due_on", "measure", "status"},
        )
        _, created = plans.add_catalogue_action(
            assessment, option.id, [option.element_code], fields, user
        )
        chosen += created
    return assessment


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", default="50", help="one size or several: 100,400")
    parser.add_argument("--actions", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", default=",".join(FORMATS), help="for example xlsx,json")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    formats = [f for f in args.formats.split(",") if f]
    for participants in (int(size) for size in args.participants.split(",")):
        measure(build(participants, args.actions), participants, formats, args.runs)


def measure(assessment, participants: int, formats: list[str], runs: int) -> None:
    print(
        f"{connection.vendor}, {participants} participants, {assessment.plan.actions.count()} "
        f"actions, {os.cpu_count()} cores, {runs} runs each"
    )
    total_first, total_median = 0.0, 0.0
    for fmt in formats:
        samples, size = [], 0
        for _ in range(runs + 1):
            start = time.perf_counter()
            size = len(export_file(assessment, fmt).content)
            samples.append((time.perf_counter() - start) * 1000)
        first, warm = samples[0], statistics.median(samples[1:])
        total_first += first
        total_median += warm
        slowest = max(samples[1:])
        print(
            f"  {fmt:<12} first {first:8.1f} ms   then p50 {warm:8.1f} ms   "
            f"max {slowest:8.1f} ms   {size:>8} bytes"
        )
    print(f"  {'all formats':<12} first {total_first:8.1f} ms   then p50 {total_median:8.1f} ms")


if __name__ == "__main__":
    main()
