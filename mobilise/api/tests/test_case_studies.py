"""The impact case studies API: write from done actions, list, read with the score change
at the next cycle, change a field at a time, delete; viewers read, another organisation's
case study is a 404 by every route."""

import pytest

from conftest import api_client_for
from mobilise.accounts.tests.factories import UnitFactory
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.models import HistoryEntry
from mobilise.plans.models import CaseStudy
from mobilise.plans.services import case_studies
from mobilise.plans.tests.factories import action, cycle, story

pytestmark = pytest.mark.django_db
JSON = "application/json"
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def path(assessment, rest=""):
    return f"/api/v1/assessments/{assessment.id}/case-studies{rest}"


body = story


@pytest.fixture
def reassessed(facilitator):
    """A unit assessed twice, with a done action on 1.1 and 2.4 in the first plan."""
    unit = UnitFactory(organisation=facilitator.organisation, name="Older people's care")
    first = cycle(unit, {"1.1": 1, "2.4": 2}, None, 300, title="Spring review")
    later = cycle(unit, {"1.1": 3, "2.4": 2}, first, 10, title="Winter review")
    done = action(first, ["2.4", "1.1"], status="done", text="Evidence summaries")
    return first, later, done


def test_written_from_a_done_action_it_answers_with_the_score_change(
    facilitator_api, facilitator, reassessed
):
    first, later, done = reassessed
    answer = facilitator_api.post(path(first), body(done), content_type=JSON)
    assert answer.status_code == 201, answer.json()
    made = answer.json()
    assert made["title"] == "Falls fell by a third" and made["champion_name"] == "Sam Patel"
    assert made["written_by"] == facilitator.user.display_name
    assert made["actions"] == [str(done.id)] and made["elements"] == ["1.1", "2.4"]
    assert made["reassessment"] == {"id": str(later.id), "title": "Winter review"}
    assert made["scores"] == [
        {"element": "1.1", "before": 1, "after": 3, "change": 2},
        {"element": "2.4", "before": 2, "after": 2, "change": 0},
    ]
    assert made["docx_url"] == (
        f"http://testserver/api/v1/assessments/{first.id}/case-studies/{made['id']}/docx"
    )
    word = facilitator_api.get(made["docx_url"])
    assert word.status_code == 200 and word["Content-Type"] == WORD
    assert word["Content-Disposition"].startswith("attachment;")
    assert word.content[:2] == b"PK"  # a Word document is a zip
    assert facilitator_api.get(path(first)).json() == [made]
    assert facilitator_api.get(path(first, f"/{made['id']}")).json() == made
    assert HistoryEntry.objects.filter(
        assessment=first, summary="Wrote the impact case study “Falls fell by a third”"
    ).exists()


def test_before_the_next_cycle_the_scores_have_no_after(facilitator_api, assessment):
    done = action(assessment, ["3.1"], status="done")
    made = facilitator_api.post(path(assessment), body(done), content_type=JSON).json()
    assert made["reassessment"] is None
    assert made["scores"] == [{"element": "3.1", "before": None, "after": None, "change": None}]


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"title": "  "}, ["body", "title"]),
        ({"title": "x" * 201}, ["body", "title"]),
        ({"outcome": "x" * 4001}, ["body", "outcome"]),
        ({"champion_name": ""}, ["body", "champion_name"]),
        ({"actions": []}, ["body", "actions"]),
        ({"actions": ["not-an-id"]}, ["body", "actions"]),
        ({"challenge": None}, ["body", "challenge"]),
    ],
)
def test_bad_fields_are_a_422_naming_them_and_nothing_is_written(
    facilitator_api, assessment, changes, where
):
    done = action(assessment, ["3.1"], status="done")
    answer = facilitator_api.post(path(assessment), body(done, **changes), content_type=JSON)
    assert answer.status_code == 422
    assert where in [e["loc"] for e in answer.json()["detail"]]
    assert not CaseStudy.objects.exists()


def test_an_action_not_done_or_of_another_plan_is_refused(facilitator_api, assessment):
    open_one = action(assessment, ["3.1"], status="in_progress")
    elsewhere = action(AssessmentFactory(organisation=assessment.organisation), ["3.1"], "done")
    for chosen in (open_one, elsewhere):
        answer = facilitator_api.post(path(assessment), body(chosen), content_type=JSON)
        assert answer.status_code == 422
        assert answer.json()["detail"][0]["loc"] == ["body", "actions"]
    assert not CaseStudy.objects.exists()


