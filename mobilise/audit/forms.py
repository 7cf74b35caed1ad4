"""The history's filters: kind of change, person and a range of days, read from the URL."""

from django import forms

from mobilise.audit.kinds import Kind
from mobilise.core.forms import SplitDateField


class HistoryFilters(forms.Form):
    kind = forms.ChoiceField(label="Kind of change", required=False)
    person = forms.TypedChoiceField(label="Person", required=False, coerce=int, empty_value=None)
    since = SplitDateField(label="From date", required=False)
    until = SplitDateField(label="To date", required=False)

    def __init__(self, data, people) -> None:
        super().__init__(data)
        self.fields["kind"].choices = [("", "Any kind of change"), *Kind.choices]
        self.fields["person"].choices = [("", "Anyone")] + [
            (person.pk, person.get_full_name() or person.get_username()) for person in people
        ]
        self.fields["person"].error_messages["invalid_choice"] = "Select a person from the list"
        self.fields["kind"].error_messages["invalid_choice"] = "Select a kind of change"

    def clean(self) -> dict:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", "The to date must be the same as or after the from date")
        return data

    def filters(self) -> dict:
        """The service's keyword arguments: none of them when a filter is wrong, so that the
        page shows the whole history beneath the error summary."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "actor_id": data["person"],
            "since": data["since"],
            "until": data["until"],
        }

    @property
    def filtering(self) -> bool:
        """Any filter asked for in the URL, right or wrong (the page offers to clear it)."""
        return self.is_bound and any(v for k, v in self.data.items() if k != "page")
