"""A plan signed off: who may record it, its versions, what changed since, the pages, the
API, the history and the Board paper."""

import datetime

import pytest

from conftest import api_client_for
from mobilise.audit.models import HistoryEntry
from mobilise.core.dates import uk_today
from mobilise.core.errors import InvalidInput, NotAllowed
from mobilise.core.tests.html import error_summary, page, text
from mobilise.plans.models import PlanSignOff
from mobilise.plans.services import plan as plans
from mobilise.plans.services import sign_off as signing
from mobilise.plans.tests.factories import action
from mobilise.reports.presenter import build_report

pytestmark = pytest.mark.django_db

BOARD = signing.SignOffFields(
    agreed_by="Trust Board",
    agreed_by_role="Board of directors",
    meeting="Trust Board, public meeting",
    agreed_on=datetime.date(2026, 11, 26),
    note="Agreed with the change to 2.1's due date",
)


def form(**changes) -> dict:
    data = {
        "agreed_by": "Trust Board",
        "agreed_by_role": "",
        "meeting": "Trust Board",
        "agreed_on_day": "26",
        "agreed_on_month": "11",
        "agreed_on_year": "2026",
        "note": "",
    }
    return {**data, **changes}


def test_an_admin_signs_off_and_the_plan_is_kept_as_version_one(assessment, admin):
    first = action(assessment, ["1.1"], text="Summaries of the latest evidence")
    made = signing.sign_off(assessment, admin, BOARD, admin.user)
    assert made.version == 1 and made.agreed_by == "Trust Board"
    assert made.snapshot["actions"] == [
        {
            "id": str(first.id),
            "text": "Summaries of the latest evidence",
            "elements": ["1.1"],
            "priority": "medium",
            "owner": "",
            "due_on": None,
            "measure": "",
            "status": "not_started",
        }
    ]
    entry = HistoryEntry.objects.get(summary__startswith="The plan was agreed")
    assert "Trust Board" in entry.summary and "version 1" in entry.summary
    again = signing.sign_off(assessment, admin, BOARD, admin.user)
    assert again.version == 2 and PlanSignOff.objects.count() == 2


def test_later_changes_are_allowed_and_shown_against_the_agreed_version(assessment, admin):
    first = action(assessment, ["1.1"], text="Summaries")
    dropped = action(assessment, ["2.1"], text="Journal club")
    agreed = signing.sign_off(assessment, admin, BOARD, admin.user)
    plans.update_action(
        first,
        plans.ActionFields(
            status="done", due_on=datetime.date(2027, 3, 31), given={"status", "due_on"}
        ),
    )
    plans.delete_action(dropped)
    action(assessment, ["3.1"], text="Horizon scanning")
    plans.mark_no_action(assessment, "4.5", "Already strong")
    changes = signing.changes_since(assessment, agreed)
    said = {(c.kind, c.text): c.details for c in changes}
    assert said[("changed", "Summaries")] == [
        "Status: Not started → Done",
        "Due: none → 31 March 2027",
    ]
    assert ("removed", "Journal club") in said and ("added", "Horizon scanning") in said
    assert ("added", "4.5: No action required") in said
    # The version itself is as it was agreed.
    agreed.refresh_from_db()
    assert [a["status"] for a in agreed.snapshot["actions"]] == ["not_started", "not_started"]
    assert signing.standing(assessment).in_words.endswith("; 4 changes since.")


def test_only_admins_and_the_named_facilitator_may_sign_off(assessment, admin, facilitator):
    action(assessment, ["1.1"])
    with pytest.raises(NotAllowed):
        signing.sign_off(assessment, facilitator, BOARD, facilitator.user)
    with pytest.raises(NotAllowed):
        signing.name_signatory(assessment, facilitator, facilitator, facilitator.user)
    signing.name_signatory(assessment, admin, facilitator, admin.user)
    assert signing.sign_off(assessment, facilitator, BOARD, facilitator.user).version == 1
    assert HistoryEntry.objects.filter(summary__endswith="may record that the plan was agreed")


def test_a_viewer_or_another_organisations_member_cannot_be_named(
    assessment, admin, viewer, outsider
):
    for member in (viewer, outsider):
        with pytest.raises(InvalidInput):
            signing.name_signatory(assessment, admin, member, admin.user)


def test_what_is_refused_names_its_field(assessment, admin):
    with pytest.raises(InvalidInput) as empty:
        signing.sign_off(assessment, admin, BOARD, admin.user)
    assert [e.loc for e in empty.value.errors] == [("agreed_by",)]
    action(assessment, ["1.1"])
    tomorrow = uk_today() + datetime.timedelta(days=1)
    bad = signing.SignOffFields(agreed_by=" ", meeting="x" * 201, agreed_on=tomorrow)
    with pytest.raises(InvalidInput) as refused:
        signing.sign_off(assessment, admin, bad, admin.user)
    assert [e.loc for e in refused.value.errors] == [("agreed_by",), ("meeting",), ("agreed_on",)]
    assert not PlanSignOff.objects.exists()


