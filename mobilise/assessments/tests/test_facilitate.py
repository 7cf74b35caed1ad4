"""The facilitator's pages: set-up, live view, agreeing, results, paper entry."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mobilise.accounts.models import Unit
from mobilise.assessments.models import (
    Assessment,
    Consensus,
    Mode,
    Rating,
    Response,
    Source,
    Status,
)
from mobilise.assessments.tests.factories import CODES, AssessmentFactory, submit
from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.html import error_summary, page, text

pytestmark = pytest.mark.django_db


def test_it_creates_an_assessment_for_a_new_unit(signed_in, facilitator):
    response = signed_in.post(
        "/assessments/new/",
        {"title": "Board 2027", "unit": "__new__", "new_unit": "Trust Board", "mode": "group"},
    )
    created = Assessment.objects.get()
    assert response.url == f"/assessments/{created.id}/"
    assert created.unit.name == "Trust Board" and created.organisation == facilitator.organisation
    assert created.framework_version == "1.0"


def test_individual_completion_needs_a_real_future_closing_date(signed_in):
    base = {"title": "Survey", "unit": "__new__", "new_unit": "ED", "mode": "individual"}
    missing = signed_in.post("/assessments/new/", base)
    assert ("#id_closes_on", "Enter the closing date: people rate by then") in error_summary(
        missing
    )
    bad = signed_in.post(
        "/assessments/new/",
        {**base, "closes_on_day": "31", "closes_on_month": "2", "closes_on_year": "2030"},
    )
    assert ("#id_closes_on", "The closing date must be a real date") in error_summary(bad)
    past = signed_in.post(
        "/assessments/new/",
        {**base, "closes_on_day": "1", "closes_on_month": "1", "closes_on_year": "2020"},
    )
    assert ("#id_closes_on", "The closing date must be today or in the future") in error_summary(
        past
    )
    assert not Assessment.objects.exists()
    future = datetime.date.today() + datetime.timedelta(days=10)
    ok = signed_in.post(
        "/assessments/new/",
        {
            **base,
            "closes_on_day": future.day,
            "closes_on_month": future.month,
            "closes_on_year": future.year,
        },
    )
    assert ok.status_code == 302
    assert Assessment.objects.get().closes_on == future


def test_the_form_names_every_missing_field(signed_in):
    response = signed_in.post("/assessments/new/", {})
    assert [message for _, message in error_summary(response)] == [
        "Enter a title for the assessment",
        "Select the unit, or add a new one",
        "Select group session or individual completion",
    ]


def test_the_assessment_page_shares_the_link_and_a_qr_code(signed_in, assessment):
    html = page(signed_in.get(f"/assessments/{assessment.id}/"))
    assert html.select_one("#participant-link").get_text().strip() == (
        f"http://testserver/take/{assessment.participant_token}/"
    )
    qr = html.select_one("img.app-qr")
    assert qr["src"].startswith("data:image/svg+xml") and qr["alt"]


def test_it_checks_ownership(signed_in, outsider):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    for path in ["", "live/", "live/panel/", "agree/1/", "results/", "paper/"]:
        assert signed_in.get(f"/assessments/{theirs.id}/{path}").status_code == 404, path
    assert signed_in.post(f"/assessments/{theirs.id}/close/").status_code == 404


def test_it_requires_rw_access(client, viewer):
    client.force_login(viewer.user)
    assessment = AssessmentFactory(organisation=viewer.organisation)
    assert client.get("/assessments/new/").status_code == 403
    assert client.post(f"/assessments/{assessment.id}/close/").status_code == 403
    assert client.get(f"/assessments/{assessment.id}/agree/1/").status_code == 403
    assert client.get(f"/assessments/{assessment.id}/paper/").status_code == 403
    assert client.get(f"/assessments/{assessment.id}/results/").status_code == 200
    assessment.refresh_from_db()
    assert assessment.status == Status.OPEN


def test_pages_need_sign_in(client, assessment):
    response = client.get(f"/assessments/{assessment.id}/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_close_reopen_and_reveal(signed_in, assessment):
    signed_in.post(f"/assessments/{assessment.id}/close/")
    assessment.refresh_from_db()
    assert assessment.status == Status.CLOSED
    signed_in.post(f"/assessments/{assessment.id}/reopen/")
    signed_in.post(f"/assessments/{assessment.id}/reveal/", {"reveal": "yes"})
    assessment.refresh_from_db()
    assert assessment.status == Status.OPEN and assessment.results_revealed


def test_the_live_view_shows_answers_and_disagreements(signed_in, assessment):
    submit(assessment, {**dict.fromkeys(CODES, 2), "2.2": 0})
    submit(assessment, {**dict.fromkeys(CODES, 2), "2.2": 4})
    html = text(page(signed_in.get(f"/assessments/{assessment.id}/live/panel/")))
    assert "2 answers sent" in html
    assert "Disagreement on 1 element: 2.2" in html


def test_the_live_view_keeps_individual_answers_hidden_below_the_threshold(signed_in, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)
    submit(assessment, 2)
    html = text(page(signed_in.get(f"/assessments/{assessment.id}/live/panel/")))
    assert "Results appear when at least 3 people have answered" in html


def agree_data(section_codes, level="2", importance="high", target="3") -> dict:
    data = {}
    for code in section_codes:
        key = code.replace(".", "_")
        data.update(
            {
                f"level_{key}": level,
                f"importance_{key}": importance,
                f"target_{key}": target,
                f"rationale_{key}": "",
            }
        )
    return data


def test_agreeing_a_section_shows_the_median_chooses_nothing_and_saves(signed_in, assessment):
    submit(assessment, 1)
    submit(assessment, 2)  # median 1.5 for every element
    form = page(signed_in.get(f"/assessments/{assessment.id}/agree/1/"))
    assert not form.select("input[name^=level_][checked]")  # the group decides (#13)
    assert "No level is chosen for you" in text(form)
    leadership = ["1.1", "1.2", "1.3", "1.4", "1.5"]
    response = signed_in.post(f"/assessments/{assessment.id}/agree/1/", agree_data(leadership))
    assert response.url == f"/assessments/{assessment.id}/agree/2/"
    assert Consensus.objects.filter(assessment=assessment).count() == 5


def test_agreeing_needs_an_importance_for_each_element(signed_in, assessment):
    data = agree_data(["1.1", "1.2", "1.3", "1.4", "1.5"])
    del data["importance_1_4"]
    response = signed_in.post(f"/assessments/{assessment.id}/agree/1/", data)
    assert error_summary(response) == [("#id_importance_1_4", "Select how important 1.4 is now")]
    assert not Consensus.objects.exists()


def test_the_results_page_has_charts_with_text_and_tables(signed_in, assessment):
    submit(assessment, 3, {"1.1": "We do this well"})
    submit(assessment, 1)
    Consensus.objects.create(
        assessment=assessment, element_code="1.4", level=0, importance="high", target=3
    )
    html = page(signed_in.get(f"/assessments/{assessment.id}/results/"))
    charts = html.select("img.app-chart")
    assert len(charts) == 3
    assert all(
        c["src"].startswith("data:image/svg+xml;base64,") and len(c["alt"]) > 40 for c in charts
    )
    assert len(html.select("table")) >= 3
    body = text(html)
    assert "Agreed Not yet, target Established, importance High: 3 × 3 = 9" in body
    assert "We do this well" in body


def test_a_paper_response_counts_and_is_marked(signed_in, assessment):
    data = {f"rating_{c.replace('.', '_')}": "1" for c in CODES}
    response = signed_in.post(f"/assessments/{assessment.id}/paper/", data)
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.source == Source.PAPER and saved.submitted_at and saved.ratings.count() == 23
    assert "1, 1 typed in from paper" in text(page(signed_in.get(f"/assessments/{assessment.id}/")))


def test_a_paper_response_must_rate_every_element(signed_in, assessment):
    data = {f"rating_{c.replace('.', '_')}": "1" for c in CODES[:-1]}
    response = signed_in.post(f"/assessments/{assessment.id}/paper/", data)
    assert ("#id_rating_4_5", "Select a level for 4.5, or Don't know") in error_summary(response)
    assert not Response.objects.exists()


def test_the_guide_is_there(client):
    html = text(page(client.get("/assessments/guide/")))
    assert "How to run a self-assessment session" in html and "agenda" in html


def test_setting_up_closing_and_agreeing_are_in_the_history(signed_in, facilitator):
    signed_in.post(
        "/assessments/new/",
        {"title": "Board 2027", "unit": "__new__", "new_unit": "Board", "mode": "group"},
    )
    assessment = Assessment.objects.get()
    signed_in.post(f"/assessments/{assessment.id}/close/")
    leadership = ["1.1", "1.2", "1.3", "1.4", "1.5"]
    signed_in.post(f"/assessments/{assessment.id}/agree/1/", agree_data(leadership))
    summaries = list(assessment.history.order_by("created_at").values_list("summary", flat=True))
    assert summaries[:3] == [
        "Created the assessment “Board 2027”",
        "Closed the assessment",
        "Agreed 1.1: Developing, importance high, target Established",
    ]
    assert assessment.history.filter(actor=facilitator.user).count() == 7


def test_deleting_an_assessment_keeps_the_record_of_it(signed_in, assessment, facilitator):
    for level in (1, 2, 3):
        submit(assessment, level)
    signed_in.post(f"/assessments/{assessment.id}/close/")
    page_before = signed_in.get(f"/assessments/{assessment.id}/delete/")
    assert "3 responses" in page_before.content.decode()
    response = signed_in.post(f"/assessments/{assessment.id}/delete/")
    assert response.status_code == 302 and response.url == "/assessments/"
    assert not Assessment.objects.filter(pk=assessment.pk).exists()
    assert not Response.objects.exists() and not Rating.objects.exists()
    entries = HistoryEntry.objects.filter(organisation=facilitator.organisation)
    deleted = entries.get(summary__startswith="Deleted the assessment")
    assert deleted.actor == facilitator.user and assessment.title in deleted.summary
    # The assessment's own history goes with it; only the line about the deletion stays.
    assert list(entries.values_list("summary", flat=True)) == [deleted.summary]


def test_viewers_cannot_delete_an_assessment(client, viewer):
    assessment = AssessmentFactory(organisation=viewer.organisation)
    client.force_login(viewer.user)
    assert client.post(f"/assessments/{assessment.id}/delete/").status_code == 403
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_the_results_page_makes_as_many_queries_for_many_responses_as_for_few(
    signed_in, assessment
):
    for level in range(3):
        submit(assessment, level, comments={"1.1": "A comment"})
    Consensus.objects.create(assessment=assessment, element_code="1.1", level=1, importance="low")
    signed_in.get(f"/assessments/{assessment.id}/results/")  # draws the charts once
    with CaptureQueriesContext(connection) as few:
        assert signed_in.get(f"/assessments/{assessment.id}/results/").status_code == 200
    for index in range(40):
        submit(assessment, index % 5, comments={"2.1": f"Comment {index}"})
    Consensus.objects.create(assessment=assessment, element_code="2.1", level=2, importance="high")
    with CaptureQueriesContext(connection) as many:
        assert signed_in.get(f"/assessments/{assessment.id}/results/").status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_agree_page_preselects_nothing_from_hidden_responses(signed_in, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)
    submit(assessment, 4)  # the only response: its levels must not show through
    form = page(signed_in.get(f"/assessments/{assessment.id}/agree/1/"))
    assert not form.select("input[name^=level_][checked]")
    assert "The answers are not shown" in text(form)


def test_paper_responses_do_not_unlock_hidden_results(signed_in, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)
    submit(assessment, 4)
    data = {f"rating_{c.replace('.', '_')}": "0" for c in CODES}
    for _ in range(2):
        assert signed_in.post(f"/assessments/{assessment.id}/paper/", data).status_code == 302
    results = text(page(signed_in.get(f"/assessments/{assessment.id}/results/")))
    assert "Results are hidden for now" in results and "1 of the 3 answers needed" in results
    live = text(page(signed_in.get(f"/assessments/{assessment.id}/live/panel/")))
    assert "Results appear when at least 3 people" in live and "Disagreement" not in live
    form = page(signed_in.get(f"/assessments/{assessment.id}/agree/1/"))
    assert not form.select("input[name^=level_][checked]")


def test_the_form_reveals_the_new_units_name_and_the_closing_date_where_they_belong(signed_in):
    html = page(signed_in.get("/assessments/new/"))
    new_unit = html.select_one("input[name=unit][value=__new__]")
    revealed = html.select_one("#" + new_unit["data-aria-controls"])
    assert revealed.select_one("input#id_new_unit") is not None
    individual = html.select_one("input[name=mode][value=individual]")
    closing = html.select_one("#" + individual["data-aria-controls"])
    assert closing.select_one("input#id_closes_on") is not None
    # Hidden only once the design system's script runs: without it every field shows.
    assert "nhsuk-radios__conditional--hidden" in closing["class"]


def test_a_group_session_ignores_what_the_hidden_closing_date_holds(signed_in):
    response = signed_in.post(
        "/assessments/new/",
        {
            "title": "Board",
            "unit": "__new__",
            "new_unit": "Board",
            "mode": "group",
            "closes_on_day": "31",
            "closes_on_month": "2",
            "closes_on_year": "2030",
        },
    )
    assert response.status_code == 302
    assert Assessment.objects.get().closes_on is None


def test_an_existing_unit_ignores_what_the_hidden_new_unit_name_holds(signed_in, facilitator):
    unit = Unit.objects.create(organisation=facilitator.organisation, name="Pharmacy")
    response = signed_in.post(
        "/assessments/new/",
        {"title": "Pharmacy 2027", "unit": str(unit.id), "new_unit": "x" * 300, "mode": "group"},
    )
    assert response.status_code == 302
    assert Assessment.objects.get().unit == unit
