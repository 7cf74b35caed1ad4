"""The organisation's audit trail: who changed what, and when."""

from django.dispatch import receiver

from mobilise.accounts.models import Organisation, User
from mobilise.accounts.signals import changed
from mobilise.assessments.models import Assessment, HistoryEntry


def record(
    assessment: Assessment, actor: User | None, summary: str, changes: dict | None = None
) -> HistoryEntry:
    """Add a line to the assessment's history. `changes` maps a field to [before, after]."""
    return record_in_organisation(assessment.organisation, actor, summary, changes, assessment)


def record_in_organisation(
    organisation: Organisation,
    actor: User | None,
    summary: str,
    changes: dict | None = None,
    assessment: Assessment | None = None,
) -> HistoryEntry:
    """Add a line to the organisation's history, about one of its assessments or not."""
    return HistoryEntry.objects.create(
        organisation=organisation,
        assessment=assessment,
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        summary=summary[:300],
        changes=changes or {},
    )


@receiver(changed, dispatch_uid="mobilise.history.accounts")
def record_account_change(sender, organisation, actor, summary, changes=None, **kwargs) -> None:
    record_in_organisation(organisation, actor, summary, changes)
