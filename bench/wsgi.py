"""The service as `make serve` runs it, with the ceiling endpoint of bench/ceiling.py beside
it at /bench/ceiling/<assessment id>, outside Django's request handling."""

from bench.ceiling import ceiling
from mobilise.config.wsgi import application as service


def application(environ: dict, start_response):
    if environ.get("PATH_INFO", "").startswith("/bench/ceiling/"):
        return ceiling(environ, start_response)
    return service(environ, start_response)
