"""Assessments, anonymous responses and their ratings, hands counted in the room, and the
levels the group agreed."""

import datetime
import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from mobilise.accounts.models import Organisation, Unit
from mobilise.core.dates import UK
from mobilise.core.models import BaseModel
from mobilise.framework.catalogue import Framework, get_framework

LEVEL_VALIDATORS = [MinValueValidator(0), MaxValueValidator(4)]
COMMENT_MAX_LENGTH = 2000
DEFAULT_TARGET = 3


def new_participant_token() -> str:
    return secrets.token_urlsafe(16)


class Mode(models.TextChoices):
    GROUP = "group", "Group session"
    INDIVIDUAL = "individual", "Individual completion"


class Status(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Importance(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


IMPORTANCE_WEIGHTS = {Importance.LOW: 1, Importance.MEDIUM: 2, Importance.HIGH: 3}


class Assessment(BaseModel):
    """One self-assessment of a unit, against one version of the framework."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="assessments"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="assessments")
    title = models.CharField(max_length=200)
    mode = models.CharField(max_length=20, choices=Mode.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    closes_on = models.DateField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    framework_version = models.CharField(max_length=20)
    participant_token = models.CharField(max_length=64, unique=True, default=new_participant_token)
    results_revealed = models.BooleanField(default=False)
    # Once personal links are issued, the shared link may stop taking answers.
    personal_links_only = models.BooleanField(default=False)
    # How many people the facilitator expects to answer: more responses than this warn.
    expected_participants = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10_000)]
    )
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reassessments"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["organisation", "-created_at"]),
            # A unit's newest assessments first: the portfolio picks each unit's latest.
            models.Index(fields=["unit", "-created_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def framework(self) -> Framework:
        return get_framework(self.framework_version)

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        """Open until closed by hand, or until the end of its closing day, UK time."""
        if self.status != Status.OPEN:
            return False
        if self.closes_on is None:
            return True
        today = (now or timezone.now()).astimezone(UK).date()
        return today <= self.closes_on

    @property
    def current_status(self) -> str:
        return Status.OPEN if self.is_open() else Status.CLOSED


class Source(models.TextChoices):
    PARTICIPANT = "participant", "Participant"
    API = "api", "API"
    PAPER = "paper", "Entered by the facilitator from paper"


def in_figures(path: str = "") -> models.Q:
    """A response counts in the figures once it is sent, unless it was discarded. `path`
    leads to the response from another model (`"responses__"`, `"response__"`)."""
    return models.Q(**{f"{path}submitted_at__isnull": False, f"{path}discarded": False})


class ResponseQuerySet(models.QuerySet):
    def in_figures(self) -> "ResponseQuerySet":
        return self.filter(in_figures())


class Response(BaseModel):
    """One participant's answers. Nothing here identifies the person who gave them."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="responses")
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.PARTICIPANT)
    # A hash of the participant's personal resume key, so a draft can be found again.
    resume_key_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Brought in by a JSON import: whatever its source says, no participant was seen giving
    # it here, so it never counts towards the minimum that unlocks results (ADR 0012).
    imported = models.BooleanField(default=False)
    # A response the facilitator discarded (a flood, a duplicate): kept, never counted.
    discarded = models.BooleanField(default=False)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["assessment", "submitted_at"])]

    def __str__(self) -> str:
        return f"Response {self.id}"


class PersonalLink(models.Model):
    """A single-use link for one participant. Only the hash of its secret is kept, and
    nothing ties it to the response it brought (no foreign key, no time it was spent): a
    facilitator who knows who got which link still cannot tell which answers are whose."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="personal_links"
    )
    secret_hash = models.CharField(max_length=64, unique=True)
    spent = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Personal link {self.id}"


class Rating(models.Model):
    """A rating of one element; a null level is "Don't know"."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="ratings")
    element_code = models.CharField(max_length=8)
    level = models.PositiveSmallIntegerField(null=True, blank=True, validators=LEVEL_VALIDATORS)
    comment = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "element_code"], name="unique_rating"),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__lte=4),
                name="rating_level_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.element_code}: {self.level}"


HANDS_MAX = 1000  # more hands than any room holds, for one level of one element


