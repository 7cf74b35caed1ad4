"""The form for agreeing an element's level, importance, target and rationale."""

from django import forms

from mobilise.assessments.models import COMMENT_MAX_LENGTH, DEFAULT_TARGET, Importance
from mobilise.framework.catalogue import Element, Framework


def key(element: Element) -> str:
    return element.code.replace(".", "_")


class ConsensusForm(forms.Form):
    """The agreed level, importance, target and rationale for each element of a section."""

    def __init__(self, *args, framework: Framework, elements: list[Element], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.elements = elements
        levels = [(str(s.level), f"{s.level} {s.label}") for s in framework.scale]
        for element in elements:
            k = key(element)
            self.fields[f"level_{k}"] = forms.TypedChoiceField(
                label=f"Agreed level for {element.code}",
                choices=levels,
                coerce=int,
                error_messages={"required": f"Select the agreed level for {element.code}"},
            )
            self.fields[f"importance_{k}"] = forms.ChoiceField(
                label=f"How important is {element.code} now?",
                choices=Importance.choices,
                error_messages={"required": f"Select how important {element.code} is now"},
            )
            self.fields[f"target_{k}"] = forms.TypedChoiceField(
                label=f"Target level for {element.code}",
                choices=levels,
                coerce=int,
                initial=str(DEFAULT_TARGET),
                error_messages={"required": f"Select the target level for {element.code}"},
            )
            self.fields[f"rationale_{k}"] = forms.CharField(
                label=f"Rationale or dissent for {element.code} (optional)",
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                error_messages={
                    "max_length": f"The rationale for {element.code} must be "
                    f"{COMMENT_MAX_LENGTH:,} characters or fewer"
                },
            )

    def rows(self) -> list[tuple[Element, list[forms.BoundField]]]:
        return [
            (
                e,
                [
                    self[f"{name}_{key(e)}"]
                    for name in ("level", "importance", "target", "rationale")
                ],
            )
            for e in self.elements
        ]

    def agreed(self) -> list[tuple[str, int, str, int, str]]:
        data = self.cleaned_data
        return [
            (
                e.code,
                data[f"level_{key(e)}"],
                data[f"importance_{key(e)}"],
                data[f"target_{key(e)}"],
                data[f"rationale_{key(e)}"],
            )
            for e in self.elements
        ]
