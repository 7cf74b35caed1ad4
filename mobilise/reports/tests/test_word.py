"""The Word Board paper as people open and edit it (issue #14): A4 with a header, a footer
numbering the pages, real headings, tables that repeat their header row and never break a
word, the rationale of each element, overdue actions flagged, and a Board summary of at most
two pages. LibreOffice is not assumed: layouts are checked from the document's own XML."""

import io
import itertools
import math

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Length

from mobilise.reports.exports import export_file
from mobilise.reports.tests.fixtures import CUSTOM, OVERDUE_OWNER

pytestmark = pytest.mark.django_db

WORD_FORMATS = ["docx", "summary-docx"]
MM_PER_PT = 25.4 / 72


def open_docx(assessment, fmt: str) -> docx.Document:
    return docx.Document(io.BytesIO(export_file(assessment, fmt).content))


def all_text(document) -> str:
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("fmt", WORD_FORMATS)
def test_it_is_a4_with_nhs_margins_a_header_and_numbered_pages(full_assessment, fmt):
    document = open_docx(full_assessment, fmt)
    for section in document.sections:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        for margin in (section.left_margin, section.right_margin, section.top_margin):
            assert 20 <= round(margin.mm) <= 25
        header = " ".join(p.text for p in section.header.paragraphs)
        assert full_assessment.organisation.name in header and "Board review 2027" in header
        footer = section.footer._element.xml
        assert "Page " in section.footer.paragraphs[0].text and " of " in footer
        instructions = [
            f.get(qn("w:instr")) for f in section.footer._element.iter(qn("w:fldSimple"))
        ]
        assert [i.split()[0] for i in instructions] == ["PAGE", "NUMPAGES"]


@pytest.mark.parametrize("fmt", WORD_FORMATS)
def test_its_headings_are_word_heading_styles_kept_with_what_follows(full_assessment, fmt):
    document = open_docx(full_assessment, fmt)
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2"} <= styles
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert {"Recommendations", "Summary", "Top priorities", "The plan at a glance"} <= {
        h.text for h in headings
    }
    for name in ("Heading 1", "Heading 2", "Heading 3", "Caption"):
        assert document.styles[name].paragraph_format.keep_with_next is True
    # Nothing comes between a heading and the page's end: no heading is the last paragraph
    # before a page break.
    body = document.paragraphs
    for before, after in itertools.pairwise(body):
        if 'w:type="page"' in after._p.xml:
            assert not before.style.name.startswith("Heading"), before.text


def test_the_cover_names_the_meeting_people_purpose_and_what_the_board_is_asked(
    full_assessment,
):
    from mobilise.reports.models import BoardPaper

    BoardPaper.objects.create(
        assessment=full_assessment,
        meeting="Trust Board (public)",
        author="Knowledge Services Manager",
        presenter="Chief Nurse",
        sponsor="Director of Workforce",
        purpose="assurance",
        recommendations="note the results\nendorse the plan",
    )
    text = [p.text for p in open_docx(full_assessment, "summary-docx").paragraphs]
    for expected in [
        "Meeting: Trust Board (public)",
        "Author: Knowledge Services Manager",
        "Presented by: Chief Nurse",
        "Executive sponsor: Director of Workforce",
        "Purpose: For assurance",
        "The Board is asked to:",
        "note the results",
        "endorse the plan",
    ]:
        assert expected in text, expected
    assert text.index("The Board is asked to:") < text.index("note the results")


@pytest.mark.parametrize("fmt", WORD_FORMATS)
def test_it_gives_the_rationale_and_flags_the_overdue_action(overdue_assessment, fmt):
    text = all_text(open_docx(overdue_assessment, fmt))
    # The fixture's top priority is 1.1 (every element agreed 1, target 3, high importance).
    assert "Rationale 1.1" in text
    assert "Overdue: 1 action is past the due date" in text
    assert f"{CUSTOM} (due " in text and OVERDUE_OWNER in text


def test_the_full_paper_has_findings_with_rationale_and_the_plan_marks_overdue_in_words(
    overdue_assessment,
):
    document = open_docx(overdue_assessment, "docx")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for expected in [
        "Findings",
        "1 Leadership",
        "4 Knowledge Services",
        "Rationale or dissent",
        "Action plan",
        "High priority",
        "Low priority",
        "Appendix: the levels used",
    ]:
        assert expected in headings, expected
    paragraphs = [p.text for p in document.paragraphs]
    assert any(p.startswith("2.6 ") and p.endswith("Rationale 2.6") for p in paragraphs)
    plan_row = next(
        [c.text for c in row.cells]
        for t in document.tables
        for row in t.rows
        if row.cells[0].text == CUSTOM
    )
    assert plan_row[4] == "Not started, overdue"
    assert plan_row[2] == OVERDUE_OWNER


