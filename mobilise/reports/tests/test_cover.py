"""The Board paper's cover page: typed before download, remembered for the assessment."""

import datetime

import pytest

from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.html import error_summary, page, text
from mobilise.reports.models import BoardPaper
from mobilise.reports.presenter import build_report

pytestmark = pytest.mark.django_db

COVER = {
    "meeting": "Trust Board (public session)",
    "meeting_on_day": "14",
    "meeting_on_month": "1",
    "meeting_on_year": "2027",
    "author": "Jo Smith, Head of Library Services",
    "presenter": "",
    "sponsor": "Chief Nurse",
    "purpose": "assurance",
    "recommendations": "note the results\napprove the plan",
}


def url(assessment):
    return f"/assessments/{assessment.id}/board-paper/"


def test_the_page_offers_the_default_recommendations_to_edit(signed_in, assessment):
    html = page(signed_in.get(url(assessment)))
    assert (
        "note the results of the Knowledge Mobilisation self-assessment"
        in html.select_one("textarea").get_text()
    )
    assert html.select_one("input[name=purpose][value=decision]").has_attr("checked")
    assert html.select_one(f"a[href='/assessments/{assessment.id}/export/pdf/']")


def test_the_cover_is_saved_remembered_and_used_by_the_paper(signed_in, assessment):
    response = signed_in.post(url(assessment), COVER)
    assert response.url == url(assessment)
    paper = BoardPaper.objects.get(assessment=assessment)
    assert (paper.meeting_on, paper.sponsor, paper.purpose) == (
        datetime.date(2027, 1, 14),
        "Chief Nurse",
        "assurance",
    )
    html = page(signed_in.get(url(assessment)))
    assert html.select_one("#id_sponsor")["value"] == "Chief Nurse"
    assert "The Board paper's cover is saved" in text(html)
    cover = build_report(assessment).cover
    assert cover.asked_to == ["note the results", "approve the plan"]
    assert cover.purpose == "For assurance"
    assert HistoryEntry.objects.filter(summary="Changed the Board paper's cover").exists()


def test_bad_input_names_the_field_and_saves_nothing(signed_in, assessment):
    response = signed_in.post(
        url(assessment), {**COVER, "sponsor": "x" * 201, "meeting_on_month": "13"}
    )
    assert error_summary(response) == [
        ("#id_meeting_on", "The date of the meeting must be a real date"),
        ("#id_sponsor", "Executive sponsor must be 200 characters or fewer"),
    ]
    assert not BoardPaper.objects.exists()


def test_viewers_cannot_change_it_and_other_organisations_are_not_found(client, viewer, outsider):
    client.force_login(viewer.user)
    ours = AssessmentFactory(organisation=viewer.organisation)
    theirs = AssessmentFactory(organisation=outsider.organisation)
    assert client.post(url(ours), COVER).status_code == 403
    assert client.get(url(theirs)).status_code == 404
    assert not BoardPaper.objects.exists()


def test_the_cover_travels_in_the_json_file(signed_in, assessment, outsider):
    from mobilise.reports.json_export import export_assessment
    from mobilise.reports.json_import import import_assessment

    assert export_assessment(assessment)["board_paper"] is None
    signed_in.post(url(assessment), COVER)
    exported = export_assessment(assessment)
    assert exported["board_paper"]["meeting_on"] == "2027-01-14"
    copy = import_assessment(exported, outsider.organisation)
    assert BoardPaper.objects.get(assessment=copy).sponsor == "Chief Nurse"
    assert export_assessment(copy)["board_paper"] == exported["board_paper"]
