"""An impact case study as an editable Word document: the national sections, the elements
served with their score change, downloaded by any member and nobody else."""

import io

import pytest
from docx import Document

from mobilise.accounts.tests.factories import UnitFactory
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.plans.services import case_studies
from mobilise.plans.tests.factories import action, case_fields, cycle

pytestmark = pytest.mark.django_db
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


fields = case_fields


def url(case) -> str:
    return f"/assessments/{case.plan.assessment_id}/case-studies/{case.id}.docx"


def words(response) -> tuple[list[str], list[list[str]]]:
    document = Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs if p.text]
    tables = [[cell.text for cell in row.cells] for t in document.tables for row in t.rows]
    return paragraphs, tables


def test_the_document_tells_the_story_with_the_score_change(client, admin):
    unit = UnitFactory(organisation=admin.organisation, name="Older people's care")
    first = cycle(unit, {"1.1": 1, "2.4": 2}, None, 300, title="Spring review")
    cycle(unit, {"1.1": 3, "2.4": 2}, first, 10, title="Winter review")
    done = action(first, ["1.1", "2.4"], status="done", text="Evidence summaries for the wards")
    case = case_studies.write(first, admin, fields(done), admin.user)
    client.force_login(admin.user)
    response = client.get(url(case))
    assert response.status_code == 200 and response["Content-Type"] == WORD
    disposition = response["Content-Disposition"]
    assert (
        disposition.startswith("attachment;")
        and "case-study-falls-fell-by-a-third.docx" in disposition
    )
    paragraphs, tables = words(response)
    assert paragraphs[0] == "Falls fell by a third"
    for heading in (
        "The challenge",
        "What the knowledge and library service did",
        "The intervention",
        "Outcome and impact",
        "In their words",
    ):
        assert heading in paragraphs
    assert "38 fewer falls in six months" in paragraphs
    assert "Falls had risen for two years." in paragraphs and "Staff were worried." in paragraphs
    assert "— Sam Patel, Matron" in paragraphs
    assert "Evidence summaries for the wards" in paragraphs
    assert "Team: Older people's care" in paragraphs
    assert any("Spring review, and at the next cycle, Winter review" in p for p in paragraphs)
    assert tables[0] == ["Element", "At this assessment", "At the next cycle", "Change"]
    rows = {row[0][:3]: row[1:] for row in tables[1:]}
    assert rows["1.1"] == ["1 Emerging", "3 Established", "Up 2 levels"]
    assert rows["2.4"] == ["2 Developing", "2 Developing", "No change"]


def test_before_the_next_cycle_it_says_so(client, assessment, facilitator):
    done = action(assessment, ["3.1"], status="done")
    case = case_studies.write(
        assessment, facilitator, fields(done, quote="", champion_name="", figure=""), None
    )
    client.force_login(facilitator.user)
    paragraphs, tables = words(client.get(url(case)))
    assert any("has not been reassessed since" in p for p in paragraphs)
    assert tables[1][2:] == ["Not reassessed yet", "–"]
    assert "In their words" not in paragraphs
    assert "Written by: Not recorded" in " ".join(paragraphs)


def test_viewers_download_it_others_get_a_404(client, assessment, facilitator, viewer, outsider):
    done = action(assessment, ["1.1"], status="done")
    case = case_studies.write(assessment, facilitator, fields(done), facilitator.user)
    assert client.get(url(case)).status_code == 302  # to sign in
    client.force_login(viewer.user)
    assert client.get(url(case)).status_code == 200
    other = AssessmentFactory(organisation=assessment.organisation)
    assert client.get(f"/assessments/{other.id}/case-studies/{case.id}.docx").status_code == 404
    client.force_login(outsider.user)
    assert client.get(url(case)).status_code == 404


def test_control_characters_typed_into_it_do_not_stop_the_download(client, assessment, facilitator):
    done = action(assessment, ["3.1"], status="done")
    case = case_studies.write(
        assessment,
        facilitator,
        fields(done, title="Falls\x01 fell", outcome="Down\x0bby a third"),
        None,
    )
    client.force_login(facilitator.user)
    response = client.get(url(case))
    assert response.status_code == 200
    paragraphs, _ = words(response)
    assert paragraphs[0] == "Falls fell"