class HandCount(models.Model):
    """A show of hands in the room: how many raised a hand for one level of one element
    (level None: Don't know). It joins the spread, marked as counted by hand; it is not a
    response, so it never counts towards the minimum that shows individual results."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="hand_counts")
    element_code = models.CharField(max_length=8)
    level = models.PositiveSmallIntegerField(null=True, blank=True, validators=LEVEL_VALIDATORS)
    count = models.PositiveIntegerField(validators=[MaxValueValidator(HANDS_MAX)])

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "element_code", "level"],
                condition=models.Q(level__isnull=False),
                name="unique_hand_count_per_level",
            ),
            models.UniqueConstraint(
                fields=["assessment", "element_code"],
                condition=models.Q(level__isnull=True),
                name="unique_hand_count_dont_know",
            ),
            models.CheckConstraint(
                condition=models.Q(level__lte=4) & models.Q(count__lte=HANDS_MAX),
                name="hand_count_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.element_code} level {self.level}: {self.count} hands"


class Consensus(BaseModel):
    """The level the group agreed for an element, how important it is now, and the target."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="consensus")
    element_code = models.CharField(max_length=8)
    level = models.PositiveSmallIntegerField(validators=LEVEL_VALIDATORS)
    importance = models.CharField(max_length=10, choices=Importance.choices)
    target = models.PositiveSmallIntegerField(default=DEFAULT_TARGET, validators=LEVEL_VALIDATORS)
    rationale = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "consensus"
        constraints = [
            models.UniqueConstraint(fields=["assessment", "element_code"], name="unique_consensus"),
            models.CheckConstraint(
                condition=models.Q(level__lte=4) & models.Q(target__lte=4),
                name="consensus_levels_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.element_code}: {self.level}"

    @property
    def weight(self) -> int:
        return IMPORTANCE_WEIGHTS[self.importance]


class PresenterOrder(models.TextChoices):
    FRAMEWORK = "framework", "As in the framework"
    DISAGREEMENTS = "disagreements", "Disagreements first"


class PresenterState(BaseModel):
    """What an assessment's presenter screen shows, shared by every window that shows or
    drives it. One per assessment, made when first asked for; `version` goes up by one on
    every change, so a screen that polls knows when to redraw."""

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="presenter_state"
    )
    # An element's code, or "" for the join screen.
    position = models.CharField(max_length=8, blank=True, default="")
    order = models.CharField(
        max_length=20, choices=PresenterOrder.choices, default=PresenterOrder.FRAMEWORK
    )
    # The codes of the elements whose answers are revealed, in the order they were.
    revealed = models.JSONField(default=list, blank=True)
    reveal_all = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"Presenter of {self.assessment_id}: {self.position or 'join'} v{self.version}"


class EvidenceKind(models.TextChoices):
    NOTE = "note", "Note"
    LINK = "link", "Link"
    FILE = "file", "File"


EVIDENCE_TITLE_MAX = 200
# What people call each file type evidence may be (the service reads it from the bytes).
EVIDENCE_FILE_LABELS = {
    "application/pdf": "PDF",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel workbook",
}
EVIDENCE_URL_MAX = 2000


class Evidence(BaseModel):
    """What backs an agreed rating: a note, a link or a file, with the date it describes
    (not the date it was added) and who added it. A file's bytes live in the "evidence"
    storage, never under a public URL; here are its name, type, size and digest. Evidence
    offered again at the next cycle waits, unconfirmed, until the group keeps, updates or
    drops it."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    element_code = models.CharField(max_length=8)
    kind = models.CharField(max_length=10, choices=EvidenceKind.choices)
    title = models.CharField(max_length=EVIDENCE_TITLE_MAX)
    note = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    url = models.URLField(blank=True, max_length=EVIDENCE_URL_MAX)
    describes_on = models.DateField()
    file_name = models.CharField(max_length=255, blank=True)
    file_type = models.CharField(max_length=100, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    # Where the bytes are in the evidence storage; blank when only a reference came in
    # (a JSON import carries no files).
    stored_name = models.CharField(max_length=300, blank=True)
    confirmed = models.BooleanField(default=True)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_by_name = models.CharField(max_length=150, blank=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["element_code", "describes_on", "created_at"]
        indexes = [models.Index(fields=["assessment", "element_code"])]

    def __str__(self) -> str:
        return f"{self.element_code}: {self.title}"

    @property
    def file_carried(self) -> bool:
        return self.kind == EvidenceKind.FILE and bool(self.stored_name)

    @property
    def type_label(self) -> str:
        return EVIDENCE_FILE_LABELS.get(self.file_type, self.file_type or "file")

    @property
    def size_label(self) -> str:
        size = self.file_size or 0
        if size >= 1024 * 1024:
            return f"{size / (1024 * 1024):.1f} MB"
        return f"{max(1, round(size / 1024))} KB"
