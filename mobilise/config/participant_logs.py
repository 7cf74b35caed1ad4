"""Logs that keep participants anonymous (ADR 0014).

A participant's address, browser and personal key must not be written beside the path of
the assessment they answered: the access log would otherwise tie an address to a response.
For participant pages (`/take/…`) and the anonymous API (`/api/v1/responses/…`) the gunicorn
access log keeps only the request line, status, size and time; and any resume key in a
path (links handed out before keys moved into the fragment) is blanked in every log line.
"""

import logging
import re

from gunicorn.glogging import Logger

PARTICIPANT_PATHS = ("/take/", "/api/v1/responses/")
_RESUME_KEY = re.compile(r"(/take/[^/\s]+/resume/)[^/?#\s\"]+")
# What a participant's line keeps; every other atom (address, user agent, referrer, any
# header or environment variable) is written as "-".
_KEPT = {"l", "u", "t", "r", "s", "m", "U", "q", "H", "b", "B", "T", "D", "M", "L", "p"}


def is_participant_path(path: str) -> bool:
    return path.startswith(PARTICIPANT_PATHS)


def blank_resume_keys(text: str) -> str:
    return _RESUME_KEY.sub(r"\1-", text)


class ParticipantSafeLogger(Logger):
    """gunicorn's logger, without the client's address on participant requests."""

    def atoms(self, resp, req, environ, request_time) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        if not is_participant_path(environ.get("PATH_INFO") or ""):
            return atoms
        kept = {name: value for name, value in atoms.items() if name in _KEPT}
        for name in ("r", "U"):
            if isinstance(kept.get(name), str):
                kept[name] = blank_resume_keys(kept[name])
        return kept


class BlankResumeKeys(logging.Filter):
    """On Django's own log records (a 404's "Not Found: <path>", CSRF refusals): no key."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        blanked = blank_resume_keys(message)
        if blanked != message:
            record.msg, record.args = blanked, ()
        return True
