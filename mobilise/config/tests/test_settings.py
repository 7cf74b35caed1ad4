"""Settings are read in a fresh interpreter, as a deployment would read them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SECRET = "a-long-random-production-secret-key-for-the-test-" + "q7Zk2" * 6


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = "mobilise.config.settings.production"


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "mobilise.example.nhs.uk"}, "SECRET_KEY"),
        ({"SECRET_KEY": SECRET}, "ALLOWED_HOSTS"),
        # Single sign-on switched on with a client id needs its provider's endpoints.
        (
            {
                "SECRET_KEY": SECRET,
                "ALLOWED_HOSTS": "mobilise.example.nhs.uk",
                "OIDC_RP_CLIENT_ID": "mobilise",
                "OIDC_RP_CLIENT_SECRET": "secret",
            },
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
        ),
    ],
)
def test_production_refuses_to_start_without_its_variables(env, missing):
    result = run("manage.py", "check", DJANGO_SETTINGS_MODULE=PRODUCTION, **env)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production" in result.stderr


def test_production_passes_the_deployment_checks():
    result = run(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="mobilise.example.nhs.uk",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_is_secure_by_default():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0,"
        " s.SECURE_SSL_REDIRECT, s.ALLOWED_HOSTS)"
    )
    result = run(
        "-c",
        code,
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="a.example, b.example",
    )
    assert result.stdout.strip() == "False True True True True ['a.example', 'b.example']"


@pytest.mark.parametrize(
    "module", ["mobilise.config.settings.local", PRODUCTION, "mobilise.config.settings.test"]
)
def test_database_url_is_honoured_in_every_environment(module, tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "d = s.DATABASES['default']; print(d['ENGINE'], d['NAME'])"
    )
    database = tmp_path / "elsewhere.sqlite3"
    result = run(
        "-c",
        code,
        DJANGO_SETTINGS_MODULE=module,
        DATABASE_URL=f"sqlite:///{database}",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="a.example",
    )
    assert result.stdout.strip() == f"django.db.backends.sqlite3 {database}", result.stderr


def test_postgres_urls_choose_the_postgres_backend():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "d = s.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'], d['PORT'])"
    )
    result = run(
        "-c",
        code,
        DJANGO_SETTINGS_MODULE="mobilise.config.settings.local",
        DATABASE_URL="postgres://mobilise:secret@db.internal:5433/mobilise",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql mobilise db.internal 5433"


def test_local_settings_are_the_default_and_use_sqlite_under_var():
    code = (
        "import os, django; os.environ.pop('DATABASE_URL', None); "
        "import manage; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
        "'mobilise.config.settings.local'); django.setup(); from django.conf import settings as s;"
        " print(s.DEBUG, s.DATABASES['default']['NAME'])"
    )
    result = run("-c", code)
    debug, name = result.stdout.split()
    assert debug == "True"
    assert name == str(REPO / "var" / "mobilise.sqlite3")


def cache_and_limits(**env: str) -> str:
    code = (
        "import django; from django.conf import settings as s; django.setup(); "
        "print(s.CACHES['default']['BACKEND'], s.MOBILISE_FLOOD_BURST, "
        "s.MOBILISE_FLOOD_INTERVAL_SECONDS)"
    )
    result = run("-c", code, DJANGO_SETTINGS_MODULE="mobilise.config.settings.local", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_flood_counters_use_the_database_cache_unless_redis_is_configured():
    assert cache_and_limits() == "mobilise.core.cache.DatabaseCache 60 1.0"
    assert cache_and_limits(
        MOBILISE_REDIS_URL="redis://cache.internal:6379/0",
        MOBILISE_FLOOD_BURST="120",
        MOBILISE_FLOOD_INTERVAL_SECONDS="0.5",
    ) == ("django.core.cache.backends.redis.RedisCache 120 0.5")
