"""Writing the organisation's audit trail. Every app records its changes here, so this
module knows no app's models: an assessment is anything with an `organisation`."""

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models

from mobilise.audit.kinds import kind_of
from mobilise.audit.models import HistoryEntry
from mobilise.core.dates import UK

SUMMARY_MAX = 300


def record(
    assessment: models.Model,
    actor: Any,
    summary: str,
    changes: dict | None = None,
    kind: str | None = None,
) -> HistoryEntry:
    """Add a line to an assessment's history. `changes` maps a field to [before, after];
    the kind of change is read from the summary unless given (audit.kinds)."""
    return record_in_organisation(
        assessment.organisation, actor, summary, changes, assessment, kind
    )


def record_in_organisation(
    organisation: models.Model,
    actor: Any,
    summary: str,
    changes: dict | None = None,
    assessment: models.Model | None = None,
    kind: str | None = None,
) -> HistoryEntry:
    """Add a line to the organisation's history, about one of its assessments or not."""
    return HistoryEntry.objects.create(
        organisation=organisation,
        assessment=assessment,
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        summary=summary[:SUMMARY_MAX],
        changes=changes or {},
        kind=kind or kind_of(summary),
    )


def history(
    organisation: models.Model,
    *,
    assessment: models.Model | None = None,
    kind: str = "",
    actor_id: int | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> models.QuerySet:
    """The organisation's history (or one assessment's), newest first, filtered by kind of
    change, person and UK days from `since` to `until`, both included. A queryset, so that a
    page of it costs a count and a slice whatever the history's length."""
    entries = HistoryEntry.objects.filter(organisation=organisation)
    if assessment is not None:
        entries = entries.filter(assessment=assessment)
    if kind:
        entries = entries.filter(kind=kind)
    if actor_id is not None:
        entries = entries.filter(actor_id=actor_id)
    if since is not None:
        entries = entries.filter(created_at__gte=_start_of_uk_day(since))
    if until is not None:
        entries = entries.filter(created_at__lt=_start_of_uk_day(until + datetime.timedelta(1)))
    return entries.select_related("assessment", "actor").order_by("-created_at", "-id")


def people_in_history(organisation: models.Model, assessment: models.Model | None = None):
    """Everyone with a line in the history (members or not any more), by name."""
    lines = HistoryEntry.objects.filter(organisation=organisation, actor__isnull=False)
    if assessment is not None:
        lines = lines.filter(assessment=assessment)
    return (
        get_user_model()
        .objects.filter(pk__in=lines.values("actor_id"))
        .order_by("first_name", "last_name", "username")
    )


def _start_of_uk_day(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=UK)
