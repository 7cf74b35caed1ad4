"""The form for a show of hands: how many raised a hand for each level of one element."""

from django import forms

from mobilise.assessments.models import HANDS_MAX
from mobilise.assessments.services.hands import Hands
from mobilise.framework.catalogue import Element, Framework


class HandsForm(forms.Form):
    """A whole number (empty for none) per level of the scale, and one for Don't know."""

    def __init__(self, *args, framework: Framework, element: Element, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.levels = [*framework.levels, None]
        for level, description in zip(framework.scale, element.levels, strict=True):
            self.fields[f"level_{level.level}"] = self._count(
                f"{level.level} {level.label}", f"Hands for level {level.level}", description
            )
        self.fields["dont_know"] = self._count(
            framework.dont_know, "Hands for Don't know", framework.dont_know_description
        )

    @staticmethod
    def _count(label: str, name: str, hint: str) -> forms.IntegerField:
        return forms.IntegerField(
            label=label,
            help_text=hint,
            required=False,
            min_value=0,
            max_value=HANDS_MAX,
            error_messages={
                "invalid": f"{name} must be a whole number, like 4",
                "min_value": f"{name} must be 0 or more",
                "max_value": f"{name} must be {HANDS_MAX:,} or fewer",
            },
        )

    def hands(self) -> Hands:
        data = self.cleaned_data
        return {
            level: data["dont_know" if level is None else f"level_{level}"] or 0
            for level in self.levels
        }

    @staticmethod
    def initial_from(hands: Hands) -> dict:
        return {
            ("dont_know" if level is None else f"level_{level}"): count or None
            for level, count in hands.items()
        }