def test_a_change_keeps_what_is_left_out_and_null_empties_an_optional_field(
    facilitator_api, facilitator, assessment
):
    done = action(assessment, ["3.1"], status="done")
    case = case_studies.write(
        assessment, facilitator, case_studies.CaseStudyFields(**body(done)), None
    )
    url = path(assessment, f"/{case.id}")
    answer = facilitator_api.patch(
        url,
        {"figure": None, "quote": None, "outcome": "Falls halved."},
        content_type=JSON,
    )
    assert answer.status_code == 200, answer.json()
    changed = answer.json()
    assert (
        changed["figure"] == "" and changed["quote"] == "" and changed["outcome"] == "Falls halved."
    )
    assert changed["title"] == "Falls fell by a third" and changed["actions"] == [str(done.id)]
    refused = facilitator_api.patch(url, {"title": None}, content_type=JSON)
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "title"]
    assert CaseStudy.objects.get(pk=case.pk).title == "Falls fell by a third"


def test_viewers_read_but_cannot_write_change_or_delete(viewer_api, facilitator, assessment):
    done = action(assessment, ["3.1"], status="done")
    case = case_studies.write(
        assessment, facilitator, case_studies.CaseStudyFields(**body(done)), None
    )
    assert viewer_api.get(path(assessment)).status_code == 200
    assert viewer_api.post(path(assessment), body(done), content_type=JSON).status_code == 403
    url = path(assessment, f"/{case.id}")
    assert viewer_api.patch(url, {"title": "Mine"}, content_type=JSON).status_code == 403
    assert viewer_api.delete(url).status_code == 403
    assert CaseStudy.objects.get(pk=case.pk).title == "Falls fell by a third"


def test_delete_removes_it_and_records_it(facilitator_api, facilitator, assessment):
    done = action(assessment, ["3.1"], status="done")
    case = case_studies.write(
        assessment, facilitator, case_studies.CaseStudyFields(**body(done)), None
    )
    url = path(assessment, f"/{case.id}")
    assert facilitator_api.delete(url).status_code == 204
    assert not CaseStudy.objects.exists()
    assert facilitator_api.get(url).status_code == 404
    assert HistoryEntry.objects.filter(
        assessment=assessment, summary="Deleted the impact case study “Falls fell by a third”"
    ).exists()


def test_another_organisations_case_study_is_a_404_by_every_route(
    facilitator, outsider, assessment
):
    done = action(assessment, ["3.1"], status="done")
    case = case_studies.write(
        assessment, facilitator, case_studies.CaseStudyFields(**body(done)), None
    )
    theirs = api_client_for(outsider)
    url = path(assessment, f"/{case.id}")
    assert theirs.get(path(assessment)).status_code == 404
    assert theirs.post(path(assessment), body(done), content_type=JSON).status_code == 404
    assert theirs.get(url).status_code == 404
    assert theirs.patch(url, {"title": "Theirs"}, content_type=JSON).status_code == 404
    assert theirs.delete(url).status_code == 404
    # Through an assessment of their own, our case study is still not found.
    own = AssessmentFactory(organisation=outsider.organisation)
    assert theirs.get(path(own, f"/{case.id}")).status_code == 404
    assert theirs.get(path(own, "/not-an-id")).status_code == 404
    assert CaseStudy.objects.get(pk=case.pk).title == "Falls fell by a third"


def test_the_lengths_are_counted_as_the_pages_count_them(facilitator_api, assessment):
    done = action(assessment, ["3.1"], status="done")
    padded = "  " + "x" * 200 + "  "  # 200 characters once the spaces around are left out
    answer = facilitator_api.post(path(assessment), body(done, title=padded), content_type=JSON)
    assert answer.status_code == 201 and answer.json()["title"] == "x" * 200
    refused = facilitator_api.post(path(assessment), body(done, title="x" * 201), content_type=JSON)
    assert refused.json()["detail"] == [
        {"loc": ["body", "title"], "msg": "Title must be 200 characters or fewer"}
    ]


def test_an_action_with_a_case_study_cannot_be_removed_until_the_case_study_lets_go(
    facilitator_api, facilitator, assessment
):
    first = action(assessment, ["3.1"], status="done", text="Search clinics")
    second = action(assessment, ["1.1"], status="done", text="Evidence summaries")
    case = case_studies.write(
        assessment, facilitator, case_studies.CaseStudyFields(**body(first, second)), None
    )
    remove = f"/api/v1/assessments/{assessment.id}/plan/actions/{first.id}"
    refused = facilitator_api.delete(remove)
    assert refused.status_code == 409
    assert "Falls fell by a third" in refused.json()["detail"]
    changed = facilitator_api.patch(
        path(assessment, f"/{case.id}"), {"actions": [str(second.id)]}, content_type=JSON
    )
    assert changed.status_code == 200
    assert facilitator_api.delete(remove).status_code == 204
