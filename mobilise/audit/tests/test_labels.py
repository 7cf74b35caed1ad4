"""The history in words: fields and values as people read them."""

from mobilise.audit.labels import change_in_words


def test_stored_values_are_shown_in_words():
    assert change_in_words("status", ["in_progress", "done"]) == "Status: In progress → Done"
    assert change_in_words("role", [None, "facilitator"]) == "Role: None → Facilitator"
    assert change_in_words("priority", ["high", "low"]) == "Priority: High → Low"
    assert change_in_words("due_on", ["2027-03-31", None]) == "Due date: 31 March 2027 → None"
    assert change_in_words("benchmarking", [False, True]) == "In the benchmark: No → Yes"
    assert change_in_words("kind", ["", "acute"]).startswith("Organisation type: None → ")


def test_what_it_does_not_know_is_shown_as_it_is():
    assert change_in_words("owner", ["A", "B"]) == "Owner: A → B"
    assert change_in_words("status", ["mystery", "done"]) == "Status: mystery → Done"
    assert change_in_words("status", "not a pair") == "Status: not a pair"
    assert change_in_words("measure", ["2027-13-45", ""]) == "Success measure: 2027-13-45 → None"


def test_a_list_is_shown_item_by_item_and_the_assessments_fields_have_names():
    assert change_in_words("elements", [["1.1", "2.3"], ["1.1"]]) == "Elements: 1.1, 2.3 → 1.1"
    assert change_in_words("elements", [[], ["1.1"]]) == "Elements: None → 1.1"
    assert (
        change_in_words("expected_participants", [None, 12])
        == "Number of people expected to answer: None → 12"
    )
