"""The presenter screen's rules: what it shows, in which order it goes, what it reveals.

One `PresenterState` per assessment is shared by the projected screen and every window
that drives it (the controls page, the keys on the screen, the agree page through
`follow`). Every change adds one to its `version`; a change that changes nothing (Next on
the last element, revealing what is revealed) leaves it alone, so screens that poll redraw
only when there is something new to draw.

Blind until revealed: an element's spread and its comments show only once the facilitator
reveals them, one element at a time or all at once. The anonymity rule of
`results` comes first: while the results are hidden (individual completion below the
minimum), nothing shows even when revealed, and "disagreements first" keeps the
framework's order, since an order built from the answers would tell something of them.

Moving about is not written in the history; revealing and hiding are (ADR 0017).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from mobilise.assessments.models import Assessment, PresenterOrder, PresenterState
from mobilise.assessments.services import results, turnout
from mobilise.assessments.services.results import ElementResult, Results
from mobilise.assessments.services.turnout import Turnout
from mobilise.audit.services import record
from mobilise.core.errors import FieldError, InvalidInput
from mobilise.framework.catalogue import Element, Framework, Section

JOIN = ""  # the position of the join screen


class UnknownElement(LookupError):
    """The framework of the assessment has no element with this code."""

    def __init__(self, code: str) -> None:
        super().__init__(f"There is no element {code[:20]!r} in this framework")
        self.code = code


def state_for(assessment: Assessment) -> PresenterState:
    """The assessment's presenter state, made (at the join screen) when first asked for."""
    state, _ = PresenterState.objects.get_or_create(assessment=assessment)
    return state


def sequence(
    assessment: Assessment, state: PresenterState, found: Results | None = None
) -> list[str]:
    """The element codes in the order the screen goes through them. Disagreements first
    puts the elements flagged for discussion ahead of the rest, each part in the
    framework's order; while the results are hidden it is the framework's order."""
    codes = [e.code for e in assessment.framework.elements]
    if state.order != PresenterOrder.DISAGREEMENTS:
        return codes
    found = found if found is not None else results.assessment_results(assessment)
    if found.hidden:
        return codes
    split = {e.element for e in found.elements if e.spread}
    return [c for c in codes if c in split] + [c for c in codes if c not in split]


def is_revealed(state: PresenterState, code: str) -> bool:
    """Whether the facilitator revealed the element (the anonymity rule aside)."""
    return state.reveal_all or code in state.revealed


def _apply(
    assessment: Assessment, apply: Callable[[PresenterState], bool]
) -> tuple[PresenterState, bool]:
    """Apply a change to the locked state; count a new version only if it changed."""
    with transaction.atomic():
        state_for(assessment)
        state = PresenterState.objects.select_for_update().get(assessment=assessment)
        changed = apply(state)
        if changed:
            state.version += 1
            state.save()
    return state, changed


def _change(assessment: Assessment, apply: Callable[[PresenterState], bool]) -> PresenterState:
    return _apply(assessment, apply)[0]


def _check(assessment: Assessment, code: str) -> str:
    """An element's code, or "" for the join screen."""
    if code != JOIN and assessment.framework.element(code) is None:
        raise UnknownElement(code)
    return code


def _check_element(assessment: Assessment, code: str) -> str:
    if not code:
        raise UnknownElement(code)
    return _check(assessment, code)


def _move_to(code: str) -> Callable[[PresenterState], bool]:
    def apply(state: PresenterState) -> bool:
        if state.position == code:
            return False
        state.position = code
        return True

    return apply


def go_to(assessment: Assessment, code: str) -> PresenterState:
    """Show an element (by its code), or the join screen for "". Raises UnknownElement."""
    return _change(assessment, _move_to(_check(assessment, code)))


def follow(assessment: Assessment, element_code: str) -> PresenterState:
    """Make the projected screen show this element because another page moved on to it
    (the agree page calls this as the group agrees one element after another). What is
    revealed stays as it is, so a blind element stays blind. Raises UnknownElement for a
    code the framework does not have; the join screen is not an element to follow."""
    return _change(assessment, _move_to(_check_element(assessment, element_code)))


def _step(assessment: Assessment, forward: bool) -> PresenterState:
    def apply(state: PresenterState) -> bool:
        codes = sequence(assessment, state)
        stops = [JOIN, *codes]
        here = stops.index(state.position) if state.position in stops else 0
        there = min(here + 1, len(stops) - 1) if forward else max(here - 1, 0)
        return _move_to(stops[there])(state)

    return _change(assessment, apply)


def next_element(assessment: Assessment) -> PresenterState:
    """The next element in the chosen order; from the join screen, the first; the last
    stays where it is."""
    return _step(assessment, forward=True)


def previous_element(assessment: Assessment) -> PresenterState:
    """The element before in the chosen order; from the first, the join screen."""
    return _step(assessment, forward=False)


