"""Time the framework pages, the framework API and export_framework, in process.

    .venv/bin/python perf/framework.py [--runs 200]

Prints the median and 95th percentile per request in milliseconds and the response size.
Uses the test settings and an in-memory database; nothing is asserted.
"""

import argparse
import io
import os
import statistics
import sys
import time

os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment

TARGETS = ["/framework/", "/framework/1.4/", "/framework/techniques/", "/api/v1/framework"]


def timed(fn, runs: int) -> list[float]:
    fn()  # warm caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, samples: list[float], size: int) -> None:
    p95 = statistics.quantiles(samples, n=20)[-1]
    print(
        f"{name:<32} p50 {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms   {size:>7} bytes"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    setup_test_environment()
    call_command("migrate", verbosity=0)
    client = Client()
    print(f"{runs} runs each, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for path in TARGETS:
        size = len(client.get(path).content)
        report(f"GET {path}", timed(lambda p=path: client.get(p), runs), size)
    for fmt in ["json", "csv"]:
        out = io.StringIO()
        call_command("export_framework", "--format", fmt, stdout=out)
        size = len(out.getvalue().encode())
        samples = timed(
            lambda f=fmt: call_command("export_framework", "--format", f, stdout=io.StringIO()),
            runs,
        )
        report(f"export_framework --format {fmt}", samples, size)


if __name__ == "__main__":
    main()
