from mobilise.accounts.models import User
from mobilise.assessments.models import Assessment, HistoryEntry


def record(
    assessment: Assessment, actor: User | None, summary: str, changes: dict | None = None
) -> HistoryEntry:
    """Add a line to the assessment's history. `changes` maps a field to [before, after]."""
    return HistoryEntry.objects.create(
        assessment=assessment,
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        summary=summary[:300],
        changes=changes or {},
    )
