"""What leaving control characters out of the files' text costs (core.text.printable):
the cleaning of a Board paper's data against the whole of each file it goes into.

    .venv/bin/python perf/printable.py [--participants 50] [--actions 40] [--runs 7]

The assessment of perf/exports.py (50 participants, 40 actions). The cleaning is timed on
its own: the Typst paper's data (every text of the PDF) and, for Word and Excel, each text
the writers pass through `printable`, counted by wrapping it. Nothing is asserted.
"""

import argparse
import statistics
import time

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.test.utils import setup_test_environment
from exports import build

from mobilise.core import text
from mobilise.reports import docx, xlsx
from mobilise.reports.board_paper import paper
from mobilise.reports.exports import export_file
from mobilise.reports.presenter import build_report


def median_ms(fn, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def cleaning_in(module, fmt: str, assessment, runs: int) -> tuple[float, float, int]:
    """The file's median time, the time spent in `printable` within it, and the texts."""
    spent, calls = [0.0], [0]
    original = module.printable

    def timed(value):
        start = time.perf_counter()
        try:
            return original(value)
        finally:
            spent[0] += time.perf_counter() - start
            calls[0] += 1

    module.printable = timed
    try:
        whole = median_ms(lambda: export_file(assessment, fmt), runs)
    finally:
        module.printable = original
    return whole, spent[0] * 1000 / runs, calls[0] // runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--actions", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    assessment = build(args.participants, args.actions)
    export_file(assessment, "pdf")  # the first PDF of the process draws its charts
    data = paper(build_report(assessment))
    clean = median_ms(lambda: text.printable_data(data), args.runs * 5)
    pdf = median_ms(lambda: export_file(assessment, "pdf"), args.runs)
    print(f"{args.participants} participants, {args.actions} actions; medians of {args.runs}")
    print(f"PDF Board paper: {pdf:.1f} ms, cleaning its data {clean:.2f} ms ({clean / pdf:.1%})")
    for module, fmt, name in ((docx, "docx", "Word Board paper"), (xlsx, "xlsx", "Excel")):
        whole, spent, calls = cleaning_in(module, fmt, assessment, args.runs)
        print(
            f"{name}: {whole:.1f} ms, cleaning {calls:,} texts {spent:.2f} ms ({spent / whole:.1%})"
        )


if __name__ == "__main__":
    main()
