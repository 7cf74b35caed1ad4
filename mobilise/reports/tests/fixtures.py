"""A fully filled assessment (answers, agreed ratings, a plan) for the report tests."""

import datetime

import pytest

from mobilise.assessments.models import Consensus
from mobilise.assessments.tests.factories import CODES, AssessmentFactory, submit
from mobilise.plans.models import LocalAction
from mobilise.plans.services import plan as plans

CUSTOM = "Hold a lunchtime journal club for the transformation team"
SHARED = "Review resources on the website to optimise your Knowledge and Library Service"
COMMENT = "Board papers rarely cite the evidence behind them"


@pytest.fixture
def full_assessment(facilitator):
    """An assessment with everything a report shows: answers with comments, agreed
    ratings, a shared catalogue action, a custom and a local action, notes, no-action."""
    assessment = AssessmentFactory(organisation=facilitator.organisation, title="Board review 2027")
    for index, level in enumerate([0, 1, 2, 2, 3, 4, None, 2]):
        submit(
            assessment,
            {
                **dict.fromkeys(CODES, 2),
                "1.1": level,
                "2.2": (index % 5) if level is not None else None,
            },
            {"1.1": COMMENT} if index == 0 else {"3.1": f"Comment number {index}"},
        )
    for code in CODES:
        Consensus.objects.create(
            assessment=assessment,
            element_code=code,
            level=1,
            importance="high",
            target=3,
            rationale=f"Rationale {code}",
        )
    user = facilitator.user
    fields = plans.ActionFields(
        priority="high",
        owner="Head of KLS",
        due_on=datetime.date(2027, 6, 30),
        measure="Visits up",
        status="in_progress",
        given={"priority", "owner", "due_on", "measure", "status"},
    )
    shared, _ = plans.add_catalogue_action(assessment, "4.1-c", ["4.1", "4.3"], fields, user)
    plans.add_note(shared, "Website review started", user)
    plans.add_custom_action(
        assessment, CUSTOM, ["2.1"], plans.ActionFields(priority="low", given={"priority"}), user
    )
    local = LocalAction.objects.create(
        organisation=facilitator.organisation,
        element_code="2.5",
        text="Our knowledge café",
        good_practice="ED monthly",
    )
    plans.add_custom_action(
        assessment,
        local.text,
        ["2.5"],
        plans.ActionFields(priority="medium", given={"priority"}),
        user,
        local_action=local,
    )
    plans.mark_no_action(assessment, "2.6", "A strength", user)
    return assessment


OVERDUE_OWNER = "Clinical librarian"


@pytest.fixture
def overdue_assessment(full_assessment):
    """The full assessment with its custom action a month past its due date, not started."""
    from mobilise.core.dates import uk_today
    from mobilise.plans.models import PlanAction

    PlanAction.objects.filter(plan__assessment=full_assessment, text=CUSTOM).update(
        due_on=uk_today() - datetime.timedelta(days=30), owner=OVERDUE_OWNER, status="not_started"
    )
    return full_assessment
