"""The form for an impact case study: the done actions it came from, and the national
fields. The fields' rules (required, lengths, a quote needs its champion) are the
service's, so that the pages and the API refuse the same things in the same words."""

from django import forms

from mobilise.plans.models import PlanAction
from mobilise.plans.services.case_studies import NO_ACTIONS, PARTS


class CaseStudyForm(forms.Form):
    actions = forms.MultipleChoiceField(
        label="The done actions it came from",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": NO_ACTIONS},
    )

    def __init__(self, *args, actions: list[PlanAction], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.offered = actions
        self.fields["actions"].choices = [(str(a.id), a.text) for a in actions]
        for part in PARTS:
            self.fields[part.name] = forms.CharField(
                label=part.label,
                help_text=part.hint,
                required=False,
                strip=True,
                widget=forms.Textarea if part.long else forms.TextInput,
            )
