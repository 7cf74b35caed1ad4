"""gunicorn settings for `make serve` and production containers. Environment variables
override each: PORT, HOST, WEB_CONCURRENCY, GUNICORN_THREADS, GUNICORN_TIMEOUT."""

import multiprocessing
import os

wsgi_app = "mobilise.config.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# One thread per worker, 2n + 1 workers: threads in one Python process take turns on the
# GIL, which doubled the 95th-percentile latency of a live session under load
# (perf/live_session.py, docs/performance.md). A report being drawn holds one worker of five.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# Logs to standard output/error, one line per request, for the platform to collect.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
# Participants' requests are logged without their address (ADR 0014).
logger_class = "mobilise.config.participant_logs.ParticipantSafeLogger"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker) -> None:
    """Each worker draws a made-up Board paper once, before its first request (ADR 0020)."""
    from mobilise.reports.pdf import warm_up

    warm_up()
