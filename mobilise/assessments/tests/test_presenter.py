"""The presenter screen's rules: position, order, reveal, follow, versions and the poll."""

import pytest

from mobilise.assessments.models import Mode, PresenterOrder, PresenterState
from mobilise.assessments.services import presenter
from mobilise.assessments.tests.factories import CODES, AssessmentFactory, submit
from mobilise.audit.models import HistoryEntry
from mobilise.core.errors import InvalidInput
from mobilise.framework.catalogue import get_framework

pytestmark = pytest.mark.django_db

SPLIT = ("2.3", "4.1")  # the elements the group disagrees on, in split_group below


def split_group(assessment) -> None:
    """Four responses: 2 everywhere, except 0, 0, 4, 4 on the SPLIT elements."""
    for level in (0, 0, 4, 4):
        submit(assessment, {**dict.fromkeys(CODES, 2), **dict.fromkeys(SPLIT, level)})


def test_the_state_is_made_once_at_the_join_screen(assessment):
    state = presenter.state_for(assessment)
    assert (state.position, state.order, state.revealed, state.reveal_all, state.version) == (
        presenter.JOIN,
        PresenterOrder.FRAMEWORK,
        [],
        False,
        1,
    )
    assert presenter.state_for(assessment).pk == state.pk
    assert PresenterState.objects.count() == 1


def test_next_and_previous_go_through_the_framework_and_stop_at_the_ends(assessment):
    assert presenter.previous_element(assessment).version == 1  # at the join screen already
    assert presenter.next_element(assessment).position == "1.1"
    assert presenter.next_element(assessment).position == "1.2"
    state = presenter.previous_element(assessment)
    assert (state.position, state.version) == ("1.1", 4)
    assert presenter.previous_element(assessment).position == presenter.JOIN
    presenter.go_to(assessment, "4.5")
    last = presenter.next_element(assessment)
    assert last.position == "4.5"
    assert presenter.next_element(assessment).version == last.version  # nothing changed


def test_every_change_counts_a_version_and_no_change_does_not(assessment):
    versions = [
        presenter.go_to(assessment, "2.1").version,
        presenter.go_to(assessment, "2.1").version,
        presenter.set_order(assessment, PresenterOrder.DISAGREEMENTS).version,
        presenter.set_order(assessment, PresenterOrder.DISAGREEMENTS).version,
        presenter.reveal(assessment, "2.1").version,
        presenter.reveal(assessment, "2.1").version,
        presenter.hide(assessment, "2.1").version,
        presenter.hide(assessment, "2.1").version,
    ]
    assert versions == [2, 2, 3, 3, 4, 4, 5, 5]
    assert PresenterState.objects.get().version == 5


def test_go_to_refuses_an_element_the_framework_does_not_have(assessment):
    with pytest.raises(presenter.UnknownElement, match=r"no element '9\.9'"):
        presenter.go_to(assessment, "9.9")
    assert presenter.go_to(assessment, "3.2").position == "3.2"
    assert presenter.go_to(assessment, "").position == presenter.JOIN


def test_disagreements_first_puts_the_split_elements_ahead_in_framework_order(assessment):
    split_group(assessment)
    state = presenter.set_order(assessment, PresenterOrder.DISAGREEMENTS)
    order = presenter.sequence(assessment, state)
    assert order[:2] == list(SPLIT)
    assert order[2:] == [c for c in CODES if c not in SPLIT]
    assert presenter.next_element(assessment).position == "2.3"
    assert presenter.next_element(assessment).position == "4.1"
    assert presenter.next_element(assessment).position == "1.1"
    assert presenter.previous_element(assessment).position == "4.1"
    # Back to the framework's order: the next element after 4.1 is now 4.2.
    presenter.set_order(assessment, PresenterOrder.FRAMEWORK)
    assert presenter.next_element(assessment).position == "4.2"


def test_disagreements_first_keeps_the_framework_order_while_results_are_hidden(settings):
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 5
    assessment = AssessmentFactory(mode=Mode.INDIVIDUAL)
    split_group(assessment)  # four: one short of the minimum
    state = presenter.set_order(assessment, PresenterOrder.DISAGREEMENTS)
    assert presenter.sequence(assessment, state) == CODES
    submit(assessment, {**dict.fromkeys(CODES, 2), **dict.fromkeys(SPLIT, 0)})
    assert presenter.sequence(assessment, state)[:2] == list(SPLIT)


def test_an_unknown_order_is_refused(assessment):
    with pytest.raises(InvalidInput, match="Choose the order"):
        presenter.set_order(assessment, "random")
    assert presenter.state_for(assessment).order == PresenterOrder.FRAMEWORK


def test_revealing_one_element_reveals_that_one_and_is_in_the_history(assessment, facilitator):
    state = presenter.reveal(assessment, "1.3", facilitator.user)
    assert presenter.is_revealed(state, "1.3")
    assert not presenter.is_revealed(state, "1.4")
    presenter.reveal(assessment, "1.3", facilitator.user)  # again: nothing new to record
    entries = HistoryEntry.objects.filter(assessment=assessment)
    assert [e.summary for e in entries] == ["Revealed the answers to 1.3 on the presenter screen"]
    assert entries.get().actor == facilitator.user


