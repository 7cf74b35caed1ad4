"""A live group session under load, against gunicorn as `make serve` runs it.

    scripts/with-postgres.sh .venv/bin/python perf/live_session.py [--participants 200]
        [--concurrency 50 200] [--requests 2000]

Starts gunicorn (production settings, with perf/ceiling.py beside the service) on
DATABASE_URL (a throwaway SQLite file when unset), then, for each concurrency:
1. the session: that many simulated participants at once, each opening the assessment,
   starting, fetching the four section pages and submitting a full response (23 ratings,
   as JSON through the API), while a facilitator's live view polls every second, the
   presenter screen polls its state every 2 s (with If-None-Match, fetching its panel only
   when the state changed) and the facilitator's controls poll it too, moving the screen
   on every 10 s;
2. four throughput runs with the same number of clients and the same load generator:
   full submissions, `/healthz`, the presenter's state poll (signed in, with the current
   ETag, so answered 304) and the ceiling (the same JSON, the same rows, plain SQL).
Prints requests per second, p50/p95/p99 latency in milliseconds, errors, and the share of
polls answered 304. Nothing is asserted: the figures go in docs/performance.md.
"""

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
WORK = Path(tempfile.mkdtemp(prefix="mobilise-load-"))
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "mobilise.config.settings.production",
    "SECRET_KEY": "bench-" + "x" * 60,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "STATIC_ROOT": str(WORK / "static"),
    "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{WORK / 'load.sqlite3'}"),
    "PYTHONPATH": str(REPO),
    # Every simulated participant comes from this one address: a token every millisecond
    # instead of every second (ADR 0013), or the throughput run would measure 429s.
    "MOBILISE_FLOOD_INTERVAL_SECONDS": os.environ.get("MOBILISE_FLOOD_INTERVAL_SECONDS", "0.001"),
}
os.environ.update(ENV)

import django  # noqa: E402

django.setup()

from mobilise.accounts.services import create_user  # noqa: E402
from mobilise.assessments.services.setup import create_assessment  # noqa: E402
from mobilise.framework.catalogue import get_framework  # noqa: E402

CODES = [e.code for e in get_framework().elements]
PORT = 8765


