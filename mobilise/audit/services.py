"""Writing the organisation's audit trail. Every app records its changes here, so this
module knows no app's models: an assessment is anything with an `organisation`."""

from typing import Any

from django.db import models

from mobilise.audit.models import HistoryEntry

SUMMARY_MAX = 300


def record(
    assessment: models.Model, actor: Any, summary: str, changes: dict | None = None
) -> HistoryEntry:
    """Add a line to an assessment's history. `changes` maps a field to [before, after]."""
    return record_in_organisation(assessment.organisation, actor, summary, changes, assessment)


def record_in_organisation(
    organisation: models.Model,
    actor: Any,
    summary: str,
    changes: dict | None = None,
    assessment: models.Model | None = None,
) -> HistoryEntry:
    """Add a line to the organisation's history, about one of its assessments or not."""
    return HistoryEntry.objects.create(
        organisation=organisation,
        assessment=assessment,
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        summary=summary[:SUMMARY_MAX],
        changes=changes or {},
    )
