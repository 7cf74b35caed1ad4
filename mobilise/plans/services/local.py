"""An organisation's own actions and good-practice examples per element, offered beside the
catalogue's when plans are made. Changes go in the organisation's history."""

from django.db import transaction

from mobilise.accounts.models import Organisation, User
from mobilise.audit.services import record_in_organisation
from mobilise.plans.models import LocalAction, PlanAction


@transaction.atomic
def add_local_action(
    organisation: Organisation, element: str, text: str, good_practice: str, user: User | None
) -> LocalAction:
    action = LocalAction.objects.create(
        organisation=organisation,
        element_code=element,
        text=text.strip(),
        good_practice=good_practice.strip(),
    )
    record_in_organisation(
        organisation, user, f"Added the local action “{action.text}” for {element}"
    )
    return action


@transaction.atomic
def delete_local_action(action: LocalAction, user: User | None) -> None:
    record_in_organisation(
        action.organisation,
        user,
        f"Removed the local action “{action.text}” for {action.element_code}",
    )
    action.delete()


def plans_using(action: LocalAction) -> int:
    """How many plans' actions came from this local action (they keep their text)."""
    return PlanAction.objects.filter(local_action=action).count()
