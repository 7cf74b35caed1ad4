"""The action plan operations of the API."""

import pytest

from mobilise.assessments.models import Consensus
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.plans.models import NoActionRequired, PlanAction, ProgressNote
from mobilise.plans.services import plan as plans

pytestmark = pytest.mark.django_db


def url(assessment, rest=""):
    return f"/api/v1/assessments/{assessment.id}/{rest}"


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def test_an_empty_plan_is_incomplete(facilitator_api, assessment):
    data = facilitator_api.get(url(assessment, "plan")).json()
    assert data["complete"] is False and len(data["missing_elements"]) == 23
    assert data["actions"] == [] and data["no_action"] == []


def test_it_adds_a_catalogue_action_and_merges_the_same_action(facilitator_api, assessment):
    first = post(
        facilitator_api,
        url(assessment, "plan/actions"),
        {"option_id": "4.1-c", "elements": ["4.1"], "priority": "high", "owner": "KLS lead"},
    )
    assert first.status_code == 201
    body = first.json()
    assert (
        body["text"]
        == "Review resources on the website to optimise your Knowledge and Library Service"
    )
    assert (
        body["elements"] == ["4.1"]
        and body["status"] == "not_started"
        and body["owner"] == "KLS lead"
    )
    again = post(
        facilitator_api,
        url(assessment, "plan/actions"),
        {"option_id": "4.5-b", "elements": ["4.5"], "priority": "low"},
    )
    assert again.status_code == 200
    assert again.json()["id"] == body["id"]
    assert again.json()["elements"] == ["4.1", "4.5"] and again.json()["priority"] == "high"
    plan = facilitator_api.get(url(assessment, "plan")).json()
    assert len(plan["actions"]) == 1 and "4.1" not in plan["missing_elements"]


def test_custom_text_is_never_merged(facilitator_api, assessment):
    for _ in range(2):
        assert (
            post(
                facilitator_api,
                url(assessment, "plan/actions"),
                {"text": "Journal club", "elements": ["2.1"], "priority": "medium"},
            ).status_code
            == 201
        )
    assert PlanAction.objects.count() == 2


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        (
            {"option_id": "1.1-a", "text": "Both", "elements": ["1.1"], "priority": "high"},
            ["body", "option_id"],
        ),
        ({"elements": ["1.1"], "priority": "high"}, ["body", "option_id"]),
        ({"option_id": "1.1-a", "elements": [], "priority": "high"}, ["body", "elements"]),
        ({"option_id": "1.1-a", "elements": ["2.1"], "priority": "high"}, ["body", "elements", 0]),
        ({"option_id": "nope", "elements": ["1.1"], "priority": "high"}, ["body", "option_id"]),
        ({"text": "", "elements": ["1.1"], "priority": "high"}, ["body", "text"]),
        ({"text": "Do", "elements": ["1.1"], "priority": "urgent"}, ["body", "priority"]),
        (
            {"text": "Do", "elements": ["1.1"], "priority": "high", "status": "finished"},
            ["body", "status"],
        ),
        (
            {"text": "Do", "elements": ["1.1"], "priority": "high", "due_on": "31/02/2027"},
            ["body", "due_on"],
        ),
        ({"text": "Do", "elements": ["1.1"]}, ["body", "priority"]),
    ],
)
def test_bad_actions_are_422_naming_the_field(facilitator_api, assessment, body, loc):
    response = post(facilitator_api, url(assessment, "plan/actions"), body)
    assert response.status_code == 422
    assert loc in [e["loc"] for e in response.json()["detail"]]
    assert not PlanAction.objects.exists()


def test_no_action_and_an_action_on_one_element_conflict(facilitator_api, assessment):
    assert (
        post(
            facilitator_api, url(assessment, "plan/no-action"), {"element": "2.4", "reason": "Fine"}
        ).status_code
        == 201
    )
    again = post(
        facilitator_api,
        url(assessment, "plan/no-action"),
        {"element": "2.4", "reason": "Still fine"},
    )
    assert again.status_code == 200 and again.json() == {"element": "2.4", "reason": "Still fine"}
    conflict = post(
        facilitator_api,
        url(assessment, "plan/actions"),
        {"option_id": "2.4-a", "elements": ["2.4"], "priority": "low"},
    )
    assert conflict.status_code == 409 and set(conflict.json()) == {"detail"}
    post(
        facilitator_api,
        url(assessment, "plan/actions"),
        {"option_id": "2.3-a", "elements": ["2.3"], "priority": "low"},
    )
    assert (
        post(facilitator_api, url(assessment, "plan/no-action"), {"element": "2.3"}).status_code
        == 409
    )
    assert facilitator_api.delete(url(assessment, "plan/no-action/2.4")).status_code == 204
    assert facilitator_api.delete(url(assessment, "plan/no-action/2.4")).status_code == 404
    assert facilitator_api.delete(url(assessment, "plan/no-action/9.9")).status_code == 404
    assert not NoActionRequired.objects.exists()


