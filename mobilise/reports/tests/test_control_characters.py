"""Text with control characters (pasted from Word, or typed by someone meaning harm) in a
participant's comment, an action or a unit's name still makes every file: the characters
are left out or become line breaks, never a failed download."""

import io

import pypdf
import pytest
from docx import Document
from openpyxl import load_workbook

from mobilise.assessments.models import Rating
from mobilise.core.text import printable, printable_data
from mobilise.plans.models import PlanAction
from mobilise.reports.exports import FORMATS, export_file, pre_read_file

pytestmark = pytest.mark.django_db
HOSTILE = "Shared\x01drive\x0breview"


@pytest.fixture
def hostile(full_assessment):
    PlanAction.objects.filter(plan__assessment=full_assessment).update(text=HOSTILE)
    Rating.objects.filter(response__assessment=full_assessment).exclude(comment="").update(
        comment="Ask\x02the\x1flibrary"
    )
    full_assessment.unit.name = "Maternity\x07"
    full_assessment.unit.save()
    return full_assessment


def test_printable_keeps_tabs_and_line_breaks_and_drops_the_rest():
    assert printable("a\tb\nc\r\nd") == "a\tb\nc\r\nd"
    assert printable("a\x0bb\x0cc") == "a\nb\nc"
    assert printable("a\x00\x01\x08\x0e\x1f\x7fb\ufffe") == "ab"
    assert printable_data({"k\x01": ["v\x02", 3, None]}) == {"k": ["v", 3, None]}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_is_made(hostile, fmt):
    made = export_file(hostile, fmt)
    assert made.content
    if fmt in {"docx", "summary-docx"}:
        document = Document(io.BytesIO(made.content))
        words = " ".join(
            [p.text for p in document.paragraphs]
            + [c.text for t in document.tables for r in t.rows for c in r.cells]
        )
        assert "Maternity" in words and not any(c in words for c in "\x01\x02\x07")
        if fmt == "docx":
            assert "Shareddrive" in words and "Askthelibrary" in words
    elif fmt == "xlsx":
        book = load_workbook(io.BytesIO(made.content))
        values = [str(c.value) for s in book for r in s.iter_rows() for c in r if c.value]
        assert any("Shareddrive\nreview" in v for v in values)
        assert any("Askthelibrary" in v for v in values)
    elif fmt in {"pdf", "summary-pdf"}:
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(made.content)).pages)
        assert "Maternity" in text


def test_the_pre_read_is_made(hostile):
    assert pre_read_file(hostile).content.startswith(b"%PDF")
