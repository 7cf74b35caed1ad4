"""The organisation's settings and the deletion of all its data."""

import pytest

from mobilise.accounts.models import ApiToken, Invitation, Membership, Organisation, Role, Unit
from mobilise.accounts.services import issue_token, people
from mobilise.assessments.models import Assessment, Consensus, Rating, Response
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.html import error_summary
from mobilise.plans.models import (
    CalendarFeed,
    LocalAction,
    NoActionRequired,
    PlanAction,
    ProgressNote,
)
from mobilise.plans.services.followup import feed_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin.user)
    return client


def test_deleting_needs_the_name_and_then_leaves_nothing(
    admin_client, admin, full_assessment, facilitator, outsider
):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    submit(theirs, 2)
    issue_token(facilitator.user, facilitator.organisation)
    feed_for(facilitator)
    # An invitation, and with it an entry in the organisation's own history.
    people.invite(admin.organisation, "waiting@nhs.net", Role.VIEWER, admin.user)
    people.invite(outsider.organisation, "theirs@nhs.net", Role.VIEWER, None)
    wrong = admin_client.post("/organisation/delete/", {"confirm": "northshire"})
    assert error_summary(wrong) == [
        ("#confirm", "Type the organisation's name, Northshire NHS Trust, to confirm")
    ]
    assert Assessment.objects.filter(organisation=admin.organisation).exists()

    response = admin_client.post("/organisation/delete/", {"confirm": "Northshire NHS Trust"})
    assert response.status_code == 302
    assert not Organisation.objects.filter(name="Northshire NHS Trust").exists()
    for model in (
        Assessment,
        Unit,
        LocalAction,
        Membership,
        ApiToken,
        CalendarFeed,
        Invitation,
        HistoryEntry,
    ):
        assert model.objects.exclude(**_other(model, outsider)).count() == 0, model
    for model in (
        Response,
        Rating,
        Consensus,
        PlanAction,
        ProgressNote,
        NoActionRequired,
    ):
        assert model.objects.count() == model.objects.filter(**_theirs(model, theirs)).count(), (
            model
        )
    assert (
        Assessment.objects.get() == theirs
        and Response.objects.filter(assessment=theirs).count() == 1
    )
    assert facilitator.user.__class__.objects.filter(
        pk=facilitator.user.pk
    ).exists()  # accounts stay


def _other(model, outsider) -> dict:
    if model is CalendarFeed:
        return {"membership__organisation": outsider.organisation}
    return {"organisation": outsider.organisation}


def _theirs(model, assessment) -> dict:
    return {
        Response: {"assessment": assessment},
        Rating: {"response__assessment": assessment},
        Consensus: {"assessment": assessment},
        PlanAction: {"plan__assessment": assessment},
        ProgressNote: {"action__plan__assessment": assessment},
        NoActionRequired: {"plan__assessment": assessment},
    }[model]
