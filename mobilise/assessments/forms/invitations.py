"""The forms for inviting participants: addresses to e-mail, and the session's calendar."""

from django import forms
from django.core.exceptions import ValidationError

from mobilise.assessments.services import invitations
from mobilise.core.errors import InvalidInput
from mobilise.core.forms import SplitDateField


class InvitationForm(forms.Form):
    addresses = forms.CharField(
        label="E-mail addresses",
        help_text="One per line, or separated by commas. Up to "
        f"{invitations.MAX_INVITATIONS}. They are used to send the invitations and then "
        "forgotten: never stored, never logged, never tied to anyone's answers.",
        widget=forms.Textarea,
        max_length=invitations.MAX_ADDRESSES_TEXT,
        error_messages={
            "required": "Enter the e-mail addresses to send the invitation to",
            "max_length": f"Enter {invitations.MAX_INVITATIONS} e-mail addresses or fewer",
        },
    )

    def clean_addresses(self) -> list[str]:
        try:
            return invitations.parse_addresses(self.cleaned_data["addresses"])
        except InvalidInput as error:
            raise ValidationError(error.errors[0].msg, code="invalid") from None


class SessionForm(forms.Form):
    on = SplitDateField(
        label="Date of the session", required=False, help_text="For example, 27 3 2027"
    )
    start = forms.CharField(
        label="Start time",
        help_text="UK time, on the 24-hour clock. For example, 14:30",
        max_length=20,
        required=False,
    )
    minutes = forms.IntegerField(
        label="How long it lasts, in minutes",
        initial=90,
        required=False,
        error_messages={"invalid": "Enter how long the session lasts as a number of minutes"},
    )
    place = forms.CharField(
        label="Place, or the link to join online",
        help_text="For example, Board room, Trust headquarters; or a Microsoft Teams link",
        max_length=invitations.MAX_PLACE,
        required=False,
        error_messages={
            "max_length": f"The place must be {invitations.MAX_PLACE} characters or fewer"
        },
    )

    def clean(self) -> dict:
        data = super().clean()
        try:
            data["session"] = invitations.session(
                data.get("on"), data.get("start", ""), data.get("minutes"), data.get("place", "")
            )
        except InvalidInput as error:
            for problem in error.errors:
                # A field already refused (a date that is not real) keeps its own message.
                if problem.loc[0] not in self.errors:
                    self.add_error(problem.loc[0], problem.msg)
        return data
