"""The form for setting up a new assessment."""

from django import forms

from mobilise.accounts.models import Organisation
from mobilise.accounts.services.units import existing_unit
from mobilise.assessments.models import Mode
from mobilise.core.errors import InvalidInput
from mobilise.core.forms import SplitDateField

NEW_UNIT = "__new__"


def closing_date_for_individual_only(form: forms.Form, data: dict) -> None:
    """The closing date is revealed under individual completion only, and needed there:
    what a group session's hidden date boxes hold is neither kept nor complained about."""
    if data.get("mode") == Mode.GROUP:
        form.errors.pop("closes_on", None)
        data["closes_on"] = None
    elif (
        data.get("mode") == Mode.INDIVIDUAL
        and not data.get("closes_on")
        and "closes_on" not in form.errors
    ):
        form.add_error("closes_on", "Enter the closing date: people rate by then")


class AssessmentForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example, Board self-assessment, spring 2027",
        error_messages={
            "required": "Enter a title for the assessment",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    unit = forms.ChoiceField(
        label="Which unit is assessing itself?",
        required=False,
        error_messages={"invalid_choice": "Select the unit, or add a new one"},
    )
    new_unit = forms.CharField(
        label="Name of the new unit",
        help_text="If you chose a new unit",
        max_length=200,
        required=False,
        error_messages={"max_length": "The unit's name must be 200 characters or fewer"},
    )
    mode = forms.ChoiceField(
        label="How will people take part?",
        choices=Mode.choices,
        error_messages={"required": "Select group session or individual completion"},
    )
    closes_on = SplitDateField(
        label="Closing date",
        required=False,
        help_text="Needed for individual completion. For example, 27 3 2027",
    )

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        units = [(str(u.id), u.name) for u in organisation.units.active()]
        self.fields["unit"].choices = [*units, (NEW_UNIT, "A new unit")]
        self.unit_names = dict(units)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("unit") and data["unit"] != NEW_UNIT:
            self.errors.pop("new_unit", None)
            data["new_unit"] = ""
        new_unit = data.get("new_unit", "").strip()
        if not data.get("unit"):
            if new_unit:
                data["unit"] = NEW_UNIT
            elif "unit" not in self.errors:
                self.add_error("unit", "Select the unit, or add a new one")
        elif data["unit"] == NEW_UNIT and not new_unit:
            self.add_error("new_unit", "Enter the name of the new unit")
        if data.get("unit") == NEW_UNIT and new_unit:
            try:
                existing_unit(self.organisation, new_unit)
            except InvalidInput as archived:
                self.add_error("new_unit", archived.errors[0].msg)
        closing_date_for_individual_only(self, data)
        return data

    @property
    def unit_name(self) -> str:
        unit = self.cleaned_data["unit"]
        return self.cleaned_data["new_unit"].strip() if unit == NEW_UNIT else self.unit_names[unit]


class ReassessForm(forms.Form):
    """What the next cycle of a unit is called and how it runs, before anything is made."""

    title = AssessmentForm.base_fields["title"]
    mode = AssessmentForm.base_fields["mode"]
    closes_on = AssessmentForm.base_fields["closes_on"]
    close_previous = forms.TypedChoiceField(
        label="Close this assessment?",
        choices=[("yes", "Yes, close it: no more answers"), ("no", "No, leave it open")],
        coerce=lambda value: value == "yes",
        # Asked only while the previous assessment is open: absent, nothing is closed.
        required=False,
        empty_value=False,
    )

    def clean(self) -> dict:
        data = super().clean()
        closing_date_for_individual_only(self, data)
        return data
