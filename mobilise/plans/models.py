"""Action plans: actions and the elements they serve, progress notes, No action required, local
actions, reminders and calendar feeds."""

import datetime
import secrets

from django.conf import settings
from django.db import models

from mobilise.accounts.models import Membership, Organisation
from mobilise.assessments.models import COMMENT_MAX_LENGTH, Assessment
from mobilise.core.models import BaseModel


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


OPEN_STATUSES = [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS]


def overdue(today: datetime.date, path: str = "") -> models.Q:
    """An action is overdue when it is open (not started or in progress) and its due date
    is before today. `path` leads to the action from another model (`"actions__"`)."""
    return models.Q(**{f"{path}status__in": OPEN_STATUSES, f"{path}due_on__lt": today})


class LocalAction(BaseModel):
    """An organisation's own action for an element, with an example of local good practice."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="local_actions"
    )
    element_code = models.CharField(max_length=8)
    text = models.CharField(max_length=500)
    good_practice = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)

    class Meta:
        ordering = ["element_code", "created_at"]

    def __str__(self) -> str:
        return self.text


class ActionPlan(BaseModel):
    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="plan")
    # Besides the organisation's admins, the one facilitator an admin named to record that
    # this plan was agreed (for a Board, the knowledge service's manager).
    sign_off_member = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Plan for {self.assessment}"


class PlanAction(BaseModel):
    """One action in a plan. A catalogue action shared by several elements is one row."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    # Null for custom actions: the unique constraint below applies to catalogue actions only.
    option_id = models.CharField(max_length=20, blank=True, null=True)  # noqa: DJ001
    # For catalogue actions: the option's words normalised, so the same action merges.
    action_key = models.CharField(max_length=500, blank=True, null=True)  # noqa: DJ001
    local_action = models.ForeignKey(
        LocalAction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(max_length=COMMENT_MAX_LENGTH)
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    # The owner is a member of the organisation (`owner_member`, whose name is copied into
    # `owner` so that files and history still name them after they leave) or, for someone
    # without an account, a name typed in (`owner`, with `owner_email` for reminders).
    owner_member = models.ForeignKey(
        Membership,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_actions",
    )
    owner = models.CharField(max_length=200, blank=True)
    owner_email = models.EmailField(blank=True)
    due_on = models.DateField(null=True, blank=True)
    measure = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    carried_over_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_to"
    )

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            # Follow-up counts and sorts an organisation's open actions plan by plan from
            # this index alone, without reading the table (services/followup.py).
            models.Index(
                fields=["plan", "status", "due_on", "created_at", "id"],
                name="plans_action_followup",
            ),
            # ... and a member's own ("My actions") from this one.
            models.Index(
                fields=["owner_member", "status", "due_on", "created_at", "id"],
                name="plans_action_my_actions",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "action_key"],
                condition=models.Q(action_key__isnull=False),
                name="one_row_per_catalogue_action",
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def element_codes(self) -> list[str]:
        return [e.element_code for e in self.elements.all()]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def reminder_address(self) -> str:
        """Where reminders go: the address typed for the owner, else the member's own."""
        if self.owner_email:
            return self.owner_email
        return self.owner_member.user.email if self.owner_member_id else ""

    def is_overdue(self, today: datetime.date) -> bool:
        """The rule of `overdue()`, for an action in hand."""
        return bool(self.due_on and self.is_open and self.due_on < today)


class PlanActionElement(models.Model):
    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="elements")
    element_code = models.CharField(max_length=8)

    class Meta:
        ordering = ["element_code"]
        constraints = [
            models.UniqueConstraint(fields=["action", "element_code"], name="unique_action_element")
        ]

    def __str__(self) -> str:
        return self.element_code


class ProgressNote(BaseModel):
    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(max_length=COMMENT_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:50]


class NoActionRequired(BaseModel):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="no_action")
    element_code = models.CharField(max_length=8)
    reason = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)

    class Meta:
        ordering = ["element_code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "element_code"], name="unique_no_action")
        ]

    def __str__(self) -> str:
        return f"{self.element_code}: no action required"


class ReminderSent(BaseModel):
    """A reminder e-mailed about an action on a day: never the same one twice in a day."""

    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="reminders")
    email = models.EmailField()
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action", "email", "sent_on"], name="one_reminder_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} {self.sent_on}"


def new_feed_key() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(BaseModel):
    """A person's secret calendar feed of due dates in one organisation."""

    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    key = models.CharField(max_length=64, unique=True, default=new_feed_key)

    def __str__(self) -> str:
        return f"Calendar of {self.membership}"


class PlanSignOff(BaseModel):
    """A record that the plan was agreed (by a Board or a team, at a meeting, on a day), and
    the plan as it stood then: a version that can always be shown and exported as it was,
    however its actions move on afterwards. Versions count from 1 in each plan."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="sign_offs")
    version = models.PositiveIntegerField()
    agreed_by = models.CharField(max_length=200)  # a name, or a body ("Trust Board")
    agreed_by_role = models.CharField(max_length=200, blank=True)
    meeting = models.CharField(max_length=200)
    agreed_on = models.DateField()
    note = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The plan as agreed: {"actions": [...], "no_action": [...]}, written once, never changed.
    snapshot = models.JSONField(default=dict)

    class Meta:
        ordering = ["version"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "version"], name="one_sign_off_per_version")
        ]

    def __str__(self) -> str:
        return f"Version {self.version}, agreed {self.agreed_on}"


CASE_TEXT_MAX = 4000
CASE_LINE_MAX = 200


class CaseStudy(BaseModel):
    """An impact case study written up from one or more done actions of a plan, in the
    fields knowledge services use nationally. The elements it served are its actions'
    elements; the score change is read from the next cycle's agreed levels when there is
    one (services/case_studies.py)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="case_studies")
    title = models.CharField(max_length=CASE_LINE_MAX)
    challenge = models.TextField(max_length=CASE_TEXT_MAX)
    service_did = models.TextField(max_length=CASE_TEXT_MAX)
    intervention = models.TextField(max_length=CASE_TEXT_MAX)
    outcome = models.TextField(max_length=CASE_TEXT_MAX)
    figure = models.CharField(max_length=CASE_LINE_MAX, blank=True)
    quote = models.TextField(blank=True, max_length=CASE_TEXT_MAX)
    champion_name = models.CharField(max_length=CASE_LINE_MAX, blank=True)
    champion_role = models.CharField(max_length=CASE_LINE_MAX, blank=True)
    actions = models.ManyToManyField(PlanAction, related_name="case_studies")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_by_name = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name_plural = "case studies"

    def __str__(self) -> str:
        return self.title
