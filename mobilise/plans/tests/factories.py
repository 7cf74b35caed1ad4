"""Assessments with agreed ratings and plans, built quickly for the plan tests."""

import datetime

from django.utils import timezone

from mobilise.assessments.models import Assessment, Consensus
from mobilise.assessments.tests.factories import CODES, AssessmentFactory
from mobilise.plans.models import PlanAction
from mobilise.plans.services import plan as plans
from mobilise.plans.services.case_studies import CaseStudyFields

TODAY = datetime.date(2026, 6, 1)


def cycle(unit, levels=None, previous=None, days_ago=0, title=None) -> Assessment:
    """An assessment of `unit` created `days_ago`, agreeing `levels` ({code: level}, or one
    level for every element; None agrees nothing)."""
    assessment = AssessmentFactory(
        organisation=unit.organisation, unit=unit, previous=previous, title=title or unit.name
    )
    Assessment.objects.filter(pk=assessment.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    if levels is not None:
        by_code = levels if isinstance(levels, dict) else dict.fromkeys(CODES, levels)
        Consensus.objects.bulk_create(
            Consensus(assessment=assessment, element_code=c, level=v, importance="medium")
            for c, v in by_code.items()
        )
    assessment.refresh_from_db()
    return assessment


def action(assessment, elements, status="not_started", due_on=None, text="An action") -> PlanAction:
    fields = plans.ActionFields(status=status, due_on=due_on, given={"status", "due_on"})
    return plans.add_custom_action(assessment, text, elements, fields)


# An impact case study's national fields, as the tests of every route write it.
STORY = {
    "title": "Falls fell by a third",
    "challenge": "Falls had risen for two years.\nStaff were worried.",
    "service_did": "The library summarised the evidence on falls prevention.",
    "intervention": "The wards brought in the bundle.",
    "outcome": "Falls fell by a third in six months.",
    "figure": "38 fewer falls in six months",
    "quote": "The summary made the case for us.",
    "champion_name": "Sam Patel",
    "champion_role": "Matron",
}


def story(*actions, **changes) -> dict:
    """The story written from `actions`, with `changes`: a body for the API, or the fields."""
    return {**STORY, "actions": [str(a.id) for a in actions], **changes}


def case_fields(*actions, **changes) -> CaseStudyFields:
    return CaseStudyFields(**story(*actions, **changes))
