"""The demo organisation: fictional, loaded by `make run` so the service can be tried at once.

The demo sits above every other app: as features arrive it gains their demo data.
"""

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from mobilise.accounts.models import Membership, Organisation, Role, Unit, User
from mobilise.assessments.models import Assessment, Mode, Source, Status
from mobilise.assessments.services.consensus import set_consensus
from mobilise.assessments.services.responses import Answer, submit_response
from mobilise.framework.catalogue import CURRENT_VERSION

ORGANISATION = "Demo NHS Foundation Trust"
UNITS = [
    "Trust Board",
    "Senior transformation team",
    "Emergency Department",
    "Finance directorate",
]
DEMO_ASSESSMENT = "Knowledge mobilisation self-assessment, autumn 2026"
DEMO_DATA = Path(__file__).parent / "data" / "senior-transformation-team.json"
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
    load_demo_assessment(organisation)
    return organisation


def load_demo_assessment(organisation: Organisation) -> Assessment:
    """A completed group session of the senior transformation team: 8 people, agreed ratings."""
    unit = Unit.objects.get(organisation=organisation, name="Senior transformation team")
    facilitator = User.objects.get(username="demo-facilitator")
    assessment, created = Assessment.objects.get_or_create(
        organisation=organisation,
        unit=unit,
        title=DEMO_ASSESSMENT,
        defaults={
            "mode": Mode.GROUP,
            "framework_version": CURRENT_VERSION,
            "created_by": facilitator,
            "results_revealed": True,
        },
    )
    if not created:
        return assessment
    data = json.loads(DEMO_DATA.read_text(encoding="utf-8"))
    for participant in data["participants"]:
        answers = [
            Answer(code, level, participant.get("comments", {}).get(code, ""))
            for code, level in participant["ratings"].items()
        ]
        submit_response(assessment, answers, source=Source.PARTICIPANT)
    for code, agreed in data["consensus"].items():
        set_consensus(
            assessment,
            code,
            agreed["level"],
            agreed["importance"],
            agreed["target"],
            agreed["rationale"],
            agreed_by=facilitator,
        )
    assessment.status = Status.CLOSED
    assessment.closed_at = timezone.now() - timedelta(days=1)
    assessment.save(update_fields=["status", "closed_at"])
    return assessment
