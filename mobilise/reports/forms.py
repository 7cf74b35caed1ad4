"""The form for the Board paper's cover, typed before the paper is downloaded."""

from django import forms

from mobilise.core.forms import SplitDateField
from mobilise.reports.models import Purpose

RECOMMENDATIONS_MAX = 2000


def _text(label: str, hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        max_length=200,
        error_messages={"max_length": f"{label} must be 200 characters or fewer"},
    )


class BoardPaperForm(forms.Form):
    meeting = _text("Meeting", "For example, Trust Board (public session)")
    meeting_on = SplitDateField(
        label="Date of the meeting", required=False, help_text="For example, 14 1 2027"
    )
    author = _text("Author", "Name and role, for example Jo Smith, Head of Library Services")
    presenter = _text("Presented by", "Leave it empty if the author presents the paper")
    sponsor = _text("Executive sponsor", "For example, Chief Nurse")
    purpose = forms.ChoiceField(
        label="Purpose of the paper",
        choices=Purpose.choices,
        error_messages={"required": "Select the purpose of the paper"},
    )
    recommendations = forms.CharField(
        label="The Board is asked to:",
        help_text="One recommendation a line, each completing the sentence.",
        required=False,
        widget=forms.Textarea,
        max_length=RECOMMENDATIONS_MAX,
        error_messages={
            "max_length": f"The recommendations must be {RECOMMENDATIONS_MAX:,} characters or fewer"
        },
    )
