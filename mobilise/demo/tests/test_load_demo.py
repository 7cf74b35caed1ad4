"""The demo organisation: what it holds, and loading it twice changes nothing."""

import io

import pytest
from django.core.management import CommandError, call_command

from mobilise.accounts.models import Membership, Organisation, Unit, User
from mobilise.demo.services import DEMO_PASSWORD, ORGANISATION

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_creates_the_demo_organisation_and_accounts():
    output = load()
    organisation = Organisation.objects.get(name=ORGANISATION)
    roles = dict(
        Membership.objects.filter(organisation=organisation).values_list("user__username", "role")
    )
    assert roles == {
        "demo-admin": "admin",
        "demo-facilitator": "facilitator",
        "demo-viewer": "viewer",
    }
    assert User.objects.get(username="demo-viewer").check_password(DEMO_PASSWORD)
    assert "demo-facilitator" in output and DEMO_PASSWORD in output


def test_it_is_idempotent():
    load()
    counts = (Organisation.objects.count(), Unit.objects.count(), User.objects.count())
    load()
    assert (Organisation.objects.count(), Unit.objects.count(), User.objects.count()) == counts
    assert Membership.objects.count() == 3


def test_it_includes_a_completed_group_session_of_the_senior_transformation_team():
    from mobilise.assessments.models import Assessment, Mode
    from mobilise.assessments.services.results import assessment_results, comments_by_element

    load()
    load()
    assessment = Assessment.objects.get(
        unit__name="Senior transformation team", previous__isnull=True
    )
    assert assessment.mode == Mode.GROUP and not assessment.is_open()
    results = assessment_results(assessment)
    assert results.responses == 8
    assert sum(1 for e in results.elements if e.consensus) == 23
    assert sum(1 for e in results.elements if e.spread) >= 2
    assert sum(len(c) for c in comments_by_element(assessment).values()) >= 10


def test_the_demo_assessment_has_a_complete_plan_and_a_reassessment_a_year_later():
    from mobilise.assessments.models import Assessment
    from mobilise.plans.models import PlanAction
    from mobilise.plans.services.plan import coverage
    from mobilise.plans.services.reassess import comparison

    load()
    load()
    first = Assessment.objects.get(unit__name="Senior transformation team", previous__isnull=True)
    assert coverage(first).complete
    actions = PlanAction.objects.filter(plan__assessment=first)
    assert 12 <= actions.count() <= 16
    assert {a.status for a in actions} == {"done", "in_progress", "not_started", "dropped"}
    assert any(len(a.element_codes) > 1 for a in actions)  # a shared option serves two
    second = Assessment.objects.get(previous=first)
    assert (second.created_at - first.created_at).days >= 360
    found = comparison(second)
    assert found.cycles[-1].results.responses == 8
    assert any(row.agreed_change and row.agreed_change > 0 and row.done for row in found.elements)
    assert PlanAction.objects.filter(
        plan__assessment=second, carried_over_from__isnull=False
    ).exists()


def test_the_demo_plan_was_signed_off_and_has_changed_since():
    from mobilise.assessments.models import Assessment
    from mobilise.plans.services.sign_off import standing, versions

    load()
    load()
    first = Assessment.objects.get(unit__name="Senior transformation team", previous__isnull=True)
    assert [v.version for v in versions(first)] == [1]
    found = standing(first)
    assert found.agreed.agreed_by == "Senior transformation board"
    assert found.agreed.recorded_by.username == "demo-facilitator"
    assert [c.kind for c in found.changes] == ["changed"]
    assert found.changes[0].details[0].startswith("Due: ")


def demo_portfolio():
    from mobilise.portfolio.services import portfolio

    return portfolio(Organisation.objects.get(name=ORGANISATION))


def test_the_demo_has_a_portfolio_of_units_some_reassessed_one_not_yet_agreed():
    load()
    load()
    found = demo_portfolio()
    assert len(found.units) == 8
    assert {u.name for u in found.assessed} == {
        "Emergency Department",
        "Library and knowledge service",
        "Nursing directorate",
        "Pharmacy and medicines optimisation",
        "Research and development",
        "Senior transformation team",
        "Trust Board",
    }
    assert all(len(u.levels) == 23 for u in found.assessed)
    assert {u.name for u in found.changes} == {
        "Nursing directorate",
        "Pharmacy and medicines optimisation",
        "Senior transformation team",
        "Trust Board",
    }
    assert all(u.change.up > 0 for u in found.changes)
    assert len({u.mean for u in found.assessed}) == 7  # units differ
    finance = next(u for u in found.units if u.name == "Finance directorate")
    assert finance.agreed is None and finance.latest is not None
    for unit in found.assessed:
        assert unit.progress.total > 0, unit.name
    progress = found.progress
    assert min(progress.done, progress.in_progress, progress.not_started, progress.overdue) > 0
    assert progress.dropped > 0


def test_the_demo_has_a_unit_of_four_cycles_that_improves():
    from mobilise.plans.services.trend import unit_trend

    load()
    load()
    found = demo_portfolio()
    assert [u.name for u in found.units if u.has_trend] == ["Pharmacy and medicines optimisation"]
    unit = Unit.objects.get(name="Pharmacy and medicines optimisation")
    trend = unit_trend(unit)
    assert len(trend.cycles) == 4 and not any(c.hidden for c in trend.cycles)
    assert all(c.agreed_count == 23 for c in trend.cycles)
    assert trend.overall == sorted(trend.overall) and trend.overall[-1] - trend.overall[0] > 1
    # Actions done between every two cycles, and some changes beside them.
    assert all(c.done for c in trend.cycles[:-1])
    assert any(any(done) for e in trend.elements for done in e.done)
    assert [c.assessment.previous for c in trend.cycles[1:]] == [
        c.assessment for c in trend.cycles[:-1]
    ]


def test_the_demo_units_are_the_same_every_time():
    load()
    first = [(u.name, u.levels, u.progress) for u in demo_portfolio().units]
    Organisation.objects.filter(name=ORGANISATION).delete()
    load()
    assert [(u.name, u.levels, u.progress) for u in demo_portfolio().units] == first


def test_the_demo_takes_part_in_a_benchmark_with_one_region_too_small_to_show():
    from mobilise.benchmarking.services import benchmark

    load()
    organisation = Organisation.objects.get(name=ORGANISATION)
    assert organisation.benchmarking and organisation.region == "north-west"
    found = benchmark("region", organisation)
    assert found.overall.shown and found.overall.organisations == 13
    shown = {g.key for g in found.groups[1:] if g.shown}
    assert shown == {"north-west"}
    assert found.standing  # the demo organisation sees where it stands
    # The peers have nobody in them.
    assert not Membership.objects.filter(organisation__name__startswith="Benchmark peer").exists()


def test_it_refuses_production_settings_unless_forced(settings):
    settings.MOBILISE_PRODUCTION = True
    with pytest.raises(CommandError, match="Refusing to load the demo"):
        call_command("load_demo")
    assert not Organisation.objects.exists()
    call_command("load_demo", "--force", stdout=io.StringIO())
    assert Organisation.objects.exists()


def test_the_demo_evidence_describes_days_before_its_session():
    from mobilise.assessments.models import Assessment

    load()
    first = Assessment.objects.get(unit__name="Senior transformation team", previous__isnull=True)
    days = [e.describes_on for e in first.evidence.all()]
    assert days and all(day < first.created_at.date() for day in days)
