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
from mobilise.demo.benchmark import load_demo_benchmark
from mobilise.demo.case_studies import load_demo_case_studies
from mobilise.demo.evidence import confirm_demo_evidence, load_demo_evidence
from mobilise.demo.portfolio import load_demo_units
from mobilise.framework.catalogue import CURRENT_VERSION
from mobilise.plans.models import PlanAction
from mobilise.plans.services import sign_off as signing
from mobilise.plans.services.plan import (
    ActionFields,
    add_catalogue_action,
    add_custom_action,
    add_note,
    mark_no_action,
    update_action,
)
from mobilise.plans.services.reassess import start_reassessment

ORGANISATION = "Demo NHS Foundation Trust"
UNITS = [
    "Trust Board",
    "Senior transformation team",
    "Emergency Department",
    "Finance directorate",
    "Nursing directorate",
    "Research and development",
    "Library and knowledge service",
]
DEMO_ASSESSMENT = "Knowledge mobilisation self-assessment, autumn 2025"
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
    first = load_demo_assessment(organisation)
    load_demo_plan(first)
    # After the plan, which dates the session a year ago: the evidence describes days before it.
    first.refresh_from_db()
    load_demo_evidence(first, User.objects.get(username="demo-facilitator"))
    load_demo_reassessment(first)
    load_demo_units(organisation)
    load_demo_case_studies(organisation, first)
    load_demo_benchmark(organisation)
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


# The demo plan: (option id or custom text, elements, status, owner, months after the
# assessment it is due, progress note).
DEMO_ACTIONS = [
    (
        "1.4-g",
        ["1.4"],
        "done",
        "Director of Transformation",
        3,
        "Two AARs held after the discharge pilot.",
    ),
    (
        "1.4-b",
        ["1.4"],
        "in_progress",
        "Head of Organisational Development",
        6,
        "First set met in March.",
    ),
    ("3.2-d", ["3.2", "4.2"], "done", "Knowledge and Library Services Manager", 2, ""),
    ("1.2-d", ["1.2"], "done", "Trust Secretary", 4, "New Board paper template in use."),
    ("2.5-a", ["2.5"], "done", "Transformation Programme Manager", 3, ""),
    ("2.5-c", ["2.5"], "not_started", "Head of HR", 5, ""),
    (
        "1.5-d",
        ["1.5"],
        "in_progress",
        "Director of Transformation",
        9,
        "Champions named in 4 of 7 teams.",
    ),
    ("1.1-a", ["1.1"], "done", "Clinical Librarian", 2, ""),
    ("2.2-a", ["2.2"], "in_progress", "Transformation Programme Manager", 8, ""),
    ("2.4-a", ["2.4"], "done", "Clinical Librarian", 1, "Alerts set up for all 9 team members."),
    (
        "3.1-e",
        ["3.1"],
        "dropped",
        "Quality Improvement Lead",
        6,
        "Replaced by the Trust-wide learning system.",
    ),
    ("3.1-b", ["3.1"], "not_started", "Head of Workforce Information", 12, ""),
    ("3.3-b", ["3.3"], "done", "Clinical Librarian", 4, ""),
    ("4.3-a", ["4.3", "4.4"], "in_progress", "Knowledge and Library Services Manager", 6, ""),
    (
        "Invite the Head of Knowledge and Library Services to the transformation board",
        ["1.3"],
        "done",
        "Director of Transformation",
        1,
        "",
    ),
]
# The owners who are members: the demo's viewer is the clinical librarian (so "My actions"
# lists something), its facilitator the service's manager; the others are names typed.
DEMO_MEMBER_OWNERS = {
    "Clinical Librarian": "demo-viewer",
    "Knowledge and Library Services Manager": "demo-facilitator",
}
DEMO_NO_ACTION = {
    "2.1": "Evidence requests already routine for every project.",
    "2.3": "A strength: keep doing what works.",
    "2.6": "A strength: networks are strong.",
    "2.7": "Trust-wide collaboration platform project covers this.",
    "2.8": "Guidance process works well.",
    "2.9": "Policy review cycle is already in place.",
    "3.4": "Covered by 3.3's training.",
    "4.1": "Full SLA in place.",
    "4.5": "Led by the knowledge service's own strategy.",
}


