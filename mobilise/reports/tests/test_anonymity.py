"""While results are hidden no file carries anything per response or any figure; in every
mode, files list responses in an order that says nothing about who answered when (ADR 0012)."""

import io
import json

import docx
import openpyxl
import pypdf
import pytest

from mobilise.assessments.models import Mode
from mobilise.reports.exports import FORMATS, export_file
from mobilise.reports.tests.fixtures import COMMENT

pytestmark = pytest.mark.django_db


def text_of(fmt: str, content: bytes) -> str:
    if fmt.endswith("pdf"):
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(content)).pages)
    if fmt.endswith("docx"):
        document = docx.Document(io.BytesIO(content))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(content))
        return "\n".join(
            str(value)
            for sheet in book
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    return content.decode("utf-8-sig")


@pytest.fixture
def hidden(full_assessment, settings):
    """The full assessment in individual completion, one participant short of the minimum."""
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 9
    full_assessment.mode = Mode.INDIVIDUAL
    full_assessment.save()
    return full_assessment


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_format_carries_answers_or_figures_while_results_are_hidden(hidden, fmt):
    found = text_of(fmt, export_file(hidden, fmt).content)
    assert COMMENT not in found and "Comment number" not in found
    if fmt == "json":
        data = json.loads(found)
        assert data["responses"] == [] and data["responses_withheld"] == 8
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(export_file(hidden, fmt).content))
        assert book["Ratings"].max_row == 1 and book["Results"].max_row == 1
    if fmt == "results-csv":
        assert len(found.strip().splitlines()) == 1  # the header alone


def test_the_workbook_numbers_responses_by_their_content_not_their_arrival(full_assessment):
    content = export_file(full_assessment, "xlsx").content
    rows = list(openpyxl.load_workbook(io.BytesIO(content))["Ratings"].iter_rows(values_only=True))
    first = {number: level for number, code, level, *_ in rows[1:] if code == "1.1"}
    # Sent with 1.1 at 0, 1, 2, 2, 3, 4, Don't know, 2: numbered in the content's order.
    assert list(first.values()) == [0, 1, 2, 2, 2, 3, 4, None]
    assert list(first) == list(range(1, 9))
