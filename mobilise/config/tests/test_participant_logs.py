"""Participants stay anonymous in the logs: gunicorn's access log (with the settings in
gunicorn.conf.py and gunicorn's own atoms) and Django's log records."""

import logging
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.utils.module_loading import import_string
from gunicorn.config import Config

REPO = Path(__file__).resolve().parents[3]
CLIENT = "203.0.113.9"
FORWARDED = "198.51.100.7"


def access_line(tmp_path: Path, path: str) -> str:
    conf = runpy.run_path(str(REPO / "gunicorn.conf.py"))
    cfg = Config()
    log_file = tmp_path / "access.log"
    cfg.set("accesslog", str(log_file))
    cfg.set("access_log_format", conf["access_log_format"])
    logger = import_string(conf["logger_class"])(cfg)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": CLIENT,
        "HTTP_X_FORWARDED_FOR": FORWARDED,
        "HTTP_USER_AGENT": "Firefox",
    }
    request = SimpleNamespace(headers=[("X-FORWARDED-FOR", FORWARDED), ("USER-AGENT", "Firefox")])
    response = SimpleNamespace(status="200 OK", headers=[], sent=512)
    logger.access(response, request, environ, timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()
    return log_file.read_text()


@pytest.mark.parametrize("path", ["/take/abc123/section/1/", "/api/v1/responses/abc123"])
def test_participant_requests_are_logged_without_an_address(tmp_path, path):
    line = access_line(tmp_path, path)
    assert f'"GET {path} HTTP/1.1" 200 512 12ms' in line
    assert CLIENT not in line and FORWARDED not in line and "Firefox" not in line
    assert line.startswith("- ")


def test_staff_requests_keep_the_address(tmp_path):
    line = access_line(tmp_path, "/assessments/")
    assert line.startswith(f"{CLIENT} ")


def test_a_resume_key_in_an_old_link_is_blanked(tmp_path):
    line = access_line(tmp_path, "/take/abc123/resume/SECRET-KEY_1/")
    assert "SECRET-KEY_1" not in line
    assert "/take/abc123/resume/-/" in line


def test_django_log_records_carry_no_resume_key():
    from django.conf import settings

    handler = logging.StreamHandler()
    for name in settings.LOGGING["handlers"]["console"]["filters"]:
        handler.addFilter(import_string(settings.LOGGING["filters"][name]["()"])())
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        ("/take/abc123/resume/SECRET-KEY_1/",),
        None,
    )
    assert handler.filter(record)
    assert record.getMessage() == "Not Found: /take/abc123/resume/-/"
