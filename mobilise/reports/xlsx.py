"""The assessment as an Excel workbook (openpyxl): Summary, Results, Ratings, Action plan,
Framework."""

import io

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from mobilise.assessments.services.results import responses_for_export, round2
from mobilise.core.text import printable
from mobilise.plans.models import ActionStatus, Priority
from mobilise.reports.cells import is_formula_like
from mobilise.reports.presenter import PlanRow, Report

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="005EB8")


def _sheet(
    book: Workbook, title: str, header: list[str], rows: list[list], widths: list[int]
) -> Worksheet:
    sheet = book.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for row in rows:
        sheet.append([_text_if_formula_like(sheet, value) for value in row])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return sheet


def _text_if_formula_like(sheet: Worksheet, value):
    """openpyxl would store "=1+1" as a formula: such text goes in as a cell typed as text,
    and text loses the control characters a workbook cannot hold.
    Each row is fixed as it is appended: looking a row up again afterwards (`max_row`) scans
    the whole sheet, which made a workbook of many responses take quadratic time."""
    if isinstance(value, str):
        value = printable(value)
    if not is_formula_like(value):
        return value
    cell = Cell(sheet, value=value)
    cell.data_type = "s"
    return cell


def workbook(report: Report) -> bytes:
    fw = report.framework
    book = Workbook()
    book.remove(book.active)
    summary = [
        ["Organisation", report.organisation],
        ["Unit", report.unit],
        ["Assessment", report.assessment.title],
        ["Date", report.date],
        ["Participants", report.results.responses],
        ["Overall mean rating", round2(report.results.overall_mean)],
        *[
            [f"Section {s.section} {fw.section(s.section).title}", round2(s.mean)]
            for s in report.results.sections
        ],
        ["Actions", len(report.actions)],
        ["Plan complete", "Yes" if report.complete else "No"],
        ["Framework version", fw.version],
    ]
    sheet = _sheet(book, "Summary", ["Item", "Value"], summary, [40, 60])
    sheet["B5"].number_format = "0"
    for row in sheet.iter_rows(min_row=2, max_col=2):
        if hasattr(row[1].value, "year"):
            row[1].number_format = "dd/mm/yyyy"
    _sheet(
        book,
        "Results",
        [
            "Element",
            "Title",
            "n",
            "Don't know",
            *(f"{s.level} {s.label}" for s in fw.scale),
            "Median",
            "Mean",
            "Min",
            "Max",
            "Disagreement",
            "Agreed level",
            "Importance",
            "Target",
            "Rationale or dissent",
        ],
        [_results_row(report, r) for r in report.rows],
        [9, 50, 6, 10, 9, 10, 11, 11, 10, 8, 8, 6, 6, 13, 15, 11, 15, 60],
    )
    _sheet(
        book,
        "Ratings",
        ["Response", "Element", "Level", "Don't know", "Comment"],
        _ratings(report),
        [10, 9, 8, 11, 80],
    )
    plan = _sheet(
        book,
        "Action plan",
        [
            "Action",
            "Elements",
            "Source",
            "Priority",
            "Owner",
            "Owner e-mail",
            "Due",
            "Success measure",
            "Status",
            "Overdue",
            "Progress notes",
            "Catalogue option",
        ],
        [_plan_row(row) for row in report.plan_rows],
        [60, 14, 18, 10, 28, 28, 12, 40, 13, 10, 60, 16],
    )
    last = max(plan.max_row, 2)
    # The lists offer the words the sheet shows, so a value picked from them reads the same.
    for column, values in (("D", Priority.labels), ("I", ActionStatus.labels)):
        validation = DataValidation(
            type="list", formula1='"' + ",".join(values) + '"', allow_blank=True
        )
        validation.error = f"Choose one of {', '.join(values)}"
        plan.add_data_validation(validation)
        validation.add(f"{column}2:{column}{last + 200}")
    for cell in plan["G"][1:]:
        cell.number_format = "dd/mm/yyyy"
    _sheet(
        book,
        "Framework",
        ["Section", "Element", "Title", "Option id", "Option"],
        [
            [s.code, e.code, e.title, o.id, o.text]
            for s in fw.sections
            for e in s.elements
            for o in e.options
        ],
        [8, 9, 50, 10, 90],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


SOURCES = {
    "catalogue": "Catalogue",
    "local": "Local action",
    "own": "Own action",
    "no_action": "No action required",
}


def _results_row(report: Report, r) -> list:
    agreed = r.consensus
    return [
        r.element.code,
        r.element.title,
        r.result.n,
        r.result.dont_know,
        *r.result.distribution.values(),
        r.result.median,
        round2(r.result.mean),
        r.result.min,
        r.result.max,
        "Yes" if r.result.spread else "No",
        report.level_label(agreed.level) if agreed else None,
        agreed.get_importance_display() if agreed else None,
        report.level_label(agreed.target) if agreed else None,
        (agreed.rationale or None) if agreed else None,
    ]


def _plan_row(row: PlanRow) -> list:
    """In words, as the plan reads elsewhere: "High", "In progress", "Catalogue"."""
    if row.source == "no_action":
        text = f"No action required: {row.reason}".strip(": ")
        return [text, row.elements[0], SOURCES[row.source]] + [None] * 9
    return [
        row.text,
        ", ".join(row.elements),
        SOURCES[row.source],
        Priority(row.priority).label if row.priority else None,
        row.owner,
        row.owner_email,
        row.due_on,
        row.measure,
        ActionStatus(row.status).label if row.status else None,
        "Yes" if row.overdue else "No",
        "\n".join(f"{at:%Y-%m-%d} {by}: {text}" for at, by, text in row.notes),
        row.option_id,
    ]


def _ratings(report: Report) -> list[list]:
    """One row per response and element, with nothing that identifies anyone: responses are
    numbered in an order given by their content, never by when they were started or sent,
    and none is listed while results are hidden."""
    rows = []
    found = responses_for_export(report.assessment, hidden=report.results.hidden)
    for number, response in enumerate(found, start=1):
        for code, level, comment in response.ratings:
            rows.append([number, code, level, "Yes" if level is None else "No", comment or None])
    return rows
