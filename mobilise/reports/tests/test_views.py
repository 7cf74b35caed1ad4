"""Download buttons, blank paper forms and the import page."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mobilise.assessments.models import Assessment
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.core.tests.html import error_summary, page
from mobilise.reports.json_export import export_assessment

pytestmark = pytest.mark.django_db

TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "summary-docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}
ZIPPED_OR_PDF = {"pdf", "docx", "summary-docx", "xlsx"}


@pytest.mark.parametrize("fmt", list(TYPES))
def test_the_api_exports_each_format_as_an_attachment(facilitator_api, full_assessment, fmt):
    response = facilitator_api.get(f"/api/v1/assessments/{full_assessment.id}/export/{fmt}")
    assert response.status_code == 200
    assert response["Content-Type"] == TYPES[fmt]
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="northshire-nhs-trust-team-')
    assert b"Review resources on the website" in response.content or fmt in ZIPPED_OR_PDF
    assert len(response.content) > 400
    if fmt == "summary-docx":
        assert disposition.endswith('-board-summary.docx"')


def test_an_unknown_format_or_another_organisations_assessment_is_a_404(
    facilitator_api, full_assessment, outsider
):
    assert (
        facilitator_api.get(f"/api/v1/assessments/{full_assessment.id}/export/odt").status_code
        == 404
    )
    theirs = AssessmentFactory(organisation=outsider.organisation)
    assert facilitator_api.get(f"/api/v1/assessments/{theirs.id}/export/pdf").status_code == 404


def test_viewers_may_export(viewer_api, viewer):
    assessment = AssessmentFactory(organisation=viewer.organisation)
    assert viewer_api.get(f"/api/v1/assessments/{assessment.id}/export/csv").status_code == 200


def test_the_results_and_plan_pages_offer_every_download(signed_in, full_assessment):
    for path in ["results/", "plan/"]:
        links = {
            a["href"]
            for a in page(signed_in.get(f"/assessments/{full_assessment.id}/{path}")).select(
                "a[download]"
            )
        }
        for fmt in [
            "pdf",
            "summary-pdf",
            "docx",
            "summary-docx",
            "xlsx",
            "csv",
            "results-csv",
            "json",
        ]:
            assert f"/assessments/{full_assessment.id}/export/{fmt}/" in links
        assert f"/assessments/{full_assessment.id}/paper-form.pdf" in links


def test_page_downloads_check_ownership(signed_in, outsider):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    assert signed_in.get(f"/assessments/{theirs.id}/export/pdf/").status_code == 404
    assert signed_in.get(f"/assessments/{theirs.id}/paper-form.pdf").status_code == 404


def test_the_blank_paper_form_downloads(signed_in):
    response = signed_in.get("/paper-form.docx")
    assert response["Content-Disposition"] == 'attachment; filename="mobilise-paper-form.docx"'
    assert signed_in.get("/paper-form.odt").status_code == 404


def test_the_import_page_imports_and_explains_what_is_wrong(
    signed_in, full_assessment, facilitator
):
    empty = signed_in.post("/assessments/import/", {})
    assert error_summary(empty) == [("#id_file", "Choose the exported JSON file")]
    not_json = signed_in.post(
        "/assessments/import/", {"file": SimpleUploadedFile("x.json", b"hello")}
    )
    assert error_summary(not_json) == [
        ("#id_file", "The file is not JSON: upload a Mobilise JSON export")
    ]
    wrong = signed_in.post(
        "/assessments/import/", {"file": SimpleUploadedFile("x.json", b'{"a": 1}')}
    )
    assert error_summary(wrong)[0][1].startswith(
        "The file cannot be imported: schema: This is not a Mobilise"
    )
    assert Assessment.objects.count() == 1
    data = json.dumps(export_assessment(full_assessment)).encode()
    done = signed_in.post("/assessments/import/", {"file": SimpleUploadedFile("x.json", data)})
    assert done.status_code == 302
    assert Assessment.objects.count() == 2


def test_viewers_cannot_import_on_the_page(client, viewer):
    client.force_login(viewer.user)
    upload = SimpleUploadedFile("x.json", io.BytesIO(b"{}").read())
    assert client.post("/assessments/import/", {"file": upload}).status_code == 403
