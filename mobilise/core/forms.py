"""Form fields shared by every app, with messages in the NHS.UK style."""

import datetime

from django import forms
from django.core.exceptions import ValidationError


class SplitDateWidget(forms.MultiWidget):
    """Day, month and year boxes, rendered by the `date_field` macro."""

    def __init__(self) -> None:
        super().__init__(
            {"day": forms.TextInput(), "month": forms.TextInput(), "year": forms.TextInput()}
        )

    def decompress(self, value: datetime.date | None) -> list:
        return [value.day, value.month, value.year] if value else [None, None, None]


class SplitDateField(forms.MultiValueField):
    widget = SplitDateWidget

    def __init__(self, *, label: str, required: bool = True, **kwargs) -> None:
        self.name_in_messages = label[0].lower() + label[1:]
        fields = (
            forms.IntegerField(min_value=1, max_value=31),
            forms.IntegerField(min_value=1, max_value=12),
            forms.IntegerField(min_value=2000, max_value=2100),
        )
        super().__init__(
            fields,
            label=label,
            required=required,
            require_all_fields=False,
            error_messages={
                "required": f"Enter the {self.name_in_messages}",
                "incomplete": f"The {self.name_in_messages} must include a day, month and year",
                "invalid": f"The {self.name_in_messages} must be a real date",
            },
            **kwargs,
        )
        for field in self.fields:
            field.error_messages["invalid"] = f"The {self.name_in_messages} must be a real date"
            field.error_messages["min_value"] = f"The {self.name_in_messages} must be a real date"
            field.error_messages["max_value"] = f"The {self.name_in_messages} must be a real date"

    def compress(self, data_list: list) -> datetime.date | None:
        if not data_list or all(v in (None, "") for v in data_list):
            return None
        if any(v in (None, "") for v in data_list):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        day, month, year = data_list
        try:
            return datetime.date(year, month, day)
        except ValueError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error
