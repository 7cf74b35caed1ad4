"""Forms for recording that a plan was agreed, and naming who else may record it."""

from django import forms

from mobilise.accounts.models import Membership
from mobilise.assessments.models import COMMENT_MAX_LENGTH
from mobilise.core.forms import SplitDateField
from mobilise.plans.services.sign_off import NAME_MAX


def _text(label: str, words: str, required: bool = True, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=NAME_MAX,
        help_text=help_text,
        error_messages={
            "required": f"Enter {words}",
            "max_length": f"Enter {words} in {NAME_MAX} characters or fewer",
        },
    )


class SignOffForm(forms.Form):
    agreed_by = _text(
        "Who agreed the plan",
        "who agreed the plan",
        help_text="A person's name, or the body that agreed it, for example Trust Board",
    )
    agreed_by_role = _text(
        "Their role (optional)",
        "the role",
        required=False,
        help_text="For example, Chief Nurse and Board sponsor for knowledge mobilisation",
    )
    meeting = _text("Meeting", "the meeting", help_text="For example, Trust Board, public meeting")
    agreed_on = SplitDateField(label="Date the plan was agreed", help_text="For example, 3 12 2026")
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea,
        help_text="Conditions, or what the meeting asked for",
        error_messages={
            "max_length": f"Enter a note of {COMMENT_MAX_LENGTH:,} characters or fewer"
        },
    )


class SignatoryForm(forms.Form):
    sign_off_member = forms.ChoiceField(
        label="Facilitator who may also record it",
        required=False,
        error_messages={"invalid_choice": "Choose a facilitator of your organisation"},
    )

    def __init__(self, *args, facilitators: list[Membership], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.members = {str(m.pk): m for m in facilitators}
        self.fields["sign_off_member"].choices = [("", "Nobody: only admins")] + [
            (key, m.user.display_name) for key, m in self.members.items()
        ]

    def clean_sign_off_member(self) -> Membership | None:
        return self.members.get(self.cleaned_data["sign_off_member"])
