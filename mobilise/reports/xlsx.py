"""The assessment as an Excel workbook (openpyxl): Summary, Results, Ratings, Action plan,
Framework."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from mobilise.assessments.models import Rating
from mobilise.assessments.services.results import round2
from mobilise.plans.models import ActionStatus, Priority
from mobilise.reports.cells import is_formula_like
from mobilise.reports.presenter import Report

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
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if is_formula_like(cell.value):
                cell.data_type = "s"  # openpyxl would otherwise store it as a formula
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return sheet


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
            "0 Not yet",
            "1 Emerging",
            "2 Developing",
            "3 Established",
            "4 Embedded",
            "Median",
            "Mean",
            "Min",
            "Max",
            "Disagreement",
            "Agreed level",
            "Importance",
            "Target",
            "Rationale",
        ],
        [
            [
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
                r.consensus.level if r.consensus else None,
                r.consensus.importance if r.consensus else None,
                r.consensus.target if r.consensus else None,
                r.consensus.rationale if r.consensus else None,
            ]
            for r in report.rows
        ],
        [9, 50, 6, 10, 9, 10, 11, 11, 10, 8, 8, 6, 6, 13, 12, 11, 8, 50],
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
            "Progress notes",
        ],
        [
            [
                a.text,
                ", ".join(a.element_codes),
                "Catalogue " + a.option_id
                if a.option_id
                else ("Local" if a.local_action_id else "Own"),
                a.priority,
                a.owner,
                a.owner_email,
                a.due_on,
                a.measure,
                a.status,
                "\n".join(
                    f"{n.created_at:%Y-%m-%d} {n.author_name}: {n.text}" for n in a.notes.all()
                ),
            ]
            for a in report.actions
        ]
        + [
            [
                f"No action required: {n.reason}".strip(": "),
                n.element_code,
                "No action",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
            ]
            for n in report.no_action
        ],
        [60, 14, 16, 10, 28, 28, 12, 40, 13, 60],
    )
    last = max(plan.max_row, 2)
    for column, values in (("D", Priority.values), ("I", ActionStatus.values)):
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


def _ratings(report: Report) -> list[list]:
    """One row per response and element, numbered, with nothing that identifies anyone."""
    if report.results.hidden:
        return []
    rows, numbers = [], {}
    ratings = Rating.objects.filter(
        response__assessment=report.assessment,
        response__submitted_at__isnull=False,
        response__discarded=False,
    ).order_by("response__created_at", "id")
    for rating in ratings.values_list("response_id", "element_code", "level", "comment"):
        response_id, code, level, comment = rating
        number = numbers.setdefault(response_id, len(numbers) + 1)
        rows.append([number, code, level, "Yes" if level is None else "No", comment or None])
    return rows
