"""An organisation's own settings, changed by its admins and recorded in its history, and
the deletion of all its data."""

from django.db import transaction

from mobilise.accounts.models import Organisation, User
from mobilise.audit.services import record_in_organisation


@transaction.atomic
def update_settings(
    organisation: Organisation, region: str, kind: str, benchmarking: bool, actor: User | None
) -> Organisation:
    changes = {
        name: [getattr(organisation, name), value]
        for name, value in (("region", region), ("kind", kind), ("benchmarking", benchmarking))
        if getattr(organisation, name) != value
    }
    if not changes:
        return organisation
    organisation.region, organisation.kind, organisation.benchmarking = region, kind, benchmarking
    organisation.save(update_fields=["region", "kind", "benchmarking", "updated_at"])
    summary = "Changed the organisation's settings"
    if "benchmarking" in changes:
        summary = (
            "Joined the benchmark across organisations"
            if benchmarking
            else "Left the benchmark across organisations"
        )
    record_in_organisation(organisation, actor, summary, changes)
    return organisation


@transaction.atomic
def delete_organisation(organisation: Organisation) -> None:
    """Everything the organisation owns goes with it (units, assessments, responses, plans,
    local actions, memberships, tokens, history); people's accounts stay for their other
    organisations."""
    organisation.delete()
