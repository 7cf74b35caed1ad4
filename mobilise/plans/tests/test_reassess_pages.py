"""Reassessing a unit and comparing its cycles."""

import pytest

from mobilise.assessments.models import Assessment, Consensus
from mobilise.assessments.tests.factories import submit
from mobilise.core.tests.html import error_summary, page, text
from mobilise.plans.services import plan as plans

pytestmark = pytest.mark.django_db
HIGH = plans.ActionFields(priority="high", given={"priority"})
FORM = {"title": "Second cycle", "mode": "group", "close_previous": "yes"}


def test_reassessing_a_unit_carries_open_actions_and_compares(signed_in, assessment):
    submit(assessment, 1)
    Consensus.objects.create(assessment=assessment, element_code="1.1", level=1, importance="high")
    plans.add_custom_action(assessment, "Open", ["1.1"], HIGH)
    plans.add_custom_action(
        assessment, "Done", ["1.1"], plans.ActionFields(status="done", given={"status"})
    )
    response = signed_in.post(f"/assessments/{assessment.id}/reassess/", FORM)
    new = Assessment.objects.get(previous=assessment)
    assert response.url == f"/assessments/{new.id}/"
    assert [a.text for a in new.plan.actions.all()] == ["Open"]
    submit(new, 3)
    Consensus.objects.create(assessment=new, element_code="1.1", level=2, importance="high")
    html = page(signed_in.get(f"/assessments/{new.id}/comparison/"))
    assert html.select_one("img.app-chart")["alt"].startswith("Line chart of mean ratings")
    row = [text(td) for td in html.select("tbody tr")[2].select("td")]  # first element row
    assert row[:3] == ["1 Emerging", "2 Developing", "+1"]
    assert "Done" in row[-1]
    assert signed_in.get(f"/assessments/{assessment.id}/comparison/").status_code == 404


def test_reassessing_asks_first_and_creates_nothing_until_asked(signed_in, assessment):
    plans.add_custom_action(assessment, "Open", ["1.1"], HIGH)
    url = f"/assessments/{assessment.id}/reassess/"
    html = page(signed_in.get(url))
    assert not Assessment.objects.filter(previous=assessment).exists()
    assert html.select_one("#id_title")["value"].startswith(
        f"{assessment.unit.name}: reassessment, "
    )
    assert html.select_one("input[name=close_previous][value=yes]").has_attr("checked")
    assert "Its plan starts with the 1 open action" in text(html)
    bad = signed_in.post(url, {"title": "", "mode": "individual", "close_previous": "yes"})
    assert error_summary(bad) == [
        ("#id_title", "Enter a title for the assessment"),
        ("#id_closes_on", "Enter the closing date: people rate by then"),
    ]
    assert not Assessment.objects.filter(previous=assessment).exists()
    assessment.refresh_from_db()
    assert assessment.status == "open"


def test_the_previous_assessment_is_closed_unless_the_facilitator_says_not(signed_in, assessment):
    url = f"/assessments/{assessment.id}/reassess/"
    signed_in.post(url, {**FORM, "close_previous": "no"})
    assessment.refresh_from_db()
    assert assessment.status == "open"
    signed_in.post(url, FORM)
    assessment.refresh_from_db()
    assert assessment.status == "closed"
    newest = Assessment.objects.filter(previous=assessment).order_by("-created_at").first()
    assert (newest.title, newest.mode) == ("Second cycle", "group")


def test_a_closed_assessment_is_reassessed_without_the_question(signed_in, assessment):
    from mobilise.assessments.services.setup import close_assessment

    close_assessment(assessment)
    url = f"/assessments/{assessment.id}/reassess/"
    assert not page(signed_in.get(url)).select("input[name=close_previous]")
    response = signed_in.post(url, {"title": "Next", "mode": "group"})
    assert response.status_code == 302
    assert Assessment.objects.filter(previous=assessment, title="Next").exists()
