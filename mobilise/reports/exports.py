"""One place that turns an assessment into a file of any format: pages and API share it."""

import json
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.text import slugify

from mobilise.assessments.models import Assessment
from mobilise.assessments.services.pre_read import for_assessment
from mobilise.plans.services.case_studies import Written
from mobilise.reports import csv_export, docx, pdf, xlsx
from mobilise.reports.json_export import export_assessment
from mobilise.reports.presenter import build_report, file_stem

FORMATS = {
    "pdf": ("application/pdf", "board-report.pdf"),
    "summary-pdf": ("application/pdf", "board-summary.pdf"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "report.docx",
    ),
    "summary-docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "board-summary.docx",
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "workbook.xlsx"),
    "csv": ("text/csv; charset=utf-8", "action-plan.csv"),
    "results-csv": ("text/csv; charset=utf-8", "results.csv"),
    "json": ("application/json", "export.json"),
}


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str

    def as_attachment(self) -> HttpResponse:
        """The file as a download, for the pages and the API alike."""
        response = HttpResponse(self.content, content_type=self.content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        return response


def export_file(assessment: Assessment, fmt: str) -> ExportFile:
    """The assessment in a format of FORMATS (KeyError for any other)."""
    content_type, suffix = FORMATS[fmt]
    if fmt == "json":
        content = json.dumps(export_assessment(assessment), indent=2, ensure_ascii=False).encode()
    else:
        report = build_report(assessment, whole=not fmt.startswith("summary-"))
        make = {
            "pdf": pdf.board_report,
            "summary-pdf": pdf.board_summary,
            "docx": docx.board_report,
            "summary-docx": docx.board_summary,
            "xlsx": xlsx.workbook,
            "csv": csv_export.plan_csv,
            "results-csv": csv_export.results_csv,
        }[fmt]
        content = make(report)
    return ExportFile(content, content_type, f"{file_stem(assessment)}-{suffix}")


def agreed_plan_file(assessment: Assessment, sign_off) -> ExportFile:
    """A signed-off version of the plan as it was agreed, as CSV."""
    return ExportFile(
        csv_export.agreed_plan_csv(sign_off.snapshot),
        FORMATS["csv"][0],
        f"{file_stem(assessment)}-action-plan-agreed-version-{sign_off.version}.csv",
    )


BLANK_FORMS = {"pdf": FORMATS["pdf"][0], "docx": FORMATS["docx"][0]}


def blank_form_file(assessment: Assessment | None, fmt: str) -> ExportFile:
    from mobilise.framework.catalogue import get_framework

    framework = assessment.framework if assessment else get_framework()
    title = assessment.title if assessment else ""
    make = {"pdf": pdf.blank_form, "docx": docx.blank_form}[fmt]
    stem = file_stem(assessment) if assessment else "mobilise"
    return ExportFile(make(framework, title), BLANK_FORMS[fmt], f"{stem}-paper-form.{fmt}")


def pre_read_file(assessment: Assessment) -> ExportFile:
    return ExportFile(
        pdf.pre_read(for_assessment(assessment)),
        FORMATS["pdf"][0],
        f"{file_stem(assessment)}-pre-read.pdf",
    )


def case_study_file(found: Written) -> ExportFile:
    """An impact case study as an editable Word document."""
    title = slugify(found.case.title)[:40].strip("-") or "case-study"
    return ExportFile(
        docx.case_study(found),
        FORMATS["docx"][0],
        f"{file_stem(found.assessment)}-case-study-{title}.docx",
    )
