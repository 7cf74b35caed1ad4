"""Evidence in the full Board paper (PDF) and the Word paper: titles, dates and links;
files named, never embedded nor linked."""

import datetime
import io

import docx
import pytest

from mobilise.assessments.services import evidence
from mobilise.assessments.tests import evidence_files as files
from mobilise.reports.exports import export_file
from mobilise.reports.tests.test_formats import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_evidence(full_assessment):
    day = datetime.date(2026, 9, 15)
    evidence.add(
        full_assessment,
        "1.1",
        kind="note",
        title="Board minutes",
        note="The Board asked for a summary",
        describes_on=day,
    )
    evidence.add(
        full_assessment,
        "1.1",
        kind="link",
        title="Library page",
        url="https://example.org/kls",
        describes_on=day,
    )
    evidence.add(
        full_assessment,
        "2.3",
        kind="file",
        title="Survey results",
        file_name="survey.pdf",
        content=files.PDF,
        describes_on=day,
    )
    return full_assessment


def test_the_full_pdf_lists_the_evidence_and_names_files(with_evidence):
    text = " ".join(pdf_text(export_file(with_evidence, "pdf").content).split())
    assert "Evidence behind the agreed levels" in text
    assert "Library page – link: https://example.org/kls (describing 15 September 2026)" in text
    assert "Board minutes – note: The Board asked for a summary" in text
    assert "Survey results – file survey.pdf (PDF" in text
    assert "/evidence/" not in text  # no URL to a file
    summary = pdf_text(export_file(with_evidence, "summary-pdf").content)
    assert "Evidence behind" not in summary


def test_the_word_paper_lists_the_evidence(with_evidence):
    document = docx.Document(io.BytesIO(export_file(with_evidence, "docx").content))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Evidence behind the agreed levels" in paragraphs
    assert any(p.startswith("Library page – link: https://example.org/kls") for p in paragraphs)
    assert any("file survey.pdf (PDF" in p and "not included" in p for p in paragraphs)
    assert "/evidence/" not in "\n".join(paragraphs)
    # Nothing of the file's bytes is in the package.
    package = export_file(with_evidence, "docx").content
    assert files.PDF not in package


def test_without_evidence_the_papers_have_no_such_part(full_assessment):
    text = pdf_text(export_file(full_assessment, "pdf").content)
    assert "Evidence behind" not in text
