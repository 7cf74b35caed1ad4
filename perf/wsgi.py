"""The service as `make serve` runs it, with the ceiling endpoint of perf/ceiling.py beside
it at /perf/ceiling/<assessment id>, outside Django's request handling."""

from mobilise.config.wsgi import application as service
from perf.ceiling import ceiling


def application(environ: dict, start_response):
    if environ.get("PATH_INFO", "").startswith("/perf/ceiling/"):
        return ceiling(environ, start_response)
    return service(environ, start_response)
