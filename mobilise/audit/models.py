"""The organisation's audit trail: one line per change, by whom and when."""

from django.conf import settings
from django.db import models

from mobilise.audit.kinds import Kind, kind_of
from mobilise.core.models import BaseModel


class HistoryEntry(BaseModel):
    """Who changed what, and when: in an assessment (its plan included), or in the
    organisation as a whole (people, roles, local actions). The organisation's audit trail.

    An entry outlives the assessment it is about, so that a deletion stays on record.
    """

    # Named, not imported: every app writes here, so this app imports none of theirs.
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="history"
    )
    assessment = models.ForeignKey(
        "assessments.Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="history",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    summary = models.CharField(max_length=300)
    changes = models.JSONField(default=dict, blank=True)
    # What the change was about, for the history's filter (audit.kinds): set from the
    # summary when the line is saved, unless the app recording it names it.
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    # Set only for an entry read from an imported file: the date the file claims. The entry
    # itself is dated when it was imported, and shown as "from the imported file" (ADR 0012).
    original_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # Made by the assessments app before the audit trail had an app of its own; the
        # table kept its name when the model moved (migrations: SeparateDatabaseAndState).
        db_table = "assessments_historyentry"
        ordering = ["-created_at"]
        verbose_name_plural = "history entries"
        indexes = [
            # The history pages: an organisation's (or an assessment's) lines, newest
            # first, of one kind or of all.
            models.Index(fields=["organisation", "-created_at"], name="history_org_newest"),
            models.Index(
                fields=["organisation", "kind", "-created_at"], name="history_org_kind_newest"
            ),
            models.Index(fields=["assessment", "-created_at"], name="history_assessment_newest"),
        ]

    def __str__(self) -> str:
        return self.summary

    def save(self, *args, **kwargs) -> None:
        if self.organisation_id is None and self.assessment_id is not None:
            self.organisation_id = self.assessment.organisation_id
        if self._state.adding and self.kind == Kind.OTHER:
            self.kind = kind_of(self.summary)
        super().save(*args, **kwargs)