def test_patch_delete_and_notes(facilitator_api, assessment):
    action = post(
        facilitator_api,
        url(assessment, "plan/actions"),
        {"text": "Do", "elements": ["1.1"], "priority": "high"},
    ).json()
    path = url(assessment, f"plan/actions/{action['id']}")
    patched = facilitator_api.patch(
        path,
        {"status": "in_progress", "due_on": "2027-03-31", "elements": ["1.1", "1.2"]},
        content_type="application/json",
    )
    assert patched.status_code == 200
    assert patched.json()["due_on"] == "2027-03-31" and patched.json()["elements"] == ["1.1", "1.2"]
    note = post(facilitator_api, path + "/notes", {"text": "Kick-off held"})
    assert note.status_code == 201 and note.json()["text"] == "Kick-off held" and note.json()["by"]
    assert post(facilitator_api, path + "/notes", {"text": "x" * 2001}).status_code == 422
    assert (
        facilitator_api.get(url(assessment, "plan")).json()["actions"][0]["notes"][0]["text"]
        == "Kick-off held"
    )
    assert facilitator_api.delete(path).status_code == 204
    assert facilitator_api.delete(path).status_code == 404


def test_viewers_may_change_status_and_add_notes_only(viewer_api, viewer, facilitator_api):
    assessment = AssessmentFactory(organisation=viewer.organisation)
    action = plans.add_custom_action(
        assessment,
        "Do",
        ["1.1"],
        plans.ActionFields(
            priority="high", owner_member=viewer, given={"priority", "owner_member"}
        ),
    )
    path = url(assessment, f"plan/actions/{action.id}")
    assert (
        viewer_api.patch(path, {"status": "done"}, content_type="application/json").status_code
        == 200
    )
    assert (
        viewer_api.patch(path, {"owner": "Me"}, content_type="application/json").status_code == 403
    )
    assert (
        viewer_api.patch(
            path, {"status": "done", "priority": "low"}, content_type="application/json"
        ).status_code
        == 403
    )
    assert post(viewer_api, path + "/notes", {"text": "Done it"}).status_code == 201
    assert viewer_api.delete(path).status_code == 403
    assert (
        post(
            viewer_api,
            url(assessment, "plan/actions"),
            {"text": "X", "elements": ["1.1"], "priority": "high"},
        ).status_code
        == 403
    )
    assert (
        post(viewer_api, url(assessment, "plan/no-action"), {"element": "1.2"}).status_code == 403
    )
    action.refresh_from_db()
    assert action.status == "done" and action.owner_member == viewer
    assert ProgressNote.objects.count() == 1


def test_a_viewer_is_refused_an_action_someone_else_owns(viewer_api, viewer, facilitator):
    assessment = AssessmentFactory(organisation=viewer.organisation)
    theirs = plans.ActionFields(
        priority="high", owner_member=facilitator, given={"priority", "owner_member"}
    )
    action = plans.add_custom_action(assessment, "Theirs", ["1.1"], theirs)
    path = url(assessment, f"plan/actions/{action.id}")
    refused = viewer_api.patch(path, {"status": "done"}, content_type="application/json")
    assert refused.status_code == 403
    assert "own" in refused.json()["detail"]
    assert post(viewer_api, path + "/notes", {"text": "Not mine"}).status_code == 403
    action.refresh_from_db()
    assert action.status == "not_started" and not ProgressNote.objects.exists()


