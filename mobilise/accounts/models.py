"""Organisations, units, people and their roles, invitations and API tokens."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from mobilise.core.models import BaseModel

NAME_TO_RECORD_MAX = 150  # as a user name, and the fields that keep a name beside a record


class User(AbstractUser):
    """A person who signs in. Participants never have one: they rate anonymously."""

    # The single sign-on identity linked to the account (provider and its `sub`), set on the
    # first sign-in matched by e-mail; afterwards the subject alone finds the account.
    sso_issuer = models.CharField(max_length=500, blank=True, default="")
    sso_subject = models.CharField(max_length=255, blank=True, default="")

    @property
    def display_name(self) -> str:
        """The person's name as others see it: their full name, else their user name."""
        return self.get_full_name() or self.get_username()

    def name_to_record(self, most: int = NAME_TO_RECORD_MAX) -> str:
        """The display name as it is kept beside what the person wrote (a note, evidence, a
        case study): a first and last name may be 301 characters, the field that keeps it
        fewer, so a long one is cut rather than refused."""
        return self.display_name[:most].strip()


class Region(models.TextChoices):
    """NHS England's seven regions, for benchmarking by region."""

    EAST_OF_ENGLAND = "east-of-england", "East of England"
    LONDON = "london", "London"
    MIDLANDS = "midlands", "Midlands"
    NORTH_EAST_AND_YORKSHIRE = "north-east-and-yorkshire", "North East and Yorkshire"
    NORTH_WEST = "north-west", "North West"
    SOUTH_EAST = "south-east", "South East"
    SOUTH_WEST = "south-west", "South West"


class OrganisationType(models.TextChoices):
    ACUTE = "acute", "Acute trust"
    MENTAL_HEALTH = "mental-health", "Mental health trust"
    COMMUNITY = "community", "Community trust"
    AMBULANCE = "ambulance", "Ambulance trust"
    INTEGRATED_CARE_BOARD = "icb", "Integrated care board"
    OTHER = "other", "Other NHS organisation"


class Organisation(BaseModel):
    name = models.CharField(max_length=200, unique=True)
    region = models.CharField(max_length=40, choices=Region.choices, blank=True)
    kind = models.CharField(
        "organisation type", max_length=20, choices=OrganisationType.choices, blank=True
    )
    # Off until an admin opts in: then the organisation's agreed levels and plans count,
    # anonymously, in the benchmark across organisations.
    benchmarking = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UnitQuerySet(models.QuerySet):
    def active(self) -> "UnitQuerySet":
        """Not archived: the units in the portfolio, the benchmark and the choice of units."""
        return self.filter(archived_at__isnull=True)


class Unit(BaseModel):
    """A team, directorate or Board that assesses itself.

    An archived unit keeps its assessments, plans and history, but leaves the portfolio, the
    benchmark and the choice of units for a new assessment, until an admin restores it.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(max_length=200)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_unit_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class Role(models.TextChoices):
    ADMIN = "admin", "Organisation admin"
    FACILITATOR = "facilitator", "Facilitator"
    VIEWER = "viewer", "Viewer"


class Membership(BaseModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.organisation})"

    @property
    def can_edit(self) -> bool:
        """Admins and facilitators change assessments and plans; viewers mostly read."""
        return self.role in {Role.ADMIN, Role.FACILITATOR}


class ApiToken(BaseModel):
    """A bearer token for the API. Only a hash of the secret is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=12, help_text="The start of the token, to recognise it")
    key_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> "InvitationQuerySet":
        """Not yet accepted, not withdrawn and not expired: the links that still work."""
        return self.filter(
            accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(BaseModel):
    """An organisation admin's invitation to join with a role, sent by e-mail.

    The link carries a random key of which only a hash is stored; it works once, until it
    expires, and only while the invitation has not been withdrawn.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    key_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["email"], name="invitation_email")]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()}, {self.organisation})"

    @property
    def is_pending(self) -> bool:
        return (
            self.accepted_at is None
            and self.withdrawn_at is None
            and self.expires_at > timezone.now()
        )
