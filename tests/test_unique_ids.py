"""Every page with a date input has no id twice, with and without errors on it: the day,
month and year boxes, their group and its fieldset, hint and error each have their own.

The pages are found by the templates that call `date_field`: a new one fails the first test
until it is added to PAGES below."""

from collections import Counter
from pathlib import Path

import pytest

import mobilise
from mobilise.assessments.models import Consensus
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.core.tests.html import page
from mobilise.plans.services import plan as plans

pytestmark = pytest.mark.django_db

BAD_DATE = {"_day": "31", "_month": "2", "_year": "2027"}
TEMPLATES = {
    "assessments/new.jinja",
    "assessments/session_calendar.jinja",
    "plans/action.jinja",
    "plans/follow_up.jinja",
    "plans/reassess.jinja",
    "plans/suggestions.jinja",
    "plans/sign_off.jinja",
    "components/history.jinja",
    "assessments/evidence_add.jinja",
    "assessments/evidence_change.jinja",
    "reports/board_paper.jinja",
}


def templates_with_date_inputs() -> set[str]:
    root = Path(mobilise.__file__).parent
    found = set()
    for path in root.glob("*/jinja2/**/*.jinja"):
        if "date_field(" in path.read_text() and path.name != "fields.jinja":
            found.add(str(path).split("/jinja2/", 1)[1])
    return found


def duplicate_ids(response) -> list[str]:
    ids = Counter(tag["id"] for tag in page(response).select("[id]"))
    return sorted(i for i, n in ids.items() if n > 1)


def dated(name: str, values: dict) -> dict:
    return {f"{name}{part}": value for part, value in values.items()}


def test_every_template_with_a_date_input_is_checked():
    assert templates_with_date_inputs() == TEMPLATES


def test_the_new_assessment_form_has_no_id_twice(signed_in):
    assert duplicate_ids(signed_in.get("/assessments/new/")) == []
    bad = signed_in.post(
        "/assessments/new/",
        {"title": "", "unit": "__new__", "mode": "individual", **dated("closes_on", BAD_DATE)},
    )
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []


def test_the_action_page_has_no_id_twice(signed_in, assessment):
    fields = plans.ActionFields(priority="high", given={"priority"})
    action = plans.add_custom_action(assessment, "Do it", ["1.1"], fields)
    url = f"/assessments/{assessment.id}/plan/actions/{action.id}/"
    assert duplicate_ids(signed_in.get(url)) == []
    bad = signed_in.post(url, {"priority": "high", "status": "done", **dated("due_on", BAD_DATE)})
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []


def test_the_follow_up_page_has_no_id_twice(signed_in):
    assert duplicate_ids(signed_in.get("/follow-up/")) == []
    bad = signed_in.get("/follow-up/", dated("due_before", BAD_DATE))
    assert bad.status_code == 200
    assert duplicate_ids(bad) == []


def test_the_session_invitation_form_has_no_id_twice(signed_in, assessment):
    url = f"/assessments/{assessment.id}/invite/calendar/"
    assert duplicate_ids(signed_in.get(url)) == []
    bad = signed_in.post(url, {"start": "25:00", **dated("on", BAD_DATE)})
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []


def test_the_reassessment_form_has_no_id_twice(signed_in, assessment):
    url = f"/assessments/{assessment.id}/reassess/"
    assert duplicate_ids(signed_in.get(url)) == []
    bad = signed_in.post(url, {"title": "", "mode": "individual", **dated("closes_on", BAD_DATE)})
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []


def test_the_board_paper_form_has_no_id_twice(signed_in, assessment):
    url = f"/assessments/{assessment.id}/board-paper/"
    assert duplicate_ids(signed_in.get(url)) == []
    bad = signed_in.post(url, {"purpose": "decision", **dated("meeting_on", BAD_DATE)})
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []


def test_the_suggestions_page_has_no_id_twice(signed_in, assessment):
    for code in ("1.1", "4.1", "4.3"):  # 4.1 and 4.3 share an option: ids must still differ
        Consensus.objects.create(
            assessment=assessment, element_code=code, level=0, importance="high"
        )
    url = f"/assessments/{assessment.id}/suggestions/"
    assert duplicate_ids(signed_in.get(url)) == []
    bad = signed_in.post(url, {"chosen": ["1.1|1.1-a"], **dated("due_on", BAD_DATE)})
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []


def test_the_plan_table_has_no_id_twice(signed_in, assessment):
    fields = plans.ActionFields(priority="high", given={"priority"})
    actions = [plans.add_custom_action(assessment, f"Do {n}", ["1.1"], fields) for n in range(3)]
    url = f"/assessments/{assessment.id}/plan/"
    assert duplicate_ids(signed_in.get(url)) == []
    rows = {"row-count": "3"}
    for index, action in enumerate(actions):
        rows |= {f"row-{index}-action": str(action.id), f"row-{index}-priority": "high"}
        rows |= {f"row-{index}-status": "not_started"}
        rows |= dated(f"row-{index}-due_on", BAD_DATE)
    bad = signed_in.post(url, rows)
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []


def test_the_sign_off_form_has_no_id_twice(client, admin):
    client.force_login(admin.user)
    assessment = AssessmentFactory(organisation=admin.organisation)
    url = f"/assessments/{assessment.id}/plan/sign-off/"
    assert duplicate_ids(client.get(url)) == []
    bad = client.post(url, {"agreed_by": "", **dated("agreed_on", BAD_DATE)})
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []


def test_the_history_filters_have_no_id_twice(client, admin):
    client.force_login(admin.user)
    assert duplicate_ids(client.get("/organisation/history/")) == []
    bad = client.get("/organisation/history/", dated("since", BAD_DATE))
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []


def test_the_evidence_forms_have_no_id_twice(signed_in, assessment):
    import datetime

    from mobilise.assessments.services import evidence

    url = f"/assessments/{assessment.id}/evidence/1.1/add/"
    assert duplicate_ids(signed_in.get(url)) == []
    bad = signed_in.post(url, {"kind": "note", "title": "", **dated("describes_on", BAD_DATE)})
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []
    item = evidence.add(
        assessment, "1.1", kind="note", note="What we saw", describes_on=datetime.date(2026, 1, 5)
    )
    change = f"/assessments/{assessment.id}/evidence/{item.id}/change/"
    assert duplicate_ids(signed_in.get(change)) == []
    bad = signed_in.post(change, {"kind": "note", "note": "x", **dated("describes_on", BAD_DATE)})
    assert bad.status_code == 200 and "nhsuk-error-summary" in bad.text
    assert duplicate_ids(bad) == []
