"""Framework data shaped for pages: option text with its techniques linked."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape
from markupsafe import Markup

from mobilise.framework.catalogue import (
    Framework,
    Option,
    Technique,
    techniques_named,
    term_pattern,
)


@dataclass(frozen=True)
class OptionView:
    option: Option
    html: Markup
    techniques: list[Technique]
    also_under: list[str]


def technique_url(technique_id: str) -> str:
    return reverse("framework:techniques") + f"#{technique_id}"


def link_techniques(text: str, techniques: list[Technique]) -> Markup:
    """The text, escaped, with the first mention of each technique linked to its explanation."""
    spans: list[tuple[int, int, str]] = []
    for technique in techniques:
        for term in sorted(technique.terms, key=len, reverse=True):
            match = term_pattern(term).search(text)
            if match and not any(s < match.end() and match.start() < e for s, e, _ in spans):
                spans.append((match.start(), match.end(), technique.id))
                break
    html, cursor = [], 0
    for start, end, technique_id in sorted(spans):
        html.append(escape(text[cursor:start]))
        html.append(
            f'<a href="{escape(technique_url(technique_id))}">{escape(text[start:end])}</a>'
        )
        cursor = end
    html.append(escape(text[cursor:]))
    return Markup("".join(html))  # noqa: S704 - every piece is escaped above


def linked_text(fw: Framework, text: str) -> Markup:
    """Any action's text (catalogue, local or custom) with the techniques it names linked."""
    named = [fw.technique(i) for i in techniques_named(text, fw.techniques)]
    return link_techniques(text, named)


def option_view(fw: Framework, option: Option) -> OptionView:
    techniques = [t for t in (fw.technique(i) for i in option.techniques) if t is not None]
    return OptionView(
        option=option,
        html=link_techniques(option.text, techniques),
        techniques=techniques,
        also_under=[code for code in fw.elements_served(option) if code != option.element_code],
    )
