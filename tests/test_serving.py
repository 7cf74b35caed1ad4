"""`make serve`'s way of serving: production settings, gunicorn, whitenoise, checked by
starting gunicorn for real on a free local port."""

import json
import urllib.request

import pytest

from tests.servers import gunicorn


@pytest.fixture(scope="module")
def server(production_site):
    with gunicorn(production_site) as base:
        yield base


def get(url: str):
    return urllib.request.urlopen(url, timeout=10)  # noqa: S310


def test_healthz_checks_the_database(server):
    with get(server + "/healthz") as response:
        assert response.status == 200
        assert json.load(response) == {"status": "ok"}


def test_pages_are_served_with_hashed_compressed_static_files(server):
    # Behind the TLS-terminating proxy, as in production: HSTS is sent on HTTPS only.
    secure = urllib.request.Request(server + "/framework/", headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    with urllib.request.urlopen(secure, timeout=10) as response:  # noqa: S310
        html = response.read().decode()
        assert response.headers["Strict-Transport-Security"].startswith("max-age=")
        assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    stylesheet = next(
        part.split('"')[0] for part in html.split('href="') if part.startswith("/static/css/app.")
    )
    assert stylesheet != "/static/css/app.css"  # a hashed name
    request = urllib.request.Request(server + stylesheet, headers={"Accept-Encoding": "gzip"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"
        assert "max-age=315360000" in response.headers["Cache-Control"]


def test_the_api_answers(server):
    with get(server + "/api/v1/framework") as response:
        assert len(json.load(response)["sections"]) == 4
