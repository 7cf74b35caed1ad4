"""Impact case studies, the service: who may write one, what it must say, the actions it
is written from, the elements it served and the score change at the next cycle."""

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from mobilise.accounts.tests.factories import UnitFactory
from mobilise.assessments.models import Consensus
from mobilise.audit.models import HistoryEntry
from mobilise.core.errors import InvalidInput, NotAllowed
from mobilise.plans.models import CaseStudy
from mobilise.plans.services import case_studies
from mobilise.plans.tests.factories import action, case_fields, cycle

pytestmark = pytest.mark.django_db


fields = case_fields


def errors_of(caught) -> dict:
    return {e.loc[0]: e.msg for e in caught.value.errors}


def test_a_facilitator_writes_a_case_study_from_a_done_action(assessment, facilitator):
    done = action(assessment, ["1.1", "2.1"], status="done", text="Evidence summaries")
    case = case_studies.write(assessment, facilitator, fields(done), facilitator.user)
    assert case.title.startswith("Falls fell")
    assert list(case.actions.all()) == [done]
    assert case.written_by_name == facilitator.user.display_name
    entry = HistoryEntry.objects.get(summary__startswith="Wrote the impact case study")
    assert entry.kind == "plan" and "Falls fell" in entry.summary


def test_a_viewer_cannot_write_change_or_delete_one(assessment, facilitator, viewer):
    done = action(assessment, ["1.1"], status="done")
    with pytest.raises(NotAllowed):
        case_studies.write(assessment, viewer, fields(done), viewer.user)
    case = case_studies.write(assessment, facilitator, fields(done), facilitator.user)
    with pytest.raises(NotAllowed):
        case_studies.change(case, viewer, fields(done, title="Mine now"), viewer.user)
    with pytest.raises(NotAllowed):
        case_studies.remove(case, viewer, viewer.user)
    assert CaseStudy.objects.get().title.startswith("Falls fell")


def test_every_required_field_is_named_and_nothing_is_saved(assessment, facilitator):
    done = action(assessment, ["1.1"], status="done")
    empty = {p.name: "  " for p in case_studies.PARTS}
    with pytest.raises(InvalidInput) as caught:
        case_studies.write(assessment, facilitator, fields(done, **empty), facilitator.user)
    assert errors_of(caught) == {
        "title": "Enter a title",
        "challenge": "Enter the challenge",
        "service_did": "Enter what the knowledge and library service did",
        "intervention": "Enter the intervention",
        "outcome": "Enter the outcome and impact",
    }
    assert not CaseStudy.objects.exists()


def test_a_quote_needs_the_champions_name_and_lengths_are_limited(assessment, facilitator):
    done = action(assessment, ["1.1"], status="done")
    with pytest.raises(InvalidInput) as caught:
        case_studies.write(
            assessment,
            facilitator,
            fields(done, champion_name="", title="x" * 201, outcome="y" * 4001),
            facilitator.user,
        )
    assert errors_of(caught) == {
        "title": "Title must be 200 characters or fewer",
        "outcome": "Outcome and impact must be 4,000 characters or fewer",
        "champion_name": "Enter the name of the champion who gave the quote",
    }
    no_quote = fields(done, quote="", champion_name="", champion_role="", figure="")
    assert case_studies.write(assessment, facilitator, no_quote, facilitator.user).quote == ""


@pytest.mark.parametrize("status", ["not_started", "in_progress", "dropped"])
def test_only_done_actions_of_this_plan_can_be_chosen(assessment, facilitator, status):
    open_one = action(assessment, ["1.1"], status=status)
    elsewhere = cycle(assessment.unit, levels=1)
    theirs = action(elsewhere, ["1.1"], status="done")
    for chosen in ([open_one.id], [theirs.id], ["not-an-id"], []):
        with pytest.raises(InvalidInput) as caught:
            case_studies.write(
                assessment, facilitator, fields(actions=[str(i) for i in chosen]), facilitator.user
            )
        assert errors_of(caught) == {"actions": "Choose at least one done action of this plan"}
    assert not CaseStudy.objects.exists()


def test_an_action_that_moved_on_from_done_stays_in_its_case_study(assessment, facilitator):
    done = action(assessment, ["1.1"], status="done")
    case = case_studies.write(assessment, facilitator, fields(done), facilitator.user)
    done.status = "in_progress"
    done.save()
    changed = case_studies.change(case, facilitator, fields(done, figure="40 fewer"), None)
    assert changed.figure == "40 fewer" and list(changed.actions.all()) == [done]


def test_a_change_is_recorded_field_by_field_and_paragraphs_are_not_copied(assessment, facilitator):
    done = action(assessment, ["1.1"], status="done")
    case = case_studies.write(assessment, facilitator, fields(done), facilitator.user)
    case_studies.change(
        case, facilitator, fields(done, figure="40 fewer", challenge="Worse."), facilitator.user
    )
    entry = HistoryEntry.objects.get(summary__startswith="Changed the impact case study")
    assert entry.summary.endswith("the challenge, the impact in a figure")
    assert entry.changes == {
        "challenge": [None, "changed"],
        "figure": ["38 fewer falls in six months", "40 fewer"],
    }
    case_studies.change(
        case, facilitator, fields(done, figure="40 fewer", challenge="Worse."), None
    )
    assert HistoryEntry.objects.filter(summary__startswith="Changed the impact").count() == 1


def test_deleting_is_recorded(assessment, facilitator):
    done = action(assessment, ["1.1"], status="done")
    case = case_studies.write(assessment, facilitator, fields(done), facilitator.user)
    case_studies.remove(case, facilitator, facilitator.user)
    assert not CaseStudy.objects.exists()
    assert HistoryEntry.objects.filter(summary__startswith="Deleted the impact case study").exists()