def test_the_board_paper_says_draft_then_agreed(assessment, admin):
    action(assessment, ["1.1"])
    assert "The plan is a draft" in build_report(assessment).summary().plan
    signing.sign_off(assessment, admin, BOARD, admin.user)
    plan = build_report(assessment).summary().plan
    assert "The plan was agreed by Trust Board (Board of directors) at Trust Board, public" in plan
    assert "on 26 November 2026; nothing has changed since." in plan


def test_the_pages_record_show_and_export_a_version(client, assessment, admin):
    action(assessment, ["1.1"], text="Summaries of the latest evidence")
    client.force_login(admin.user)
    url = f"/assessments/{assessment.id}/plan/sign-off/"
    assert "Draft" in text(page(client.get(f"/assessments/{assessment.id}/plan/")))
    refused = client.post(url, form(agreed_by="", agreed_on_month="13"))
    assert refused.status_code == 200
    said = error_summary(refused)
    assert said[0] == ("#id_agreed_by", "Enter who agreed the plan")
    assert [link for link, _ in said][1:] == ["#id_agreed_on"]
    assert not PlanSignOff.objects.exists()
    assert client.post(url, form()).status_code == 302
    shown = text(page(client.get(f"/assessments/{assessment.id}/plan/")))
    assert "Agreed" in shown and "nothing has changed since" in shown
    version = page(client.get(f"/assessments/{assessment.id}/plan/agreed/1/"))
    assert "Summaries of the latest evidence" in text(version.select_one("table"))
    csv = client.get(f"/assessments/{assessment.id}/plan/agreed/1.csv")
    assert csv["Content-Disposition"].endswith('-action-plan-agreed-version-1.csv"')
    assert "Summaries of the latest evidence" in csv.content.decode("utf-8-sig")
    assert client.get(f"/assessments/{assessment.id}/plan/agreed/2/").status_code == 404


def test_a_facilitator_not_named_sees_no_form_and_is_refused(client, assessment, facilitator):
    client.force_login(facilitator.user)
    url = f"/assessments/{assessment.id}/plan/sign-off/"
    shown = page(client.get(url))
    assert shown.select("main form[method=post]") == []
    assert client.post(url, form()).status_code == 403
    signatory = f"/assessments/{assessment.id}/plan/sign-off/signatory/"
    assert client.post(signatory, {"sign_off_member": facilitator.id}).status_code == 403


def test_an_admin_names_a_facilitator_on_the_page(client, assessment, admin, facilitator):
    client.force_login(admin.user)
    signatory = f"/assessments/{assessment.id}/plan/sign-off/signatory/"
    assert client.post(signatory, {"sign_off_member": facilitator.id}).status_code == 302
    assessment.plan.refresh_from_db()
    assert assessment.plan.sign_off_member == facilitator
    refused = client.post(signatory, {"sign_off_member": "not-a-member"})
    assert [m for _, m in error_summary(refused)] == ["Choose a facilitator of your organisation"]


def test_another_organisations_sign_off_is_a_404(client, assessment, admin, outsider):
    action(assessment, ["1.1"])
    signing.sign_off(assessment, admin, BOARD, admin.user)
    client.force_login(outsider.user)
    for url in ("plan/sign-off/", "plan/agreed/1/", "plan/agreed/1.csv"):
        assert client.get(f"/assessments/{assessment.id}/{url}").status_code == 404
    api = api_client_for(outsider)
    assert api.get(f"/api/v1/assessments/{assessment.id}/plan/sign-offs").status_code == 404


def test_the_api_records_and_lists_versions(assessment, admin, facilitator):
    action(assessment, ["1.1"], text="Summaries")
    url = f"/api/v1/assessments/{assessment.id}/plan/sign-offs"
    facilitator_api = api_client_for(facilitator)
    body = {"agreed_by": "Trust Board", "meeting": "Board", "agreed_on": "2026-11-26"}
    refused = facilitator_api.post(url, body, content_type="application/json")
    assert refused.status_code == 403
    api = api_client_for(admin)
    future = {**body, "agreed_on": (uk_today() + datetime.timedelta(days=3)).isoformat()}
    invalid = api.post(url, future, content_type="application/json")
    assert invalid.status_code == 422
    assert invalid.json()["detail"][0]["loc"][-1] == "agreed_on"
    made = api.post(url, body, content_type="application/json")
    assert made.status_code == 201 and made.json()["version"] == 1
    listed = facilitator_api.get(url).json()
    assert listed["status"] == "agreed" and listed["changes_since"] == 0
    assert listed["versions"][0]["actions"][0]["text"] == "Summaries"
