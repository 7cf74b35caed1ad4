"""`make serve`'s way of serving: production settings, gunicorn, whitenoise, checked by
starting gunicorn for real on a free local port."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
        },
        "DJANGO_SETTINGS_MODULE": "mobilise.config.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-key-for-the-serving-test-" + "k" * 20,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "STATIC_ROOT": str(work / "static"),
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
    }
    for command in (["collectstatic", "--no-input", "-v0"], ["migrate", "--no-input", "-v0"]):
        subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", *command], cwd=REPO, env=env, check=True, timeout=300
        )
    process = subprocess.Popen(  # noqa: S603
        [str(GUNICORN), "--config", "gunicorn.conf.py"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)  # noqa: S310
            break
        except OSError:
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=20)


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
