"""The ceiling for a submission: parse the same JSON and write the same rows (a response and
its 23 ratings) with plain SQL in one transaction, and nothing else: no middleware, no
validation, no framework, no ORM. Served in the same gunicorn processes as the real service
(perf/wsgi.py) on the same database: the fastest a full submission can be on this machine.
For perf/live_session.py only; never deployed."""

import json
import uuid

from django.db import connection, transaction
from django.utils import timezone


def ceiling(environ: dict, start_response) -> list[bytes]:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    ratings = json.loads(environ["wsgi.input"].read(length))["ratings"]
    now = timezone.now()
    # Django keeps UUIDs as 32 hex digits on SQLite and as uuid on PostgreSQL.
    as_db = (lambda u: u.hex) if connection.vendor == "sqlite" else (lambda u: u)
    response_id = as_db(uuid.uuid4())
    assessment = as_db(uuid.UUID(environ["PATH_INFO"].rsplit("/", 1)[1]))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO assessments_response"
            " (id, created_at, updated_at, assessment_id, source, submitted_at, imported,"
            " discarded) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            [response_id, now, now, assessment, "api", now, False, False],
        )
        cursor.executemany(
            "INSERT INTO assessments_rating (response_id, element_code, level, comment)"
            " VALUES (%s, %s, %s, %s)",
            [(response_id, r["element"], r["level"], r.get("comment") or "") for r in ratings],
        )
    start_response("201 Created", [("Content-Length", "0")])
    return [b""]