def load_demo_plan(assessment: Assessment) -> None:
    """A complete plan of fifteen actions in mixed states; the assessment dated a year ago."""
    if PlanAction.objects.filter(plan__assessment=assessment).exists():
        return
    facilitator = User.objects.get(username="demo-facilitator")
    year_ago = timezone.now() - timedelta(days=365)
    Assessment.objects.filter(pk=assessment.pk).update(created_at=year_ago)
    start = year_ago.date()
    members = {
        m.user.username: m
        for m in Membership.objects.filter(organisation=assessment.organisation).select_related(
            "user"
        )
    }
    for key, elements, status, owner, months, note in DEMO_ACTIONS:
        member = members.get(DEMO_MEMBER_OWNERS.get(owner, ""))
        fields = ActionFields(
            priority="high" if elements[0] in {"1.4", "3.2", "1.2", "2.5"} else "medium",
            owner=None if member else owner,
            owner_member=member,
            due_on=start + timedelta(days=30 * months),
            measure="Reported to the transformation board",
            status=status,
            given={
                "priority",
                "owner_member" if member else "owner",
                "due_on",
                "measure",
                "status",
            },
        )
        if assessment.framework.option(key):
            action, _ = add_catalogue_action(assessment, key, elements, fields, facilitator)
        else:
            action = add_custom_action(assessment, key, elements, fields, facilitator)
        if note:
            add_note(action, note, facilitator)
    for code, reason in DEMO_NO_ACTION.items():
        mark_no_action(assessment, code, reason, facilitator)
    load_demo_sign_off(assessment, start)


def load_demo_sign_off(assessment: Assessment, start) -> None:
    """The admin names the facilitator, who records that the transformation board agreed
    the plan three weeks after the session; then one due date moves (a change since)."""
    admin = Membership.objects.get(
        organisation=assessment.organisation, user__username="demo-admin"
    )
    facilitator = Membership.objects.get(
        organisation=assessment.organisation, user__username="demo-facilitator"
    )
    signing.name_signatory(assessment, admin, facilitator, admin.user)
    signing.sign_off(
        assessment,
        facilitator,
        signing.SignOffFields(
            agreed_by="Senior transformation board",
            agreed_by_role="Chaired by the Chief Nurse",
            meeting="Transformation board, monthly meeting",
            agreed_on=start + timedelta(days=21),
            note="Agreed, with the journal club to report back at six months.",
        ),
        facilitator.user,
    )
    moved = (
        PlanAction.objects.filter(plan__assessment=assessment, status="in_progress")
        .order_by("created_at")
        .first()
    )
    if moved is not None and moved.due_on:
        update_action(
            moved,
            ActionFields(due_on=moved.due_on + timedelta(days=91), given={"due_on"}),
            user=facilitator.user,
        )


def load_demo_reassessment(first: Assessment) -> Assessment:
    """A year later: the same team again, better where actions were done."""
    existing = first.reassessments.first()
    if existing is not None:
        return existing
    facilitator = User.objects.get(username="demo-facilitator")
    assessment = start_reassessment(
        first, facilitator, title="Knowledge mobilisation self-assessment, autumn 2026"
    )
    improved = set()
    for action in PlanAction.objects.filter(plan__assessment=first, status="done"):
        improved.update(action.element_codes)
    data = json.loads(DEMO_DATA.read_text(encoding="utf-8"))
    for index, participant in enumerate(data["participants"]):
        answers = []
        for code, level in participant["ratings"].items():
            if level is not None and code in improved and index % 4 != 3:
                level = min(4, level + 1)
            answers.append(Answer(code, level, ""))
        submit_response(assessment, answers, source=Source.PARTICIPANT)
    for code, agreed in data["consensus"].items():
        level = min(4, agreed["level"] + 1) if code in improved else agreed["level"]
        set_consensus(
            assessment,
            code,
            level,
            agreed["importance"],
            agreed["target"],
            "Moved up after the actions of last year's plan." if code in improved else "",
            agreed_by=facilitator,
        )
    confirm_demo_evidence(assessment, facilitator)
    assessment.status = Status.CLOSED
    assessment.results_revealed = True
    assessment.save(update_fields=["status", "results_revealed"])
    return assessment
