"""Reassessing a unit and comparing its cycles."""

import pytest

from mobilise.assessments.models import Assessment, Consensus
from mobilise.assessments.tests.factories import submit
from mobilise.core.tests.html import page, text
from mobilise.plans.services import plan as plans

pytestmark = pytest.mark.django_db
HIGH = plans.ActionFields(priority="high", given={"priority"})


def test_reassessing_a_unit_carries_open_actions_and_compares(signed_in, assessment):
    submit(assessment, 1)
    Consensus.objects.create(assessment=assessment, element_code="1.1", level=1, importance="high")
    plans.add_custom_action(assessment, "Open", ["1.1"], HIGH)
    plans.add_custom_action(
        assessment, "Done", ["1.1"], plans.ActionFields(status="done", given={"status"})
    )
    response = signed_in.post(f"/assessments/{assessment.id}/reassess/")
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