@pytest.mark.parametrize("fmt", WORD_FORMATS)
def test_every_table_repeats_its_header_row_and_keeps_rows_whole(full_assessment, fmt):
    document = open_docx(full_assessment, fmt)
    assert document.tables
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(r.trPr.find(qn("w:tblHeader")) is None for r in rows[1:])
        assert all(r.trPr.find(qn("w:cantSplit")) is not None for r in rows)


def word_width_mm(word: str, size_pt: float) -> float:
    """Conservatively: 0.6 em a character, wider than Arial bold's average."""
    return len(word) * 0.6 * size_pt * MM_PER_PT


@pytest.mark.parametrize("fmt", WORD_FORMATS)
def test_no_column_is_narrower_than_its_longest_word(full_assessment, fmt):
    document = open_docx(full_assessment, fmt)
    text_width = (
        document.sections[0].page_width
        - document.sections[0].left_margin
        - document.sections[0].right_margin
    )
    padding_mm = 2 * 1.9  # Word's default cell margins, 0.08 inch a side
    for table in document.tables:
        grid = [Length(int(c.get(qn("w:w"))) * 635).mm for c in table._tbl.tblGrid.gridCol_lst]
        assert sum(grid) <= Length(text_width).mm + 0.5
        for row in table.rows:
            for cell, width in zip(row.cells, grid, strict=True):
                assert abs(cell.width.mm - width) < 0.5  # Word reads these, LibreOffice the grid
                for run in (r for p in cell.paragraphs for r in p.runs):
                    size = run.font.size.pt
                    for word in run.text.split():
                        needed = word_width_mm(word, size) + padding_mm
                        assert needed <= width, (word, round(width, 1), round(needed, 1))


def page_height_mm(paragraphs, tables, width_mm: float) -> float:
    """A generous estimate of the height of some paragraphs and tables: Arial at 0.5 em a
    character on average, lines 1.25 times the font size, each paragraph's spacing."""
    height = 0.0
    for paragraph in paragraphs:
        size = paragraph.style.font.size or paragraph.part.document.styles["Normal"].font.size
        size_pt = size.pt
        per_line = width_mm / (0.5 * size_pt * MM_PER_PT)
        lines = max(1, math.ceil(len(paragraph.text) / per_line))
        fmt = paragraph.style.paragraph_format
        spacing = sum(s.pt for s in (fmt.space_before, fmt.space_after) if s is not None) or 6
        height += (lines * size_pt * 1.25 + spacing) * MM_PER_PT
    for table in tables:
        height += len(table.rows) * 2 * 9 * 1.25 * MM_PER_PT  # two lines of 9 pt a row
    return height


def pages_of(document):
    """The body's paragraphs and tables, split at the explicit page breaks."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    pages, current = [], ([], [])
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            paragraph = Paragraph(block, document)
            if 'w:type="page"' in block.xml:
                pages.append(current)
                current = ([], [])
            elif paragraph.text:
                current[0].append(paragraph)
        elif block.tag == qn("w:tbl"):
            current[1].append(Table(block, document))
    pages.append(current)
    return pages


def test_the_board_summary_is_a_cover_and_one_page(overdue_assessment):
    from mobilise.reports.models import BoardPaper

    BoardPaper.objects.create(
        assessment=overdue_assessment,
        meeting="Trust Board (public)",
        author="Knowledge Services Manager",
        presenter="Chief Nurse",
        sponsor="Director of Workforce",
    )
    document = open_docx(overdue_assessment, "summary-docx")
    pages = pages_of(document)
    assert len(pages) == 2  # the cover, then the summary: one explicit break
    section = document.sections[0]
    width = Length(section.page_width - section.left_margin - section.right_margin).mm
    usable = Length(section.page_height - section.top_margin - section.bottom_margin).mm
    for paragraphs, tables in pages:
        assert page_height_mm(paragraphs, tables, width) < 0.9 * usable
    assert not document.inline_shapes  # no chart: the summary is words and one small table
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 5


def test_the_full_paper_opens_with_the_same_cover_and_summary(full_assessment):
    summary = [p.text for p in open_docx(full_assessment, "summary-docx").paragraphs if p.text]
    full = [p.text for p in open_docx(full_assessment, "docx").paragraphs if p.text]
    # The full paper continues after the summary's words (the figures table aside).
    assert full[: len(summary)] == summary
