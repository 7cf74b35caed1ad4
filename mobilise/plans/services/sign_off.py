"""A plan signed off: who agreed it, at which meeting and on what day, and the plan as it
stood then, kept as a version.

Admins record a sign-off, and so does the one facilitator an admin named for the plan.
Actions go on changing afterwards (statuses move on); each version stays as it was agreed,
and what changed since the latest is worked out against it. Sign-off and naming are
recorded in the history, like every later change to an action.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.http import Http404

from mobilise.accounts.models import Membership, Role, User
from mobilise.assessments.models import COMMENT_MAX_LENGTH, Assessment
from mobilise.audit.labels import value_in_words
from mobilise.audit.services import record
from mobilise.core.dates import uk_date, uk_today
from mobilise.core.errors import FieldError, InvalidInput, NotAllowed
from mobilise.plans.models import ActionPlan, PlanSignOff
from mobilise.plans.services.plan import plan_of

NAME_MAX = 200
NOT_ALLOWED = "Only admins, and the facilitator an admin named, may record that the plan was agreed"


def may_sign_off(membership: Membership, plan: ActionPlan) -> bool:
    if membership.role == Role.ADMIN:
        return True
    return membership.role == Role.FACILITATOR and plan.sign_off_member_id == membership.id


def facilitators(assessment: Assessment) -> list[Membership]:
    """Who an admin may name: the organisation's facilitators, by name."""
    found = Membership.objects.filter(
        organisation=assessment.organisation, role=Role.FACILITATOR
    ).select_related("user")
    return sorted(found, key=lambda m: m.user.display_name.casefold())


def name_signatory(
    assessment: Assessment, admin: Membership, member: Membership | None, user: User | None
) -> None:
    """The admin names the facilitator who may also record the sign-off (None: nobody)."""
    if admin.role != Role.ADMIN:
        raise NotAllowed("Only admins name who may record that the plan was agreed")
    if member is not None and (
        member.organisation_id != assessment.organisation_id or member.role != Role.FACILITATOR
    ):
        raise InvalidInput(
            [FieldError(("sign_off_member",), "Choose a facilitator of your organisation")]
        )
    plan = plan_of(assessment)
    before = plan.sign_off_member.user.display_name if plan.sign_off_member_id else ""
    plan.sign_off_member = member
    plan.save(update_fields=["sign_off_member", "updated_at"])
    after = member.user.display_name if member else ""
    if before != after:
        record(
            assessment,
            user,
            f"{after} may record that the plan was agreed"
            if member
            else "Only admins may record that the plan was agreed",
            {"sign_off_member": [before or None, after or None]},
        )


@dataclass
class SignOffFields:
    agreed_by: str = ""
    agreed_by_role: str = ""
    meeting: str = ""
    agreed_on: datetime.date | None = None
    note: str = ""


def check(fields: SignOffFields, today: datetime.date | None = None) -> list[FieldError]:
    errors = []
    for name, words in (("agreed_by", "who agreed the plan"), ("meeting", "the meeting")):
        value = getattr(fields, name).strip()
        if not value:
            errors.append(FieldError((name,), f"Enter {words}"))
        elif len(value) > NAME_MAX:
            errors.append(FieldError((name,), f"Enter {words} in {NAME_MAX} characters or fewer"))
    if len(fields.agreed_by_role.strip()) > NAME_MAX:
        errors.append(
            FieldError(("agreed_by_role",), f"Enter the role in {NAME_MAX} characters or fewer")
        )
    if fields.agreed_on is None:
        errors.append(FieldError(("agreed_on",), "Enter the date the plan was agreed"))
    elif fields.agreed_on > (today or uk_today()):
        errors.append(
            FieldError(("agreed_on",), "The date the plan was agreed must not be in the future")
        )
    if len(fields.note) > COMMENT_MAX_LENGTH:
        errors.append(
            FieldError(("note",), f"Enter a note of {COMMENT_MAX_LENGTH:,} characters or fewer")
        )
    return errors


def snapshot(plan: ActionPlan) -> dict:
    """The plan as it stands, as plain data: what a version keeps."""
    actions = plan.actions.prefetch_related("elements").order_by("created_at")
    return {
        "actions": [
            {
                "id": str(a.id),
                "text": a.text,
                "elements": a.element_codes,
                "priority": a.priority,
                "owner": a.owner,
                "due_on": a.due_on.isoformat() if a.due_on else None,
                "measure": a.measure,
                "status": a.status,
            }
            for a in actions
        ],
        "no_action": [
            {"element": n.element_code, "reason": n.reason} for n in plan.no_action.all()
        ],
    }


