"""Timing helpers shared by the benchmarks."""

import statistics
import time
from collections.abc import Callable

from django.db import connection


def timed(fn: Callable, runs: int) -> tuple[list[float], int]:
    """Milliseconds of `runs` calls after a first, untimed one (or that first one alone when
    `runs` is 0), and the number of queries the first made. Queries are counted with a
    wrapper: the test client clears Django's query log at each request."""
    queries: list[int] = []
    with connection.execute_wrapper(lambda execute, *a: queries.append(1) or execute(*a)):
        start = time.perf_counter()
        fn()
        first = (time.perf_counter() - start) * 1000
    if runs == 0:
        return [first], len(queries)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples, len(queries)


def line(name: str, samples: list[float], queries: int) -> None:
    p95 = statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]
    p50 = statistics.median(samples)
    print(f"  {name:<40} p50 {p50:8.2f} ms  p95 {p95:8.2f} ms  {queries:4} queries")
