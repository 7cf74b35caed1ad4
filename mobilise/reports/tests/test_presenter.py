"""The one presenter behind every document: the Board paper's cover and plain-words summary."""

import datetime

import pytest

from mobilise.assessments.models import UK, Assessment, Consensus, Mode
from mobilise.assessments.services import priorities
from mobilise.core.dates import uk_today
from mobilise.framework.catalogue import get_framework
from mobilise.plans.models import PlanAction
from mobilise.reports.models import BoardPaper
from mobilise.reports.presenter import build_report, default_recommendations

pytestmark = pytest.mark.django_db


def test_the_reason_for_a_priority_is_in_words():
    framework = get_framework()
    two = Consensus(level=1, target=3, importance="high")
    assert priorities.reason_in_words(framework, two) == (
        "a gap of two levels (agreed Emerging, target Established) on an element the group "
        "rated of high importance"
    )
    one = Consensus(level=2, target=3, importance="low")
    assert priorities.reason_in_words(framework, one).startswith("a gap of one level ")
    none = Consensus(level=3, target=3, importance="medium")
    assert priorities.reason_in_words(framework, none) == (
        "at or above its target, and rated of medium importance"
    )


def test_the_cover_has_sensible_defaults_and_keeps_what_was_typed(full_assessment):
    cover = build_report(full_assessment).cover
    assert cover.purpose == "For decision" and cover.meeting == ""
    assert cover.asked_to[:2] == [
        "note the results of the Knowledge Mobilisation self-assessment",
        "approve the action plan and the owners of its actions",
    ]
    BoardPaper.objects.create(
        assessment=full_assessment,
        meeting="Trust Board (public)",
        meeting_on=datetime.date(2027, 1, 14),
        author="Head of Library Services",
        sponsor="Chief Nurse",
        purpose="assurance",
        recommendations="note the results\n\n  support the plan  \n",
    )
    cover = build_report(full_assessment).cover
    assert (cover.meeting, cover.sponsor, cover.purpose) == (
        "Trust Board (public)",
        "Chief Nurse",
        "For assurance",
    )
    assert cover.asked_to == ["note the results", "support the plan"]


def test_the_default_reassessment_is_a_year_on():
    assert default_recommendations(datetime.date(2026, 12, 2))[2] == (
        "agree to reassess in December 2027, a year from now"
    )


def test_the_summary_says_where_the_unit_stands_and_counts_overdue_actions(full_assessment):
    summary = build_report(full_assessment).summary()
    assert summary.standing == (
        "8 people rated the 23 elements and the group agreed a level for 23. On average the "
        "agreed level is 1.0, Emerging; 0 of 23 elements are at or above the target the group set."
    )
    assert len(summary.strengths) == 3 and summary.strengths[0][1] == "Emerging"
    assert summary.priorities[0][1].startswith("a gap of two levels")
    assert (
        summary.priorities[0][0] == "1.1 " + get_framework().element("1.1").title + " (Leadership)"
    )
    assert summary.changed is None  # a first assessment
    assert summary.overdue == 0 and "0 are overdue" in summary.plan
    PlanAction.objects.filter(plan__assessment=full_assessment, owner="Head of KLS").update(
        due_on=uk_today() - datetime.timedelta(days=1)
    )
    report = build_report(full_assessment)
    summary = report.summary()
    rows = {r.text: r for r in report.plan_rows}
    assert summary.overdue == 1 and "1 is overdue" in summary.plan
    assert [r.overdue for r in rows.values() if r.owner == "Head of KLS"] == [True]


def test_what_changed_mentions_the_longer_trend(organisation):
    from mobilise.plans.tests.test_trend import four_cycles

    _, made = four_cycles(organisation)
    since = made[0].created_at.astimezone(UK).strftime("%B %Y")
    changed = build_report(made[3]).summary().changed
    assert changed.startswith("Since the last assessment (")
    assert changed.endswith(
        f" Over four assessments since {since}, the mean agreed level rose from 1.0 to 3.0."
    )
    # Two cycles: the last two only, no longer trend.
    assert "Over" not in build_report(made[1]).summary().changed
    third = build_report(made[2]).summary().changed
    assert third.endswith(
        f"Over three assessments since {since}, the mean agreed level rose from 1.0 to 2.0."
    )


def test_the_longer_trend_leaves_out_a_hidden_cycle(organisation, settings):
    from mobilise.plans.tests.test_trend import four_cycles

    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 3
    _, made = four_cycles(organisation)
    Assessment.objects.filter(pk=made[0].pk).update(mode=Mode.INDIVIDUAL)
    since = made[1].created_at.astimezone(UK).strftime("%B %Y")
    changed = build_report(made[3]).summary().changed
    assert changed.endswith(
        f"Over three assessments since {since}, the mean agreed level rose from 2.0 to 3.0."
    )
    assert "Over" not in build_report(made[2]).summary().changed
