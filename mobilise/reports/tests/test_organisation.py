"""The organisation's JSON export and history, for admins only."""

import json

import pytest

from mobilise.accounts.models import Role
from mobilise.accounts.services import people
from mobilise.assessments.models import Consensus
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.models import HistoryEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin.user)
    return client


def test_only_admins_reach_the_organisations_data(signed_in):
    for path in ["/organisation/history/", "/organisation/export.json", "/organisation/delete/"]:
        assert signed_in.get(path).status_code == 403, path


def test_the_export_holds_everything(admin_client, admin, full_assessment):
    people.invite(admin.organisation, "waiting@nhs.net", Role.VIEWER, admin.user)
    response = admin_client.get("/organisation/export.json")
    assert response["Content-Disposition"].startswith('attachment; filename="northshire-nhs-trust-')
    data = json.loads(response.content)
    assert data["organisation"] == "Northshire NHS Trust"
    assert [a["assessment"]["title"] for a in data["assessments"]] == ["Board review 2027"]
    assert {p["role"] for p in data["people"]} >= {"admin", "facilitator"}
    assert data["local_actions"][0]["text"] == "Our knowledge café"
    # The organisation's own history (people, roles, local actions) comes too.
    assert [h["summary"] for h in data["history"]] == ["Invited waiting@nhs.net as Viewer"]
    assert [i["email"] for i in data["invitations"]] == ["waiting@nhs.net"]


def test_the_organisation_history_lists_its_changes_only(admin_client, full_assessment, outsider):
    other = AssessmentFactory(organisation=outsider.organisation, title="Southshire secret")
    Consensus.objects.create(assessment=other, element_code="1.1", level=1, importance="low")
    HistoryEntry.objects.create(assessment=other, summary="Southshire change")
    html = admin_client.get("/organisation/history/").content.decode()
    assert "Added the action" in html and "Southshire" not in html
