"""Time each export format for assessments of 50 participants and 40 actions.

    .venv/bin/python perf/exports.py [--participants 50[,400,...]] [--actions 40] [--runs 5]
        [--formats xlsx,json]

    # the sizes of issue #11 (the Excel workbook was quadratic in the responses):
    .venv/bin/python perf/exports.py --participants 100,400,3000 --formats xlsx --runs 1

Before anything, the Typst warm-up a gunicorn worker does when it starts (`--cold` leaves
it out). Throwaway SQLite file (or DATABASE_URL). The first run of a format also draws its charts
(later runs reuse the drawings of the same figures); both are printed. The PDFs come first,
so that "first" is the first PDF of the process. Then, in the same run, the same two PDFs
drawn by WeasyPrint from the same content (perf/weasyprint_board_paper.jinja, the engine
before ADR 0020) and the results page's HTML, with the ratios of issue #14. Nothing is
asserted.
"""

import argparse
import datetime
import os
import random
import statistics
import time
from pathlib import Path

import bootstrap  # noqa: F401 - sets Django up before anything imports it
import jinja2
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment
from weasyprint import CSS, HTML

from mobilise.accounts.models import Membership, Organisation, Role, User
from mobilise.assessments import charts
from mobilise.assessments.services.consensus import set_consensus
from mobilise.assessments.services.responses import Answer, submit_response
from mobilise.assessments.services.setup import create_assessment
from mobilise.plans.services import plan as plans
from mobilise.reports.board_paper import paper
from mobilise.reports.exports import FORMATS, export_file
from mobilise.reports.pdf import STYLESHEET, warm_up
from mobilise.reports.presenter import build_report

COMMENT_RATE = 0.1  # about one answer in ten carries a comment


def build(participants: int, actions: int, seed: int = 2026):
    rng = random.Random(seed)
    organisation, _ = Organisation.objects.get_or_create(name="Bench NHS Trust")
    user, _ = User.objects.get_or_create(username="bench")
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": Role.FACILITATOR}
    )
    assessment = create_assessment(organisation, "Bench team", f"Bench exports {seed}", "group")
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
    parser.add_argument("--no-compare", action="store_true", help="skip WeasyPrint and ratios")
    parser.add_argument("--cold", action="store_true", help="no warm-up, as gunicorn's worker does")
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    if not args.cold:
        start = time.perf_counter()
        warm_up()
        took = (time.perf_counter() - start) * 1000
        print(f"worker start (post_worker_init): warm-up {took:.1f} ms")
    formats = [f for f in args.formats.split(",") if f]
    for participants in (int(size) for size in args.participants.split(",")):
        assessment = build(participants, args.actions)
        times = measure(assessment, participants, formats, args.runs)
        if not args.no_compare:
            others = [build(participants, args.actions, seed) for seed in range(1, 4)]
            compare(assessment, others, times, args.runs)


TEMPLATE = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True
).get_template("weasyprint_board_paper.jinja")


def weasyprint_paper(assessment, length: str) -> bytes:
    """The same Board paper through WeasyPrint and matplotlib's SVG charts."""
    report = build_report(assessment)
    fw, results = report.framework, report.results
    drawn = {
        "sections": charts.section_series(fw, results).chart(),
        "elements": charts.element_series(fw, results).chart(),
    }
    html = TEMPLATE.render(d=paper(report, length), charts=drawn)
    return HTML(string=html).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
    )


def sample(fn, runs: int) -> tuple[float, float, int]:
    """The first call's milliseconds, the median of the next `runs`, the size."""
    samples, size = [], 0
    for _ in range(runs + 1):
        start = time.perf_counter()
        size = len(fn())
        samples.append((time.perf_counter() - start) * 1000)
    return samples[0], statistics.median(samples[1:]), size


def unseen(others: list, fmt: str) -> float:
    """The median of one PDF each of assessments this process has not drawn before: the
    same size, other words and figures, so that Typst's memory of a layout cannot help."""
    samples = []
    for other in others:
        start = time.perf_counter()
        export_file(other, fmt)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def compare(assessment, others: list, times: dict, runs: int) -> None:
    client = Client()
    client.force_login(User.objects.get(username="bench"))
    page = f"/assessments/{assessment.id}/results/"
    assert client.get(page).status_code == 200
    print("  same content, WeasyPrint (the engine before ADR 0020):")
    for name, length in [("pdf", "full"), ("summary-pdf", "summary")]:
        first, warm, size = sample(lambda n=length: weasyprint_paper(assessment, n), runs)
        times[f"weasyprint {name}"] = (first, warm)
        print(
            f"  {'weasyprint ' + name:<24} first {first:8.1f} ms   then p50 {warm:8.1f} ms"
            f"   {size:>8} bytes"
        )
    _, html, _ = sample(lambda: client.get(page).content, max(runs, 20))
    print(f"  {'results page HTML':<24} then p50 {html:8.1f} ms")
    for name in ["pdf", "summary-pdf"]:
        if name in times:
            fresh = unseen(others, name)
            first, warm = times[name]
            print(
                f"  {name:<24} warm, content not seen before p50 {fresh:8.1f} ms: "
                f"{fresh / html:5.1f} × the results page, first {first / fresh:4.1f} × this"
            )
    for name in ["pdf", "summary-pdf", "weasyprint pdf", "weasyprint summary-pdf"]:
        if name in times:
            first, warm = times[name]
            print(
                f"  {name:<24} {warm / html:6.1f} × the results page, "
                f"first {first / warm:4.1f} × warm"
            )


def measure(assessment, participants: int, formats: list[str], runs: int) -> dict:
    print(
        f"{connection.vendor}, {participants} participants, {assessment.plan.actions.count()} "
        f"actions, {os.cpu_count()} cores, {runs} runs each"
    )
    total_first, total_median = 0.0, 0.0
    times = {}
    for fmt in formats:
        samples, size = [], 0
        for _ in range(runs + 1):
            start = time.perf_counter()
            size = len(export_file(assessment, fmt).content)
            samples.append((time.perf_counter() - start) * 1000)
        first, warm = samples[0], statistics.median(samples[1:])
        times[fmt] = (first, warm)
        total_first += first
        total_median += warm
        slowest = max(samples[1:])
        print(
            f"  {fmt:<12} first {first:8.1f} ms   then p50 {warm:8.1f} ms   "
            f"max {slowest:8.1f} ms   {size:>8} bytes"
        )
    print(f"  {'all formats':<12} first {total_first:8.1f} ms   then p50 {total_median:8.1f} ms")
    return times


if __name__ == "__main__":
    main()