def test_another_assessments_case_study_is_a_404(assessment, facilitator, outsider):
    done = action(assessment, ["1.1"], status="done")
    case = case_studies.write(assessment, facilitator, fields(done), facilitator.user)
    assert case_studies.get(assessment, case.id) == case
    other = cycle(assessment.unit, levels=1)
    with pytest.raises(Http404):
        case_studies.get(other, case.id)


def test_the_score_change_is_read_at_the_next_cycle(facilitator):
    unit = UnitFactory(organisation=facilitator.organisation, name="Critical care")
    first = cycle(unit, {"1.1": 1, "2.1": 2, "3.1": 0}, days_ago=400)
    done = action(first, ["2.1", "1.1"], status="done")
    case = case_studies.write(first, facilitator, fields(done), facilitator.user)
    [before] = case_studies.written([case])
    assert before.elements == ["1.1", "2.1"] and not before.reassessed
    assert before.change_in_words(first.framework) == "Not reassessed yet"
    second = cycle(unit, {"1.1": 3, "2.1": 2}, previous=first, days_ago=10)
    [after] = case_studies.written([case])
    assert after.reassessment == second
    assert [(s.element, s.before, s.after, s.change) for s in after.scores] == [
        ("1.1", 1, 3, 2),
        ("2.1", 2, 2, 0),
    ]
    framework = first.framework
    words = after.change_in_words(framework)
    assert words.startswith("1.1 1 ") and "(up 2 levels)" in words and "(no change)" in words


def test_a_hidden_cycle_gives_no_levels(facilitator):
    unit = UnitFactory(organisation=facilitator.organisation, name="Maternity")
    first = cycle(unit, {"1.1": 1}, days_ago=400)
    done = action(first, ["1.1"], status="done")
    case = case_studies.write(first, facilitator, fields(done), facilitator.user)
    second = cycle(unit, {"1.1": 3}, previous=first, days_ago=10)
    second.mode = "individual"
    second.save()
    [found] = case_studies.written([case])
    assert found.scores[0].after is None
    assert found.change_in_words(first.framework) == "No agreed levels to compare"


def test_listing_many_case_studies_costs_the_same_queries_as_one(facilitator):
    def make(count: int) -> list:
        made = []
        for i in range(count):
            unit = UnitFactory(organisation=facilitator.organisation, name=f"Unit {count}-{i}")
            first = cycle(unit, {"1.1": 1}, days_ago=400)
            cycle(unit, {"1.1": 2}, previous=first, days_ago=10)
            done = action(first, ["1.1"], status="done")
            made.append(case_studies.write(first, facilitator, fields(done), None))
        return made

    def cost(made) -> int:
        with CaptureQueriesContext(connection) as queries:
            listed = case_studies.written(
                case_studies._listed(CaseStudy.objects.filter(id__in=[c.id for c in made]))
            )
            assert all(w.scores[0].change == 1 for w in listed)
        return len(queries)

    assert cost(make(2)) == cost(make(12))


def test_the_units_list_holds_its_cycles_case_studies_up_to_the_one_asked(facilitator):
    unit = UnitFactory(organisation=facilitator.organisation, name="Theatres")
    first = cycle(unit, {"1.1": 1}, days_ago=400)
    second = cycle(unit, {"1.1": 2}, previous=first, days_ago=10)
    early = case_studies.write(
        first, facilitator, fields(action(first, ["1.1"], status="done")), None
    )
    late = case_studies.write(
        second, facilitator, fields(action(second, ["1.1"], status="done")), None
    )
    assert case_studies.for_unit(unit) == [early, late]
    assert case_studies.for_unit(unit, upto=first) == [early]
    assert Consensus.objects.filter(assessment=second).count() == 1


def test_a_change_of_actions_is_recorded_by_their_words(assessment, facilitator):
    first = action(assessment, ["1.1"], status="done", text="Evidence summaries")
    second = action(assessment, ["2.1"], status="done", text="Journal club")
    case = case_studies.write(assessment, facilitator, fields(first), facilitator.user)
    case_studies.change(case, facilitator, fields(second), facilitator.user)
    entry = HistoryEntry.objects.get(summary__startswith="Changed the impact case study")
    assert entry.changes == {"actions": [["Evidence summaries"], ["Journal club"]]}
    assert entry.summary.endswith(": actions")


def test_an_action_with_a_case_study_is_not_removed_from_the_plan(assessment, facilitator):
    from mobilise.core.errors import Conflict
    from mobilise.plans.models import PlanAction
    from mobilise.plans.services import plan as plans

    done = action(assessment, ["1.1", "2.1"], status="done", text="Evidence summaries")
    case_studies.write(assessment, facilitator, fields(done), facilitator.user)
    with pytest.raises(Conflict, match="Falls fell by a third"):
        plans.delete_action(done)
    # Nor by unticking the last element it serves, one at a time.
    plans.remove_elements(done, ["2.1"])
    with pytest.raises(Conflict):
        plans.remove_elements(done, ["1.1"])
    assert PlanAction.objects.filter(pk=done.pk).exists()


def test_a_long_name_is_cut_to_what_is_kept(assessment, facilitator):
    user = facilitator.user
    user.first_name, user.last_name = "A" * 150, "B" * 150
    user.save()
    done = action(assessment, ["1.1"], status="done")
    case = case_studies.write(assessment, facilitator, fields(done), user)
    case.refresh_from_db()
    assert case.written_by_name == "A" * 150
