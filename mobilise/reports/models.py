"""What the facilitator types for an assessment's Board paper: the meeting, who writes and
presents it, its purpose and what the Board is asked to do."""

from django.db import models

from mobilise.assessments.models import Assessment


class Purpose(models.TextChoices):
    DECISION = "decision", "For decision"
    ASSURANCE = "assurance", "For assurance"
    INFORMATION = "information", "For information"


class BoardPaper(models.Model):
    """The cover of an assessment's Board paper, remembered between downloads."""

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="board_paper"
    )
    meeting = models.CharField(max_length=200, blank=True)
    meeting_on = models.DateField(null=True, blank=True)
    author = models.CharField(max_length=200, blank=True)
    presenter = models.CharField(max_length=200, blank=True)
    sponsor = models.CharField(max_length=200, blank=True)
    purpose = models.CharField(max_length=12, choices=Purpose.choices, default=Purpose.DECISION)
    recommendations = models.TextField(
        blank=True, max_length=2000, help_text="One a line; empty for the defaults"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Board paper for {self.assessment}"