def reveal(assessment: Assessment, code: str | None, user=None) -> PresenterState:
    """Reveal one element's answers and comments, or every element's when `code` is None."""
    codes = [e.code for e in assessment.framework.elements]

    def apply(state: PresenterState) -> bool:
        if code is None:
            if state.reveal_all:
                return False
            state.reveal_all = True
            state.revealed = codes
            return True
        if is_revealed(state, code):
            return False
        state.revealed = [*state.revealed, code]
        return True

    return _shown_or_hidden(assessment, code, apply, user, "Revealed the answers to {}")


def _shown_or_hidden(assessment: Assessment, code: str | None, apply, user, summary: str):
    """Apply a reveal or a hide, and put it in the history when it changed anything."""
    if code is not None:
        _check_element(assessment, code)
    state, changed = _apply(assessment, apply)
    if changed:
        what = "every element" if code is None else code
        record(assessment, user, summary.format(what) + " on the presenter screen")
    return state


def hide(assessment: Assessment, code: str | None, user=None) -> PresenterState:
    """Hide one element's answers again, or every element's when `code` is None."""
    codes = [e.code for e in assessment.framework.elements]

    def apply(state: PresenterState) -> bool:
        if code is None:
            if not state.reveal_all and not state.revealed:
                return False
            state.reveal_all, state.revealed = False, []
            return True
        if not is_revealed(state, code):
            return False
        shown = codes if state.reveal_all else state.revealed
        state.reveal_all, state.revealed = False, [c for c in shown if c != code]
        return True

    return _shown_or_hidden(assessment, code, apply, user, "Hid the answers to {} again")


def set_order(assessment: Assessment, order: str) -> PresenterState:
    """Go through the elements as in the framework, or disagreements first."""
    if order not in PresenterOrder.values:
        message = "Choose the order: as in the framework, or disagreements first"
        raise InvalidInput([FieldError(("order",), message)])

    def apply(state: PresenterState) -> bool:
        if state.order == order:
            return False
        state.order = order
        return True

    return _change(assessment, apply)


@dataclass(frozen=True)
class Poll:
    """The little a polling window needs to know whether to redraw, from two queries."""

    state: PresenterState
    turnout: Turnout
    hidden: bool

    @property
    def etag(self) -> str:
        return etag(self.state, self.turnout)

    def as_dict(self, framework: Framework) -> dict:
        element = framework.element(self.state.position) if self.state.position else None
        return {
            "version": self.state.version,
            "position": self.state.position,
            "answered": self.turnout.answered,
            "expected": self.turnout.expected,
            "answered_in_words": self.turnout.in_words,
            "showing": showing_in_words(self.state, element, self.hidden),
        }


def poll(assessment: Assessment) -> Poll:
    state = state_for(assessment)
    answered, counted = results.tally(assessment)
    return Poll(
        state, turnout.turnout(assessment, answered), results.is_hidden(assessment, counted)
    )


def showing_in_words(state: PresenterState, element: Element | None, hidden: bool) -> str:
    """What the screen shows, in words, for the controls page."""
    if element is None:
        return "The join screen"
    if hidden:
        shown = "results hidden until enough people have answered"
    else:
        shown = "answers revealed" if is_revealed(state, element.code) else "answers not revealed"
    return f"{element.code} {element.title} ({shown})"


def etag(state: PresenterState, answers: Turnout) -> str:
    """What a polling screen compares: it changes when the state does, when an answer
    arrives or is discarded, and when the number of people expected changes."""
    return f'"p{state.version}-{answers.answered}-{answers.expected or 0}"'


@dataclass(frozen=True)
class Screen:
    """Everything the presenter screen draws, with the rules already applied: `figures`
    and `comments` are there only when revealed and not held back by the anonymity rule."""

    state: PresenterState
    turnout: Turnout
    element: Element | None  # None on the join screen
    section: Section | None
    number: int  # the element's place in the order, from 1; 0 on the join screen
    total: int
    revealed: bool
    hidden: bool  # held back by the anonymity rule, revealed or not
    minimum: int
    counted: int
    figures: ElementResult | None
    comments: list[str]
    first: bool
    last: bool

    @property
    def in_words(self) -> str:
        return showing_in_words(self.state, self.element, self.hidden)


def screen(assessment: Assessment, state: PresenterState | None = None) -> Screen:
    """What the presenter screen shows now, from four queries."""
    state = state or state_for(assessment)
    framework = assessment.framework
    found = results.assessment_results(assessment)
    codes = sequence(assessment, state, found)
    element = framework.element(state.position) if state.position else None
    revealed = element is not None and is_revealed(state, element.code)
    showing = revealed and not found.hidden
    number = codes.index(element.code) + 1 if element else 0
    return Screen(
        state=state,
        turnout=turnout.turnout(assessment, found.responses),
        element=element,
        section=framework.section(element.section_code) if element else None,
        number=number,
        total=len(codes),
        revealed=revealed,
        hidden=found.hidden,
        minimum=results.minimum_responses(),
        counted=found.counted,
        figures=found.element(element.code) if showing else None,
        comments=(
            results.comments_by_element(assessment, element.code).get(element.code, [])
            if showing
            else []
        ),
        first=element is None,
        last=number == len(codes),
    )


def median_in_words(framework: Framework, median: float) -> str:
    """A median as the scale says it (Framework.level_in_words)."""
    return framework.level_in_words(median)
