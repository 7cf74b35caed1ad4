"""The demo organisation: fictional, loaded by `make run` so the service can be tried at once.

The demo sits above every other app: as features arrive it gains their demo data.
"""

from dataclasses import dataclass

from django.db import transaction

from mobilise.accounts.models import Membership, Organisation, Role, Unit, User

ORGANISATION = "Demo NHS Foundation Trust"
UNITS = ["Trust Board", "Transformation team", "Emergency Department", "Finance directorate"]
# A fictional demo password, printed by `make run`; never use the demo outside a local copy.
DEMO_PASSWORD = "mobilise-demo-2026"  # noqa: S105


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    first_name: str
    last_name: str


ACCOUNTS = [
    DemoAccount("demo-admin", Role.ADMIN, "Ada", "Admin"),
    DemoAccount("demo-facilitator", Role.FACILITATOR, "Fran", "Facilitator"),
    DemoAccount("demo-viewer", Role.VIEWER, "Vik", "Viewer"),
]


@transaction.atomic
def load_demo() -> Organisation:
    """Create or refresh the demo organisation; running it again changes nothing."""
    organisation, _ = Organisation.objects.get_or_create(name=ORGANISATION)
    for name in UNITS:
        Unit.objects.get_or_create(organisation=organisation, name=name)
    for account in ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={"first_name": account.first_name, "last_name": account.last_name},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        Membership.objects.update_or_create(
            user=user, organisation=organisation, defaults={"role": account.role}
        )
    return organisation
