"""Each format opened with the library its users' tools would use."""

import csv
import io
import json

import docx
import openpyxl
import pypdf
import pytest

from mobilise.reports.exports import blank_form_file, export_file
from mobilise.reports.presenter import build_report
from mobilise.reports.tests.fixtures import COMMENT, CUSTOM, SHARED

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_pdf_is_tagged_titled_and_holds_the_plan_and_comments(full_assessment):
    file = export_file(full_assessment, "pdf")
    reader = pypdf.PdfReader(io.BytesIO(file.content))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title.startswith("Board review 2027")
    assert len(reader.pages) >= 5
    text = pdf_text(file.content)
    for expected in [
        SHARED,
        CUSTOM,
        "Our knowledge café",
        COMMENT,
        "Page 2 of",
        "No action required",
        "4.1, 4.3",
    ]:
        assert expected in text, expected
    assert file.filename.endswith("-board-report.pdf")


def test_the_word_document_has_real_headings_tables_and_alt_text(full_assessment):
    document = docx.Document(io.BytesIO(export_file(full_assessment, "docx").content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert {"Summary", "Action plan", "Participants' comments", "Appendix: the levels used"} <= set(
        headings
    )
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert SHARED in cells and CUSTOM in cells and "Our knowledge café" in cells
    assert any(p.text == COMMENT for p in document.paragraphs)
    assert all(t.style.name == "Table Grid" for t in document.tables)
    alts = [e.get("descr") for e in document.element.body.iter() if e.tag.endswith("}docPr")]
    assert len(alts) == 2 and all(a.startswith("Radar chart") for a in alts)
    assert document.core_properties.title == "Board review 2027"


def test_the_workbook_has_its_sheets_lists_filters_and_dates(full_assessment):
    book = openpyxl.load_workbook(io.BytesIO(export_file(full_assessment, "xlsx").content))
    assert book.sheetnames == ["Summary", "Results", "Ratings", "Action plan", "Framework"]
    plan = book["Action plan"]
    assert plan.freeze_panes == "A2" and plan.auto_filter.ref.startswith("A1:")
    assert sorted(dv.formula1 for dv in plan.data_validations.dataValidation) == [
        '"High,Medium,Low"',
        '"Not started,In progress,Done,Dropped"',
    ]
    rows = list(plan.iter_rows(min_row=2, values_only=True))
    shared = next(r for r in rows if r[0] == SHARED)
    assert shared[1] == "4.1, 4.3" and shared[6].date().isoformat() == "2027-06-30"
    assert "Website review started" in shared[10]
    assert any(r[0] == CUSTOM for r in rows)
    assert book["Results"].max_row == 24
    ratings = list(book["Ratings"].iter_rows(min_row=2, values_only=True))
    assert len(ratings) == 8 * 23
    assert any(r[4] == COMMENT for r in ratings)
    assert book["Framework"].max_row == 100


def test_the_csv_files_open_in_excel_with_a_header(full_assessment):
    plan = export_file(full_assessment, "csv")
    assert plan.content.startswith("\ufeff".encode()) and plan.content_type.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(plan.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["action", "elements", "source"]
    assert rows[1][:3] == [SHARED, "4.1 4.3", "4.1-c"]
    assert any(r[0] == CUSTOM and r[2] == "own" for r in rows)
    assert any(r[2] == "local" for r in rows)
    assert any(r[1] == "2.6" and r[2] == "no_action" for r in rows)
    results = list(
        csv.reader(
            io.StringIO(export_file(full_assessment, "results-csv").content.decode("utf-8-sig"))
        )
    )
    assert len(results) == 24 and results[1][0] == "1.1"


def test_every_format_shows_the_same_figures(full_assessment):
    report = build_report(full_assessment)
    row = report.rows[0]  # 1.1: ratings 0 1 2 2 3 4 and one Don't know
    median, mean = report.number(row.result.median), report.mean(row.result.mean)
    assert (median, mean) == ("2", "2.0")
    two_two = report.rows[6]  # 2.2: 0 1 2 3 4 0 2 and one Don't know
    assert two_two.element.code == "2.2"
    # Documents show a mean as the pages do, with one decimal place; the data files
    # (spreadsheet, CSV, JSON) keep two, for whoever computes with them.
    shown_22, mean_22 = report.mean(two_two.result.mean), report.number(two_two.result.mean)
    assert (shown_22, mean_22) == ("1.7", "1.71")
    assert f"2.2 Productivity and efficiency 1 Emerging 2 {shown_22} Yes" in pdf_text(
        export_file(full_assessment, "pdf").content
    )
    document = docx.Document(io.BytesIO(export_file(full_assessment, "docx").content))
    docx_row = next(
        [c.text for c in r.cells]
        for t in document.tables
        for r in t.rows
        if r.cells[0].text.startswith("2.2 ")
    )
    assert docx_row[2:5] == ["2", shown_22, "Yes"]
    book = openpyxl.load_workbook(io.BytesIO(export_file(full_assessment, "xlsx").content))
    xlsx_row = next(r for r in book["Results"].iter_rows(values_only=True) if r[0] == "2.2")
    assert (xlsx_row[9], xlsx_row[10], xlsx_row[13]) == (2, 1.71, "Yes")
    results = list(
        csv.reader(
            io.StringIO(export_file(full_assessment, "results-csv").content.decode("utf-8-sig"))
        )
    )
    csv_row = next(r for r in results if r[0] == "2.2")
    assert (csv_row[9], csv_row[10], csv_row[13]) == ("2", mean_22, "yes")
    data = json.loads(export_file(full_assessment, "json").content)
    levels = [
        r["level"] for resp in data["responses"] for r in resp["ratings"] if r["element"] == "2.2"
    ]
    numeric = [v for v in levels if v is not None]
    assert round(sum(numeric) / len(numeric), 2) == float(mean_22)


def test_the_paper_forms_list_every_element_with_room_to_comment(full_assessment):
    pdf = blank_form_file(full_assessment, "pdf")
    text = pdf_text(pdf.content)
    assert (
        "4.5 Capacity of Knowledge and Library Services" in text
        and text.count("Comment (optional)") == 23
    )
    assert bool(pypdf.PdfReader(io.BytesIO(pdf.content)).trailer["/Root"]["/MarkInfo"]["/Marked"])
    document = docx.Document(io.BytesIO(blank_form_file(None, "docx").content))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs.count("Comment (optional):") == 23
    assert any(p.startswith("☐ 0 Not yet: ") for p in paragraphs)


def test_text_that_looks_like_a_formula_stays_text(full_assessment):
    from mobilise.assessments.models import Rating
    from mobilise.plans.services import plan as plans

    evil = '=HYPERLINK("http://example.invalid","Click")'
    Rating.objects.filter(response__assessment=full_assessment, element_code="4.4").update(
        comment=evil
    )
    plans.add_custom_action(
        full_assessment,
        "+SUM(A1:A9)",
        ["1.1"],
        plans.ActionFields(priority="low", given={"priority"}),
    )
    book = openpyxl.load_workbook(io.BytesIO(export_file(full_assessment, "xlsx").content))
    comments = [c for c in book["Ratings"]["E"] if c.value == evil]
    assert comments and all(c.data_type == "s" for c in comments)
    plan_cells = [c for c in book["Action plan"]["A"] if c.value == "+SUM(A1:A9)"]
    assert plan_cells and plan_cells[0].data_type == "s"
    rows = list(
        csv.reader(io.StringIO(export_file(full_assessment, "csv").content.decode("utf-8-sig")))
    )
    assert any(r[0] == "'+SUM(A1:A9)" for r in rows)


def test_the_workbook_is_in_words_with_the_rationale_and_overdue_flagged(overdue_assessment):
    book = openpyxl.load_workbook(io.BytesIO(export_file(overdue_assessment, "xlsx").content))
    results = list(book["Results"].iter_rows(values_only=True))
    assert results[0][-4:] == ("Agreed level", "Importance", "Target", "Rationale or dissent")
    one_one = next(r for r in results if r[0] == "1.1")
    assert one_one[-4:] == ("1 Emerging", "High", "3 Established", "Rationale 1.1")
    plan = book["Action plan"]
    header = [c.value for c in plan[1]]
    column = {name: header.index(name) for name in header}
    rows = {r[0]: r for r in plan.iter_rows(min_row=2, values_only=True)}
    shared, custom = rows[SHARED], rows[CUSTOM]
    assert (shared[column["Source"]], shared[column["Catalogue option"]]) == ("Catalogue", "4.1-c")
    assert (shared[column["Priority"]], shared[column["Status"]]) == ("High", "In progress")
    assert (shared[column["Overdue"]], custom[column["Overdue"]]) == ("No", "Yes")
    assert (custom[column["Source"]], custom[column["Status"]]) == ("Own action", "Not started")
    assert rows["Our knowledge café"][column["Source"]] == "Local action"
    assert rows["No action required: A strength"][column["Source"]] == "No action required"
    # What the sheet shows is what its drop-down lists offer.
    lists = {
        str(dv.sqref).split(":")[0][0]: dv.formula1.strip('"').split(",")
        for dv in plan.data_validations.dataValidation
    }
    for letter, name in (("D", "Priority"), ("I", "Status")):
        assert header[ord(letter) - ord("A")] == name
        shown = {r[column[name]] for r in rows.values() if r[column[name]]}
        assert shown <= set(lists[letter]), (name, shown)


def test_the_csv_files_give_the_rationale_and_flag_overdue_actions(overdue_assessment):
    def rows_of(fmt):
        content = export_file(overdue_assessment, fmt).content.decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(content)))

    results = {r["element"]: r for r in rows_of("results-csv")}
    assert results["2.6"]["rationale_or_dissent"] == "Rationale 2.6"
    plan = {r["action"]: r for r in rows_of("csv")}
    assert (plan[CUSTOM]["overdue"], plan[SHARED]["overdue"]) == ("yes", "no")
