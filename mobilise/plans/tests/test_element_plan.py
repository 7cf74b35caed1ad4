"""One element's part of the plan: what is offered and chosen, and saving a new choice."""

import pytest

from mobilise.assessments.models import Consensus
from mobilise.core.errors import Conflict
from mobilise.framework.catalogue import get_framework
from mobilise.plans.models import LocalAction, NoActionRequired, PlanAction, Priority
from mobilise.plans.services import plan as plans
from mobilise.plans.services.element_plan import (
    CUSTOM,
    LOCAL,
    Choice,
    element_plan,
    save_element_plan,
)

pytestmark = pytest.mark.django_db


def first_option(code: str):
    return get_framework().element(code).options[0]


def test_new_actions_start_at_the_priority_of_the_agreed_importance(assessment):
    assert element_plan(assessment, "1.1").default_priority == Priority.MEDIUM
    Consensus.objects.create(assessment=assessment, element_code="1.1", level=1, importance="high")
    assert element_plan(assessment, "1.1").default_priority == Priority.HIGH


def test_it_saves_catalogue_local_and_own_actions_and_finds_them_again(assessment):
    local = LocalAction.objects.create(
        organisation=assessment.organisation, element_code="1.1", text="Our journal club"
    )
    option = first_option("1.1")
    choice = Choice(keys={option.id, f"{LOCAL}{local.id}"}, priority="low", custom_text="Ours")
    save_element_plan(assessment, element_plan(assessment, "1.1"), choice, None)
    found = element_plan(assessment, "1.1")
    (own,) = found.custom
    assert set(found.chosen) == {option.id, f"{LOCAL}{local.id}", f"{CUSTOM}{own.id}"}
    assert {a.priority for a in PlanAction.objects.all()} == {"low"}


def test_unticking_removes_the_element_and_no_action_replaces_it(assessment):
    option = first_option("1.1")
    save_element_plan(
        assessment, element_plan(assessment, "1.1"), Choice({option.id}, "high"), None
    )
    choice = Choice(set(), "high", no_action=True, reason="Done already")
    save_element_plan(assessment, element_plan(assessment, "1.1"), choice, None)
    assert not PlanAction.objects.filter(elements__element_code="1.1").exists()
    assert element_plan(assessment, "1.1").no_action_reason == "Done already"


def test_a_conflict_saves_nothing(assessment):
    plans.mark_no_action(assessment, "1.1", "", None)
    current = element_plan(assessment, "1.1")
    option = first_option("1.1")
    with pytest.raises(Conflict):
        # An action for an element still marked No action required: refused whole.
        save_element_plan(assessment, current, Choice({option.id}, "high", no_action=True), None)
    assert not PlanAction.objects.exists()
    assert NoActionRequired.objects.filter(element_code="1.1").exists()