class Client:
    """One browser: a keep-alive connection and its cookies."""

    def __init__(self) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        self.cookies: dict[str, str] = {}
        self.last_etag = ""

    def request(self, method: str, path: str, body=None, headers=None) -> tuple[int, str, float]:
        headers = {
            "X-Forwarded-Proto": "https",  # behind the pretend TLS proxy, as in production
            "Origin": f"https://127.0.0.1:{PORT}",
            "Referer": f"https://127.0.0.1:{PORT}/",
            **(headers or {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        start = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            answer = self.connection.getresponse()
            text = answer.read().decode(errors="replace")
        except (OSError, http.client.HTTPException):
            self.connection.close()
            return 0, "", (time.perf_counter() - start) * 1000
        self.last_etag = answer.getheader("ETag", "")
        for header, value in answer.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return answer.status, text, (time.perf_counter() - start) * 1000


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.not_modified: dict[str, int] = defaultdict(int)

    def add(self, name: str, status: int, ms: float, ok: set[int]) -> None:
        with self.lock:
            self.times[name].append(ms)
            if status not in ok:
                self.errors[name] += 1
            if status == 304:
                self.not_modified[name] += 1

    def share_304(self, name: str) -> float:
        return self.not_modified[name] / max(len(self.times[name]), 1)

    def print(self, seconds: float) -> None:
        for name, times in self.times.items():
            q = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
            print(
                f"  {name:<22} {len(times):6} requests {len(times) / seconds:8.1f}/s"
                f"  p50 {statistics.median(times):7.1f}  p95 {q[94]:7.1f}  p99 {q[98]:7.1f} ms"
                f"  errors {self.errors[name]}"
                + (f"  304 {self.share_304(name):.0%}" if self.not_modified[name] else "")
            )


def body(index: int) -> bytes:
    return json.dumps(
        {"ratings": [{"element": c, "level": (index + i) % 5} for i, c in enumerate(CODES)]}
    ).encode()


def participant(index: int, token: str, tally: Tally) -> None:
    client = Client()
    status, page, ms = client.request("GET", f"/take/{token}/")
    tally.add("start page", status, ms, {200})
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    form = f"csrfmiddlewaretoken={csrf.group(1) if csrf else ''}"
    status, _, ms = client.request(
        "POST", f"/take/{token}/", form, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    tally.add("start (draft)", status, ms, {302})
    for number in range(1, 5):
        status, _, ms = client.request("GET", f"/take/{token}/section/{number}/")
        tally.add("section page", status, ms, {200})
    status, _, ms = client.request(
        "POST", f"/api/v1/responses/{token}", body(index), {"Content-Type": "application/json"}
    )
    tally.add("submission", status, ms, {201})


def signed_in() -> Client:
    client = Client()
    _, page, _ = client.request("GET", "/accounts/login/")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    client.request(
        "POST",
        "/accounts/login/",
        f"csrfmiddlewaretoken={csrf}&username=load-facilitator&password=load-password-2026",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    return client


def poll_state(client: Client, assessment_id, etag: str, tally: Tally, name: str):
    """One poll of the presenter's state, as present.js sends it; the new ETag if changed."""
    headers = {"If-None-Match": etag} if etag else {}
    status, _, ms = client.request(
        "GET", f"/assessments/{assessment_id}/present/state/", None, headers
    )
    tally.add(name, status, ms, {200, 304})
    return status, client.last_etag


def poll_presenter(assessment_id, stop: threading.Event, tally: Tally) -> None:
    """The projected screen: its state every 2 s, its panel only when the state changed."""
    client, etag = signed_in(), ""
    while not stop.is_set():
        status, tag = poll_state(client, assessment_id, etag, tally, "presenter state poll")
        if status == 200:
            etag = tag
            status, _, ms = client.request("GET", f"/assessments/{assessment_id}/present/panel/")
            tally.add("presenter panel", status, ms, {200})
        stop.wait(2)


def drive_controls(assessment_id, stop: threading.Event, tally: Tally) -> None:
    """The facilitator's controls page: it polls the state every 2 s, and moves the screen
    on every 10 s (a form post, as the Next button sends it)."""
    client, etag, polls = signed_in(), "", 0
    status, page, _ = client.request("GET", f"/assessments/{assessment_id}/present/controls/")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    while not stop.is_set():
        status, tag = poll_state(client, assessment_id, etag, tally, "controls state poll")
        etag = tag if status == 200 else etag
        polls += 1
        if polls % 5 == 0:
            status, _, ms = client.request(
                "POST",
                f"/assessments/{assessment_id}/present/change/",
                f"csrfmiddlewaretoken={csrf}&do=next&from=controls",
                {"Content-Type": "application/x-www-form-urlencoded"},
            )
            tally.add("controls: next", status, ms, {302})
        stop.wait(2)


def poll_live(assessment_id, stop: threading.Event, tally: Tally) -> None:
    client = signed_in()
    while not stop.is_set():
        status, _, ms = client.request("GET", f"/assessments/{assessment_id}/live/panel/")
        tally.add("live view poll", status, ms, {200})
        stop.wait(1)


def warm_up(organisation) -> None:
    """Every worker imports, loads the framework and compiles its templates on its first
    requests: do that before anything is timed."""
    assessment = create_assessment(organisation, "Warm-up", "Warm-up", "group")
    tally = Tally()
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda i: participant(i, assessment.participant_token, tally), range(40)))


def session(participants: int, concurrency: int, organisation) -> None:
    assessment = create_assessment(organisation, f"Board {concurrency}", "Load", "group")
    tally, stop = Tally(), threading.Event()
    pollers = [
        threading.Thread(target=watch, args=(assessment.id, stop, tally))
        for watch in (poll_live, poll_presenter, drive_controls)
    ]
    for poller in pollers:
        poller.start()
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(
            pool.map(
                lambda i: participant(i, assessment.participant_token, tally), range(participants)
            )
        )
    seconds = time.perf_counter() - start
    stop.set()
    for poller in pollers:
        poller.join()
    submitted = assessment.responses.filter(submitted_at__isnull=False).count()
    print(
        f"session: {participants} participants, {concurrency} at once, {seconds:.1f} s, "
        f"{submitted} responses counted, {participants / seconds:.1f} participants/s"
    )
    tally.print(seconds)


def throughput(
    name: str,
    method: str,
    path_of,
    requests: int,
    concurrency: int,
    payload=None,
    cookies: dict | None = None,
    etag: str = "",
):
    tally = Tally()
    clients = threading.local()

    def one(index: int) -> None:
        if not hasattr(clients, "client"):
            clients.client = Client()
            clients.client.cookies.update(cookies or {})
        data = payload(index) if payload else None
        headers = {"Content-Type": "application/json"} if data else {}
        if etag:
            headers["If-None-Match"] = etag
        status, _, ms = clients.client.request(method, path_of(index), data, headers)
        tally.add(name, status, ms, {200, 201, 304})

    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(requests)))
    seconds = time.perf_counter() - start
    tally.print(seconds)
    return requests / seconds, tally


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--threads", type=int, default=1)  # as gunicorn.conf.py
    args = parser.parse_args()
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=REPO, env=ENV, check=True)
    subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], cwd=REPO, env=ENV, check=True)
    organisation = (
        create_user("load-facilitator", "Load NHS Trust", "facilitator", "load-password-2026")
        .memberships.get()
        .organisation
    )
    workers = args.workers or (os.cpu_count() or 1) * 2 + 1
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--config",
            "gunicorn.conf.py",
            "perf.wsgi:application",
            "--access-logfile",
            "/dev/null",
            "--workers",
            str(workers),
            "--threads",
            str(args.threads),
        ],
        cwd=REPO,
        env={**ENV, "PORT": str(PORT)},
    )
    try:
        for _ in range(100):
            try:
                Client().connection.request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(1)
        vendor = django.db.connection.vendor
        print(
            f"{vendor}, gunicorn {workers} workers × {args.threads} threads, "
            f"{os.cpu_count()} cores shared with the load generator"
        )
        warm_up(organisation)
        for concurrency in args.concurrency:
            session(args.participants, concurrency, organisation)
            target = create_assessment(organisation, f"Throughput {concurrency}", "T", "group")
            print(f"throughput, {concurrency} clients, {args.requests} requests each run:")
            submit, _ = throughput(
                "full submission",
                "POST",
                lambda i, t=target.participant_token: f"/api/v1/responses/{t}",
                args.requests,
                concurrency,
                body,
            )
            trivial, _ = throughput(
                "/healthz", "GET", lambda i: "/healthz", args.requests, concurrency
            )
            # The presenter's state poll, signed in, with the ETag it last had: 304s.
            facilitator = signed_in()
            state_path = f"/assessments/{target.id}/present/state/"
            facilitator.request("GET", state_path)
            polls, polled = throughput(
                "presenter state poll",
                "GET",
                lambda i, p=state_path: p,
                args.requests,
                concurrency,
                cookies=facilitator.cookies,
                etag=facilitator.last_etag,
            )
            ceiling, _ = throughput(
                "ceiling",
                "POST",
                lambda i, a=target.id: f"/perf/ceiling/{a}",
                args.requests,
                concurrency,
                body,
            )
            cost = statistics.mean(polled.times["presenter state poll"])
            health = trivial / polls
            print(
                f"  submissions / healthz {submit / trivial:.2f}; "
                f"submissions / ceiling {submit / ceiling:.2f}; "
                f"state polls answered 304: {polled.share_304('presenter state poll'):.0%}, "
                f"{cost:.1f} ms each on average, {health:.2f}× the cost of /healthz"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
