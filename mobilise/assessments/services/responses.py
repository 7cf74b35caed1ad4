"""Participants' answers: whole responses (API, paper) and drafts saved page by page.

A response is written in one transaction or not at all. Nothing that could identify the
participant is stored: no account, no IP address, no browser details, only a hash of the
random resume key that the participant holds.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from mobilise.assessments.models import (
    COMMENT_MAX_LENGTH,
    UK,
    Assessment,
    Rating,
    Response,
    Source,
    Status,
)
from mobilise.core import limits
from mobilise.core.errors import AssessmentClosed, FieldError, InvalidInput
from mobilise.framework.catalogue import Framework


@dataclass(frozen=True)
class Answer:
    element: str
    level: int | None  # None is "Don't know"
    comment: str = ""


def clean_answers(framework: Framework, answers: list[Answer], complete: bool) -> list[Answer]:
    """Check answers against the framework: known elements, once each, levels on the scale,
    comments within the limit, and (when `complete`) every element present."""
    errors: list[FieldError] = []
    seen: set[str] = set()
    for index, answer in enumerate(answers):
        if framework.element(answer.element) is None:
            errors.append(
                FieldError(
                    ("ratings", index, "element"),
                    f"{answer.element!r} is not an element of framework version "
                    f"{framework.version}",
                )
            )
        elif answer.element in seen:
            errors.append(
                FieldError(("ratings", index, "element"), f"{answer.element} is rated twice")
            )
        seen.add(answer.element)
        if answer.level is not None and answer.level not in framework.levels:
            errors.append(
                FieldError(
                    ("ratings", index, "level"),
                    "The level must be 0 to 4, or null for Don't know",
                )
            )
        if len(answer.comment or "") > COMMENT_MAX_LENGTH:
            errors.append(
                FieldError(
                    ("ratings", index, "comment"),
                    f"The comment must be {COMMENT_MAX_LENGTH:,} characters or fewer",
                )
            )
    if complete:
        missing = [e.code for e in framework.elements if e.code not in seen]
        if missing:
            errors.append(
                FieldError(("ratings",), f"Rate every element: missing {', '.join(missing)}")
            )
    if errors:
        raise InvalidInput(errors)
    return answers


def spend_submission(assessment: Assessment, address: str) -> limits.Refused | None:
    """One of the address's submissions to this assessment (API or page); refused when it
    has sent too many too fast. The address is used for the count and never stored."""
    return limits.take("submit", str(assessment.id), address)


def spend_start(assessment: Assessment, address: str) -> limits.Refused | None:
    """One of the address's new drafts of this assessment."""
    return limits.take("start", str(assessment.id), address)


def _ratings(response: Response, answers: list[Answer]) -> list[Rating]:
    return [
        Rating(response=response, element_code=a.element, level=a.level, comment=a.comment or "")
        for a in answers
    ]


def submit_response(
    assessment: Assessment, answers: list[Answer], source: str = Source.API
) -> Response:
    """A complete response, counted at once. Invalid input first, then a closed assessment."""
    clean_answers(assessment.framework, answers, complete=True)
    if not assessment.is_open():
        raise AssessmentClosed()
    if connection.vendor == "postgresql":
        return _submit_in_one_statement(assessment, answers, source)
    with transaction.atomic():
        response = Response.objects.create(
            assessment=assessment, source=source, submitted_at=timezone.now()
        )
        Rating.objects.bulk_create(_ratings(response, answers))
    return response


def _submit_in_one_statement(
    assessment: Assessment, answers: list[Answer], source: str
) -> Response:
    """On PostgreSQL the response and its ratings are written by one statement (the
    response inserted in a WITH, its ratings from arrays): one round trip instead of four
    (begin, two inserts, commit), and a single statement is atomic by itself. The same rows
    and constraints as the ORM's path (ADR 0025); the busiest write of a live session."""
    now = timezone.now()
    response = Response(
        assessment=assessment, source=source, submitted_at=now, created_at=now, updated_at=now
    )
    sql = (
        "WITH response AS (INSERT INTO assessments_response"
        " (id, created_at, updated_at, assessment_id, source, resume_key_hash, submitted_at,"
        " imported, discarded) VALUES (%s, %s, %s, %s, %s, NULL, %s, false, false)"
        " RETURNING id)"
        " INSERT INTO assessments_rating (response_id, element_code, level, comment)"
        " SELECT response.id, given.element_code, given.level, given.comment"
        " FROM response, unnest(%s::varchar[], %s::smallint[], %s::text[])"
        " AS given(element_code, level, comment)"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                response.id,
                now,
                now,
                assessment.id,
                source,
                now,
                [a.element for a in answers],
                [a.level for a in answers],
                [a.comment or "" for a in answers],
            ],
        )
    response._state.adding = False
    response._state.db = connection.alias
    return response


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def start_draft(assessment: Assessment) -> tuple[Response, str]:
    """A participant's new draft and its resume key (returned once, stored hashed)."""
    if not assessment.is_open():
        raise AssessmentClosed()
    key = secrets.token_urlsafe(24)
    response = Response.objects.create(
        assessment=assessment, source=Source.PARTICIPANT, resume_key_hash=_hash(key)
    )
    return response, key


def find_draft(assessment: Assessment, key: str | None) -> Response | None:
    if not key:
        return None
    return Response.objects.filter(assessment=assessment, resume_key_hash=_hash(key)).first()


def save_answers(response: Response, answers: list[Answer]) -> None:
    """Save some of a participant's answers; earlier answers to the same elements change."""
    assessment = response.assessment
    clean_answers(assessment.framework, answers, complete=False)
    if not assessment.is_open():
        raise AssessmentClosed()
    codes = [a.element for a in answers]
    with transaction.atomic():
        Rating.objects.filter(response=response, element_code__in=codes).delete()
        Rating.objects.bulk_create(_ratings(response, answers))


def answers_of(response: Response) -> dict[str, Rating]:
    return {r.element_code: r for r in response.ratings.all()}


def missing_elements(response: Response) -> list[str]:
    answered = set(response.ratings.values_list("element_code", flat=True))
    return [e.code for e in response.assessment.framework.elements if e.code not in answered]


def first_section_to_answer(response: Response) -> int | None:
    """The number of the first section with an element still unanswered; None when every
    element is answered."""
    missing = missing_elements(response)
    return response.assessment.framework.section_number(missing[0]) if missing else None


def submit_draft(response: Response) -> Response:
    """Count a draft; every element must be answered. Submitting again changes nothing."""
    if not response.assessment.is_open():
        raise AssessmentClosed()
    missing = missing_elements(response)
    if missing:
        raise InvalidInput(
            [FieldError(("ratings",), f"Answer every element: missing {', '.join(missing)}")]
        )
    if response.submitted_at is None:
        response.submitted_at = timezone.now()
        response.save(update_fields=["submitted_at", "updated_at"])
    return response


def purge_drafts(now: datetime.datetime | None = None) -> int:
    """Delete the drafts never sent of every assessment that has closed (by hand, or at the
    end of its closing day, UK time); they can no longer be sent, and nothing counts them.
    An assessment reopened later starts its participants afresh."""
    now = now or timezone.now()
    today = now.astimezone(UK).date()
    closed = Q(assessment__status=Status.CLOSED) | Q(assessment__closes_on__lt=today)
    _, removed = Response.objects.filter(closed, submitted_at__isnull=True).delete()
    return removed.get(Response._meta.label, 0)
