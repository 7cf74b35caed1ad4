"""The ceiling for a submission: parse the same JSON and write the same rows (a response and
its 23 ratings) with plain SQL in one transaction, and nothing else: no validation, no
framework, no ORM. The fastest a full submission can be on this machine, served by the same
gunicorn and database as the real one. For bench/live_session.py only; never deployed."""

import json
import uuid

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def ceiling(request: HttpRequest, assessment_id: str) -> HttpResponse:
    ratings = json.loads(request.body)["ratings"]
    now = timezone.now()
    # Django keeps UUIDs as 32 hex digits on SQLite and as uuid on PostgreSQL.
    as_db = (lambda u: u.hex) if connection.vendor == "sqlite" else (lambda u: u)
    response_id = as_db(uuid.uuid4())
    assessment = as_db(uuid.UUID(assessment_id))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO assessments_response"
            " (id, created_at, updated_at, assessment_id, source, submitted_at)"
            " VALUES (%s, %s, %s, %s, %s, %s)",
            [response_id, now, now, assessment, "api", now],
        )
        cursor.executemany(
            "INSERT INTO assessments_rating (response_id, element_code, level, comment)"
            " VALUES (%s, %s, %s, %s)",
            [(response_id, r["element"], r["level"], r.get("comment") or "") for r in ratings],
        )
    return HttpResponse(status=201)


urlpatterns = [
    path("bench/ceiling/<str:assessment_id>", ceiling),
    path("", include("mobilise.config.urls")),
]