def test_reveal_all_then_hide_one_keeps_the_others(assessment):
    state = presenter.reveal(assessment, None)
    assert state.reveal_all and all(presenter.is_revealed(state, c) for c in CODES)
    state = presenter.hide(assessment, "2.2")
    assert not state.reveal_all
    assert not presenter.is_revealed(state, "2.2")
    assert all(presenter.is_revealed(state, c) for c in CODES if c != "2.2")
    state = presenter.hide(assessment, None)
    assert not any(presenter.is_revealed(state, c) for c in CODES)
    assert HistoryEntry.objects.filter(assessment=assessment).count() == 3


def test_revealing_the_join_screen_or_an_unknown_element_is_refused(assessment):
    for code in ("", "1.9", "x" * 300):
        with pytest.raises(presenter.UnknownElement):
            presenter.reveal(assessment, code)
        with pytest.raises(presenter.UnknownElement):
            presenter.hide(assessment, code)
    assert presenter.state_for(assessment).version == 1


def test_following_another_page_moves_the_screen_and_keeps_it_blind(assessment):
    presenter.reveal(assessment, "1.1")
    state = presenter.follow(assessment, "3.4")
    assert state.position == "3.4"
    assert not presenter.is_revealed(state, "3.4")
    assert presenter.is_revealed(state, "1.1")
    assert presenter.follow(assessment, "3.4").version == state.version
    for code in ("", "7.7"):
        with pytest.raises(presenter.UnknownElement):
            presenter.follow(assessment, code)
    assert presenter.state_for(assessment).position == "3.4"


def test_the_etag_changes_with_the_state_the_answers_and_the_people_expected(assessment):
    first = presenter.poll(assessment).etag
    assert presenter.poll(assessment).etag == first
    presenter.next_element(assessment)
    moved = presenter.poll(assessment).etag
    submit(assessment, 2)
    answered = presenter.poll(assessment).etag
    assessment.expected_participants = 12
    assessment.save()
    expected = presenter.poll(assessment).etag
    assert len({first, moved, answered, expected}) == 4
    polled = presenter.poll(assessment)
    assert polled.as_dict(assessment.framework) == {
        "version": 2,
        "position": "1.1",
        "answered": 1,
        "expected": 12,
        "answered_in_words": "1 of 12 answered",
        "showing": "1.1 Leaders and their teams use of externally generated evidence "
        "(answers not revealed)",
    }


def test_the_poll_takes_two_queries(assessment, django_assert_num_queries):
    presenter.state_for(assessment)
    submit(assessment, 1)
    with django_assert_num_queries(2):
        assert presenter.poll(assessment).turnout.answered == 1


def test_a_blind_element_shows_neither_figures_nor_comments(assessment):
    submit(assessment, 1, {"1.2": "Nobody asks for evidence"})
    presenter.go_to(assessment, "1.2")
    shown = presenter.screen(assessment)
    where = (shown.element.code, shown.section.code, shown.number, shown.total)
    assert where == ("1.2", "1", 2, 23)
    assert shown.figures is None and shown.comments == []
    assert not shown.revealed and not shown.first and not shown.last


def test_a_revealed_element_shows_its_figures_and_comments_sorted_by_text(assessment):
    for level, comment in ((3, "board papers"), (1, "Board papers"), (0, "Annual review")):
        submit(assessment, level, {"4.5": comment})
    presenter.go_to(assessment, "4.5")
    presenter.reveal(assessment, "4.5")
    shown = presenter.screen(assessment)
    assert shown.figures.distribution == {0: 1, 1: 1, 2: 0, 3: 1, 4: 0}
    assert shown.figures.median == 1
    assert shown.comments == ["Annual review", "Board papers", "board papers"]
    assert shown.last and shown.turnout.in_words == "3 answered"


def test_hidden_results_show_nothing_even_when_revealed(settings):
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 3
    assessment = AssessmentFactory(mode=Mode.INDIVIDUAL)
    submit(assessment, 2, {"1.1": "A lone voice"})
    presenter.go_to(assessment, "1.1")
    presenter.reveal(assessment, None)
    shown = presenter.screen(assessment)
    assert shown.revealed and shown.hidden
    assert shown.figures is None and shown.comments == []
    assert (shown.minimum, shown.counted) == (3, 1)
    assert "results hidden" in shown.in_words


def test_the_join_screen_is_first(assessment):
    shown = presenter.screen(assessment)
    assert shown.element is None and shown.first and shown.number == 0
    assert shown.in_words == "The join screen"


def test_a_median_in_words():
    framework = get_framework()
    assert presenter.median_in_words(framework, 2) == "Developing"
    assert presenter.median_in_words(framework, 2.5) == "between Developing and Established"
    assert presenter.median_in_words(framework, 4) == "Embedded"
