"""Panels that apps further up add to the results page, without assessments importing
them: plans, say, lists the unit's impact case studies under the results.

An app registers, when it starts (its AppConfig.ready), a template and a function that
gives the template's context for one assessment (None: nothing to show). The results page
renders each panel in the order they were registered."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mobilise.assessments.models import Assessment


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[[Assessment], dict[str, Any] | None]


_PANELS: dict[str, Panel] = {}


def register(template: str, context: Callable[[Assessment], dict[str, Any] | None]) -> None:
    """Add a panel; registering the same template again replaces it (a reload)."""
    _PANELS[template] = Panel(template, context)


@dataclass(frozen=True)
class Shown:
    template: str
    context: dict[str, Any]


def for_results(assessment: Assessment) -> list[Shown]:
    """The panels with something to show for this assessment, each with its context."""
    shown = []
    for panel in _PANELS.values():
        context = panel.context(assessment)
        if context is not None:
            shown.append(Shown(panel.template, context))
    return shown
