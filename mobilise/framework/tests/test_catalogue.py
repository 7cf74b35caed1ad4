"""The framework data file against the source catalogue, and its loader."""

import dataclasses
import os
import re

import pytest

from mobilise.framework.catalogue import (
    CURRENT_VERSION,
    action_key,
    available_versions,
    get_framework,
)
from mobilise.framework.tests.fidelity import differences
from mobilise.framework.tests.seed import load_seed, parse_seed, seed_path


@pytest.fixture(scope="module")
def framework():
    return get_framework()


@pytest.fixture(scope="module")
def seed():
    """The source catalogue, which lives beside the repository (../shared), not in it. A
    clone on its own skips the fidelity tests and says why; CI sets MOBILISE_REQUIRE_SEED=1,
    so there they can never be skipped."""
    path = seed_path()
    if not path.is_file():
        message = (
            f"The source catalogue {path} is not here: set MOBILISE_SEED_FILE to its path "
            "to run the fidelity tests against it"
        )
        if os.environ.get("MOBILISE_REQUIRE_SEED") == "1":
            pytest.fail(f"{message} (MOBILISE_REQUIRE_SEED=1 makes them required).")
        pytest.skip(message)
    return load_seed()


def test_the_seed_parser_reads_the_whole_catalogue(seed):
    assert len(seed) == 23
    assert sum(len(e.options) for e in seed) == 99
    # The five bullets after the first page header belong to 1.4.
    one_four = next(e for e in seed if e.code == "1.4")
    assert len(one_four.options) == 7
    assert one_four.options[-1].startswith("Encourage widespread use of the After Action Review")


def test_the_seed_parser_reduces_markdown_links_to_their_text():
    text = (
        "### Knowledge Services 4.9. Example\n\n"
        "- Review resources on the [website](#) to optimise it\n"
        "- Write to [someone@example.org](mailto:someone@example.org)\n"
    )
    (element,) = parse_seed(text)
    assert element.options == [
        "Review resources on the website to optimise it",
        "Write to someone@example.org",
    ]


def test_the_framework_holds_exactly_the_seeds_elements_and_options(framework, seed):
    assert differences(framework, seed) == []


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda opts: opts[1:], id="dropped"),
        pytest.param(lambda opts: [opts[1], opts[0], *opts[2:]], id="moved"),
        pytest.param(
            lambda opts: [dataclasses.replace(opts[0], text=opts[0].text + "s"), *opts[1:]],
            id="reworded",
        ),
    ],
)
def test_the_fidelity_check_notices_a_dropped_moved_or_reworded_option(framework, seed, change):
    element = framework.elements[0]
    changed_element = dataclasses.replace(element, options=tuple(change(list(element.options))))
    section = framework.sections[0]
    changed_section = dataclasses.replace(
        section, elements=(changed_element, *section.elements[1:])
    )
    changed = dataclasses.replace(
        framework, sections=(changed_section, *framework.sections[1:]), _elements={}, _options={}
    )
    assert any(d.startswith("1.1 options differ") for d in differences(changed, seed))


def test_the_fidelity_check_notices_an_option_under_the_wrong_element(framework, seed):
    moved = [*seed[0].options[:-1]]
    seed_copy = [dataclasses.replace(seed[0], options=moved), *seed[1:]]
    assert differences(framework, seed_copy)


def test_there_are_four_sections_and_23_elements(framework):
    assert [(s.code, s.title, len(s.elements)) for s in framework.sections] == [
        ("1", "Leadership", 5),
        ("2", "Behaviours", 9),
        ("3", "Capabilities and Working Practices", 4),
        ("4", "Knowledge Services", 5),
    ]
    assert len(framework.options) == 99


def test_option_ids_are_unique_and_name_their_element(framework):
    ids = [o.id for o in framework.options]
    assert len(set(ids)) == 99
    for option in framework.options:
        assert re.fullmatch(r"\d\.\d-[a-z]", option.id)
        assert option.id.startswith(option.element_code + "-")


