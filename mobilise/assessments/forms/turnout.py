from django import forms

from mobilise.assessments.services.turnout import MAX_EXPECTED


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
