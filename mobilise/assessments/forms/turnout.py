"""Forms for the number of people expected to answer and for making personal links."""

from django import forms
from django.core.exceptions import ValidationError

from mobilise.assessments.services.personal_links import MAX_LINKS
from mobilise.assessments.services.turnout import MAX_EXPECTED
from mobilise.core.mail import addresses_in


class ExpectedForm(forms.Form):
    expected_participants = forms.IntegerField(
        label="How many people do you expect to answer?",
        help_text="Leave it empty if you do not know. More answers than this show a warning.",
        required=False,
        min_value=1,
        max_value=MAX_EXPECTED,
        error_messages={
            "invalid": "Enter the number of people expected as a whole number, like 12",
            "min_value": "The number of people expected must be 1 or more",
            "max_value": f"The number of people expected must be {MAX_EXPECTED:,} or fewer",
        },
    )


class PersonalLinksForm(forms.Form):
    """Either a number of links to copy or download, or addresses to send one link each."""

    count = forms.IntegerField(
        label="How many links?",
        help_text=f"Up to {MAX_LINKS}. Leave it empty to send links by e-mail instead.",
        required=False,
        min_value=1,
        max_value=MAX_LINKS,
        error_messages={
            "invalid": "Enter how many links as a whole number, like 12",
            "min_value": "Ask for 1 link or more",
            "max_value": f"Ask for {MAX_LINKS} links or fewer",
        },
    )
    output = forms.ChoiceField(
        label="How do you want the links?",
        choices=[("page", "On the next page, to copy"), ("csv", "As a CSV file")],
        initial="page",
        required=False,
    )
    addresses = forms.CharField(
        label="Or send one link to each of these e-mail addresses",
        help_text="One or more addresses, separated by spaces, commas or new lines. They are "
        "used to send the links and then forgotten: never stored, never logged.",
        required=False,
        widget=forms.Textarea,
        max_length=MAX_LINKS * 320,
        error_messages={"max_length": "Enter fewer e-mail addresses"},
    )
    only_personal = forms.ChoiceField(
        label="Should the shared link still take answers?",
        choices=[
            ("yes", "No: only personal links take answers"),
            ("no", "Yes: the shared link takes answers too"),
        ],
        initial="yes",
        error_messages={"required": "Select whether the shared link still takes answers"},
    )

    def clean_addresses(self) -> list[str]:
        found, bad = addresses_in(self.cleaned_data.get("addresses") or "")
        if bad:
            raise ValidationError(f"{bad[0]} is not an e-mail address", code="invalid")
        if len(found) > MAX_LINKS:
            raise ValidationError(f"Enter {MAX_LINKS} e-mail addresses or fewer", code="max")
        return found

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        if (data.get("count") is None) == (not data.get("addresses")):
            self.add_error(
                "count", "Enter how many links you want, or e-mail addresses to send them to"
            )
        return data
