"""The rating forms: one per section for participants, and one for a paper response."""

from django import forms

from mobilise.assessments.models import COMMENT_MAX_LENGTH
from mobilise.assessments.services.responses import Answer
from mobilise.framework.catalogue import Element, Framework

DONT_KNOW = "dont_know"
DONT_KNOW_CHOICE = (DONT_KNOW, "Don't know")


def field_name(element: Element) -> str:
    return "rating_" + element.code.replace(".", "_")


def comment_name(element: Element) -> str:
    return "comment_" + element.code.replace(".", "_")


def level_choices(element: Element) -> list[tuple[str, str]]:
    """The element's levels (one description each, in the framework data) and Don't know."""
    return [*((str(level), str(level)) for level in range(len(element.levels))), DONT_KNOW_CHOICE]


class RatingsForm(forms.Form):
    """Ratings of some elements. With `require_all` each must be answered (or Don't know)."""

    def __init__(self, *args, elements: list[Element], require_all: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.elements = elements
        for element in elements:
            self.fields[field_name(element)] = forms.ChoiceField(
                label=f"{element.code} {element.title}",
                choices=level_choices(element),
                required=require_all,
                error_messages={
                    "required": f"Select a level for {element.code}, or Don't know",
                    "invalid_choice": f"Select a level for {element.code}, or Don't know",
                },
            )
            self.fields[comment_name(element)] = forms.CharField(
                label=f"Comment on {element.code} (optional)",
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                strip=True,
                error_messages={
                    "max_length": f"The comment on {element.code} must be "
                    f"{COMMENT_MAX_LENGTH:,} characters or fewer"
                },
            )

    def rows(self) -> list[tuple[Element, forms.BoundField, forms.BoundField]]:
        return [(e, self[field_name(e)], self[comment_name(e)]) for e in self.elements]

    def answers(self) -> list[Answer]:
        """The answers given; elements left blank are left out."""
        found = []
        for element in self.elements:
            value = self.cleaned_data.get(field_name(element))
            if not value:
                continue
            level = None if value == DONT_KNOW else int(value)
            found.append(
                Answer(element.code, level, self.cleaned_data.get(comment_name(element), ""))
            )
        return found


def initial_from(ratings: dict) -> dict[str, str]:
    """Form initial values from saved ratings ({code: Rating})."""
    initial = {}
    for code, rating in ratings.items():
        key = code.replace(".", "_")
        initial["rating_" + key] = DONT_KNOW if rating.level is None else str(rating.level)
        initial["comment_" + key] = rating.comment
    return initial


def level_items(framework: Framework, element: Element) -> list[dict]:
    """Radio items: each level's label with what it looks like for this element."""
    items = [
        {"value": str(level.level), "text": f"{level.label}", "hint": description}
        for level, description in zip(framework.scale, element.levels, strict=True)
    ]
    return [*items, {"divider": "or"}, {"value": DONT_KNOW, "text": framework.dont_know}]


class ResumeForm(forms.Form):
    """The participant's resume code, typed or pasted (or filled in from the link's
    fragment by static/js/resume.js): posted, so it is never in a logged URL."""

    code = forms.CharField(
        label="Your resume code",
        help_text="It is the part of your personal link after the # sign.",
        max_length=100,
        strip=True,
        error_messages={
            "required": "Enter your resume code",
            "max_length": "Enter your resume code as it was shown to you",
        },
    )