def sign_off(
    assessment: Assessment, membership: Membership, fields: SignOffFields, user: User | None
) -> PlanSignOff:
    """Record that the plan was agreed, keeping it as the next version."""
    plan = plan_of(assessment)
    if not may_sign_off(membership, plan):
        raise NotAllowed(NOT_ALLOWED)
    errors = check(fields)
    kept = snapshot(plan)
    if not errors and not kept["actions"] and not kept["no_action"]:
        errors.append(
            FieldError(("agreed_by",), "The plan is empty: add actions before it is agreed")
        )
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        last = plan.sign_offs.order_by("-version").first()
        made = PlanSignOff.objects.create(
            plan=plan,
            version=(last.version + 1) if last else 1,
            agreed_by=fields.agreed_by.strip(),
            agreed_by_role=fields.agreed_by_role.strip(),
            meeting=fields.meeting.strip(),
            agreed_on=fields.agreed_on,
            note=fields.note.strip(),
            recorded_by=user,
            snapshot=kept,
        )
        record(
            assessment,
            user,
            f"The plan was agreed by {made.agreed_by} at {made.meeting} on "
            f"{uk_date(made.agreed_on)} (version {made.version})",
            {"sign_off": [None, f"version {made.version}"]},
        )
    return made


def versions(assessment: Assessment) -> list[PlanSignOff]:
    return list(PlanSignOff.objects.filter(plan__assessment=assessment).order_by("version"))


def latest(assessment: Assessment) -> PlanSignOff | None:
    return PlanSignOff.objects.filter(plan__assessment=assessment).order_by("-version").first()


def version_of(assessment: Assessment, version: int) -> PlanSignOff:
    found = PlanSignOff.objects.filter(plan__assessment=assessment, version=version).first()
    if found is None:
        raise Http404("Not found")
    return found


@dataclass(frozen=True)
class AgreedRow:
    """An action of an agreed version, in words."""

    text: str
    elements: str
    priority: str
    owner: str
    due: str
    status: str
    measure: str


def rows_of(agreed: PlanSignOff) -> list[AgreedRow]:
    return [
        AgreedRow(
            text=a["text"],
            elements=", ".join(a["elements"]),
            priority=_words("priority", a["priority"]),
            owner=a["owner"] or "–",
            due=_words("due_on", a["due_on"]) if a["due_on"] else "–",
            status=_words("status", a["status"]),
            measure=a["measure"],
        )
        for a in agreed.snapshot.get("actions", [])
    ]


@dataclass
class Change:
    """One difference between the agreed version and the plan now, in words."""

    kind: str  # "added", "removed" or "changed"
    text: str
    details: list[str] = field(default_factory=list)


def _words(name: str, value) -> str:
    """A snapshot's value as the history words it (audit.labels), an empty one "none"."""
    return "none" if value in (None, "", []) else value_in_words(name, value)


LABELS = {
    "status": "Status",
    "owner": "Owner",
    "due_on": "Due",
    "priority": "Priority",
    "elements": "Elements",
    "text": "Action",
    "measure": "Success measure",
}


def changes_since(assessment: Assessment, agreed: PlanSignOff) -> list[Change]:
    """What is different now from the agreed version: actions added, removed and changed
    (field by field, in words), and elements marked or unmarked No action required."""
    now = snapshot(plan_of(assessment))
    then_actions = {a["id"]: a for a in agreed.snapshot.get("actions", [])}
    now_actions = {a["id"]: a for a in now["actions"]}
    found: list[Change] = []
    for key, action in now_actions.items():
        before = then_actions.get(key)
        if before is None:
            found.append(Change("added", action["text"]))
            continue
        details = [
            f"{label}: {_words(name, before.get(name))} → {_words(name, action.get(name))}"
            if name not in {"text", "measure"}
            else f"{label} reworded"
            for name, label in LABELS.items()
            if before.get(name) != action.get(name)
        ]
        if details:
            found.append(Change("changed", action["text"], details))
    found += [
        Change("removed", a["text"]) for key, a in then_actions.items() if key not in now_actions
    ]
    then_none = {n["element"] for n in agreed.snapshot.get("no_action", [])}
    now_none = {n["element"] for n in now["no_action"]}
    found += [
        Change("added", f"{code}: No action required") for code in sorted(now_none - then_none)
    ]
    found += [
        Change("removed", f"{code}: No action required") for code in sorted(then_none - now_none)
    ]
    return found


@dataclass(frozen=True)
class Standing:
    """Whether the plan is a draft or agreed, with the latest sign-off and what changed."""

    agreed: PlanSignOff | None
    changes: list[Change]

    @property
    def in_words(self) -> str:
        if self.agreed is None:
            return "The plan is a draft: it has not been agreed."
        said = (
            f"The plan was agreed by {self.agreed.agreed_by}"
            + (f" ({self.agreed.agreed_by_role})" if self.agreed.agreed_by_role else "")
            + f" at {self.agreed.meeting} on {uk_date(self.agreed.agreed_on)}"
            + (f", version {self.agreed.version}" if self.agreed.version > 1 else "")
        )
        count = len(self.changes)
        if count:
            return said + f"; {count} change{'s' if count != 1 else ''} since."
        return said + "; nothing has changed since."


def standing(assessment: Assessment) -> Standing:
    agreed = latest(assessment)
    return Standing(agreed, changes_since(assessment, agreed) if agreed else [])