def test_an_owner_is_a_member_by_user_name_or_a_name_typed(facilitator_api, facilitator, viewer):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    viewer.user.first_name, viewer.user.last_name = "Priya", "Shah"
    viewer.user.save()
    made = post(
        facilitator_api,
        url(assessment, "plan/actions"),
        {
            "text": "Do",
            "elements": ["1.1"],
            "priority": "high",
            "owner_username": viewer.user.username,
        },
    )
    assert made.status_code == 201
    body = made.json()
    assert (body["owner"], body["owner_username"]) == ("Priya Shah", viewer.user.username)
    path = url(assessment, f"plan/actions/{body['id']}")
    typed = facilitator_api.patch(
        path, {"owner": "Board secretary"}, content_type="application/json"
    )
    assert (typed.json()["owner"], typed.json()["owner_username"]) == ("Board secretary", None)


def test_an_owner_of_another_organisation_is_refused_by_name(
    facilitator_api, facilitator, outsider
):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    for body, field in [
        ({"owner_username": outsider.user.username}, "owner_username"),
        ({"owner_username": "nobody-at-all"}, "owner_username"),
        ({"owner_username": facilitator.user.username, "owner": "Also"}, "owner"),
    ]:
        response = post(
            facilitator_api,
            url(assessment, "plan/actions"),
            {"text": "Do", "elements": ["1.1"], "priority": "high", **body},
        )
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", field]
    assert not PlanAction.objects.exists()


def test_it_checks_ownership(facilitator_api, outsider):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    action = plans.add_custom_action(
        theirs, "Do", ["1.1"], plans.ActionFields(priority="high", given={"priority"})
    )
    assert facilitator_api.get(url(theirs, "plan")).status_code == 404
    assert facilitator_api.get(url(theirs, "suggestions")).status_code == 404
    assert (
        facilitator_api.patch(
            url(theirs, f"plan/actions/{action.id}"),
            {"status": "done"},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert (
        post(
            facilitator_api, url(theirs, f"plan/actions/{action.id}/notes"), {"text": "hi"}
        ).status_code
        == 404
    )
    action.refresh_from_db()
    assert action.status == "not_started"


def test_an_action_of_another_assessment_is_a_404(facilitator_api, assessment, facilitator):
    other = AssessmentFactory(organisation=facilitator.organisation)
    action = plans.add_custom_action(
        other, "Do", ["1.1"], plans.ActionFields(priority="high", given={"priority"})
    )
    assert facilitator_api.delete(url(assessment, f"plan/actions/{action.id}")).status_code == 404


def test_suggestions_are_ranked_with_their_reason(facilitator_api, assessment):
    Consensus.objects.create(assessment=assessment, element_code="3.2", level=0, importance="high")
    Consensus.objects.create(assessment=assessment, element_code="1.1", level=2, importance="low")
    data = facilitator_api.get(url(assessment, "suggestions")).json()
    assert [(s["element"], s["score"]) for s in data] == [("3.2", 9), ("1.1", 1)]
    assert data[0]["reason"] == "Agreed Not yet, target Established, importance High: 3 × 3 = 9"
    assert data[0]["options"][0]["local"] is False


def test_an_element_named_twice_or_a_bad_e_mail_is_a_422(facilitator_api, assessment):
    twice = post(
        facilitator_api,
        url(assessment, "plan/actions"),
        {"option_id": "4.1-c", "elements": ["4.1", "4.1"], "priority": "high"},
    )
    assert twice.status_code == 422 and ["body", "elements", 1] in [
        e["loc"] for e in twice.json()["detail"]
    ]
    email = post(
        facilitator_api,
        url(assessment, "plan/actions"),
        {"text": "Do", "elements": ["1.1"], "priority": "high", "owner_email": "a@b.c\nBcc: x@y.z"},
    )
    assert email.status_code == 422 and ["body", "owner_email"] in [
        e["loc"] for e in email.json()["detail"]
    ]
    assert not PlanAction.objects.exists()


def test_patch_with_null_clears_a_field(facilitator_api, assessment):
    action = post(
        facilitator_api,
        url(assessment, "plan/actions"),
        {
            "text": "Do",
            "elements": ["1.1"],
            "priority": "high",
            "due_on": "2027-01-31",
            "owner": "Ann",
        },
    ).json()
    path = url(assessment, f"plan/actions/{action['id']}")
    cleared = facilitator_api.patch(
        path, {"due_on": None, "owner": None}, content_type="application/json"
    ).json()
    assert cleared["due_on"] is None and cleared["owner"] == ""
    assert (
        facilitator_api.patch(path, {"priority": None}, content_type="application/json").status_code
        == 422
    )
