"""GET /api/v1/actions: follow-up's list, with the same filters, a page at a time."""

import datetime

import pytest

from mobilise.accounts.models import Role
from mobilise.accounts.tests.factories import MembershipFactory
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.core.dates import uk_today
from mobilise.plans.services import plan as plans

pytestmark = pytest.mark.django_db


def add(assessment, text, *, days=None, status="not_started", member=None):
    due = uk_today() + datetime.timedelta(days=days) if days is not None else None
    given = {"status", "due_on"} | ({"owner_member"} if member else set())
    fields = plans.ActionFields(status=status, due_on=due, owner_member=member, given=given)
    return plans.add_custom_action(assessment, text, ["1.1"], fields)


def listed(client, **query) -> list[str]:
    response = client.get("/api/v1/actions", query)
    assert response.status_code == 200, response.json()
    return [a["text"] for a in response.json()["actions"]]


@pytest.fixture
def actions(organisation, facilitator, viewer):
    north = AssessmentFactory(organisation=organisation)
    south = AssessmentFactory(organisation=organisation)
    add(north, "Viewer's late", days=-3, member=viewer)
    add(north, "Facilitator's soon", days=2, member=facilitator)
    add(south, "Undated")
    add(south, "Done", days=-5, status="done", member=viewer)
    add(AssessmentFactory(), "Another organisation's", days=-9)
    return north, south


def test_it_lists_open_actions_soonest_first_with_the_count(facilitator_api, actions):
    north, _ = actions
    data = facilitator_api.get("/api/v1/actions").json()
    assert data["count"] == 3 and data["limit"] == 25 and data["offset"] == 0
    assert [a["text"] for a in data["actions"]] == [
        "Viewer's late",
        "Facilitator's soon",
        "Undated",
    ]
    first = data["actions"][0]
    assert first["assessment_id"] == str(north.id) and first["unit"] == north.unit.name
    assert first["owner_username"] is not None and first["status"] == "not_started"


def test_the_same_filters_as_the_page(facilitator_api, viewer, actions):
    north, south = actions
    assert listed(facilitator_api, mine="true") == ["Facilitator's soon"]
    assert listed(facilitator_api, owner_username=viewer.user.username) == ["Viewer's late"]
    assert listed(facilitator_api, unit=south.unit.name) == ["Undated"]
    assert listed(facilitator_api, unit=south.unit.name, status="any") == ["Done", "Undated"]
    assert listed(facilitator_api, status="done") == ["Done"]
    assert listed(facilitator_api, overdue="true") == ["Viewer's late"]
    assert listed(facilitator_api, overdue="true", unit=north.unit.name, mine="true") == []
    assert listed(facilitator_api, owner=viewer.user.display_name.upper()) == ["Viewer's late"]
    assert listed(facilitator_api, due_before=uk_today().isoformat()) == ["Viewer's late"]


def test_a_viewer_lists_their_own_actions(viewer_api, actions):
    assert listed(viewer_api, mine="true") == ["Viewer's late"]
    assert len(listed(viewer_api)) == 3


def test_limit_and_offset_page_through_with_the_count_unchanged(facilitator_api, assessment):
    for index in range(30):
        add(assessment, f"Action {index:02}", days=index)
    page = facilitator_api.get("/api/v1/actions", {"limit": 10, "offset": 25}).json()
    assert page["count"] == 30 and page["limit"] == 10 and page["offset"] == 25
    assert [a["text"] for a in page["actions"]] == [f"Action {i:02}" for i in range(25, 30)]
    assert len(listed(facilitator_api)) == 25
    assert listed(facilitator_api, offset=40) == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"status": "finished"}, "status"),
        ({"overdue": "maybe"}, "overdue"),
        ({"mine": "perhaps"}, "mine"),
        ({"due_before": "31/12/2027"}, "due_before"),
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"offset": "99999999999999999999"}, "offset"),
        ({"unit": "No such team"}, "unit"),
        ({"owner_username": "nobody"}, "owner_username"),
        ({"owner_username": "x", "mine": "true"}, "owner_username"),
    ],
)
def test_bad_values_are_a_422_naming_the_parameter(facilitator_api, query, parameter):
    response = facilitator_api.get("/api/v1/actions", query)
    assert response.status_code == 422
    assert ["query", parameter] in [e["loc"] for e in response.json()["detail"]]


def test_another_organisations_unit_and_member_are_unknown(facilitator_api, outsider):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    assert facilitator_api.get("/api/v1/actions", {"unit": theirs.unit.name}).status_code == 422
    response = facilitator_api.get("/api/v1/actions", {"owner_username": outsider.user.username})
    assert response.status_code == 422


def test_it_needs_a_token(client):
    assert client.get("/api/v1/actions").status_code == 401


def test_a_colleague_named_as_owner(facilitator_api, organisation, assessment):
    colleague = MembershipFactory(organisation=organisation, role=Role.ADMIN)
    add(assessment, "Theirs", member=colleague)
    add(assessment, "Nobody's")
    assert listed(facilitator_api, owner_username=colleague.user.username) == ["Theirs"]


def test_a_nul_in_a_filter_is_a_documented_404(facilitator_api):
    """The service refuses a NUL character anywhere before a view runs (found by schemathesis)."""
    answer = facilitator_api.get("/api/v1/actions?owner=%00x")
    assert answer.status_code == 404
    schema = facilitator_api.get("/api/v1/openapi.json").json()
    assert "404" in schema["paths"]["/api/v1/actions"]["get"]["responses"]