def test_option_ids_are_stable(framework):
    # Ids are stored; assessments refer to them. These must never change meaning.
    assert (
        framework.option("1.1-a").text
        == "Request and use summaries of the latest research evidence"
    )
    assert framework.option("4.5-c").text.startswith("Read the Value Proposition: The Gift of Time")
    assert framework.option("2.6-e").text.startswith(
        "Establish a round of randomised coffee trials"
    )


def test_an_obvious_typo_in_a_title_is_corrected_and_the_original_recorded(framework):
    element = framework.element("4.4")
    assert element.title == "Capacity to use evidence from research"
    assert element.seed_title == "Capacity to use evidence form research"


def test_options_with_the_same_words_are_one_action(framework):
    website = framework.option("4.1-c")
    assert framework.elements_served(website) == ["4.1", "4.3", "4.4", "4.5"]
    # 4.4's copy ends with a full stop where 4.5's does not: still one action.
    assert framework.option("4.4-f").text.endswith(".")
    assert framework.elements_served(framework.option("4.5-c")) == ["4.4", "4.5"]
    assert framework.action_id(framework.option("4.5-c")) == "4.4-f"


def test_options_with_different_words_stay_different_actions(framework):
    invite = framework.option(
        "1.3-b"
    )  # "Invite a colleague ... to join your decision-making groups"
    ask = framework.option("4.2-g")  # "Ask a colleague ... to join your decision-making groups"
    assert invite.action_key != ask.action_key
    assert framework.elements_served(invite) == ["1.3"]
    assert framework.elements_served(ask) == ["4.2", "4.3", "4.4"]
    # "Review our website" is not "Review resources on the website".
    assert framework.elements_served(framework.option("4.2-b")) == ["4.2"]


def test_there_are_85_distinct_actions(framework):
    assert len({o.action_key for o in framework.options}) == 85


def test_action_key_ignores_case_punctuation_and_spacing():
    assert action_key("Read the Report. ") == action_key("read the  report")
    assert action_key("Set-up a forum") == action_key("setup a forum")
    assert action_key("Ask for help") != action_key("Ask for more help")


@pytest.mark.parametrize(
    ("option_id", "techniques"),
    [
        ("1.4-g", ("after-action-review",)),
        ("3.1-d", ("after-action-review", "retrospect")),
        ("2.2-a", ("before-action-review",)),
        ("2.2-b", ("peer-assist",)),
        ("2.5-b", ("knowledge-cafe",)),
        ("2.6-e", ("randomised-coffee-trials",)),
        ("2.3-e", ("fishbowl",)),
        ("1.4-c", ("appreciative-inquiry",)),
        ("1.4-b", ("action-learning-sets",)),
        ("2.6-a", ("communities-of-practice",)),
        ("3.1-e", ("lessons-learned-log",)),
        ("1.1-e", ("horizon-scanning",)),
        ("1.1-a", ("evidence-summaries",)),
        ("2.4-a", ("current-awareness-alerts",)),
        ("1.2-c", ()),
    ],
)
def test_options_are_linked_to_the_techniques_they_name(framework, option_id, techniques):
    assert framework.option(option_id).techniques == techniques


def test_every_technique_is_named_by_at_least_one_option(framework):
    named = {t for o in framework.options for t in o.techniques}
    assert named == {t.id for t in framework.techniques}


def test_the_scale_has_five_levels_and_dont_know(framework):
    assert [(s.level, s.label) for s in framework.scale] == [
        (0, "Not yet"),
        (1, "Emerging"),
        (2, "Developing"),
        (3, "Established"),
        (4, "Embedded"),
    ]
    assert framework.dont_know == "Don't know"
    # Described plainly as the levels used in this assessment (#14): nothing undermines it.
    assert "five levels" in framework.scale_about and "not public" not in framework.scale_about


def test_every_element_describes_each_level_in_its_own_words(framework):
    generic = tuple(s.description for s in framework.scale)
    for element in framework.elements:
        assert len(element.levels) == 5
        assert element.levels != generic
        assert len(set(element.levels)) == 5


def test_versions_are_files_and_an_unknown_version_is_refused():
    assert CURRENT_VERSION in available_versions()
    with pytest.raises(LookupError):
        get_framework("0.0")
