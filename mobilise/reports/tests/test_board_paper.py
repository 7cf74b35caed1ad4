"""The Board paper in PDF: what it says, its length, its tagged structure, and text that
means something to Typst printed as it was typed."""

import datetime
import io

import pypdf
import pytest

from mobilise.assessments.models import Consensus, Rating
from mobilise.plans.models import PlanAction
from mobilise.plans.services import plan as plans
from mobilise.reports.exports import export_file
from mobilise.reports.models import BoardPaper
from mobilise.reports.tests.fixtures import SHARED
from mobilise.reports.tests.test_formats import pdf_text

pytestmark = pytest.mark.django_db


def _overdue(assessment) -> None:
    PlanAction.objects.filter(plan__assessment=assessment, text=SHARED).update(
        due_on=datetime.date(2020, 1, 31)
    )


def test_the_pdf_shows_each_rationale_and_flags_an_overdue_action(full_assessment):
    _overdue(full_assessment)
    text = pdf_text(export_file(full_assessment, "pdf").content)
    assert "Rationale: Rationale 1.1" in text and "Rationale: Rationale 4.5" in text
    assert "Views differed: ratings ranged from 0 Not yet to 4 Embedded." in text
    assert "Overdue (in progress)" in text
    assert "1 action is overdue" in text
    assert "The Board is asked to:" in text
    assert "approve the action plan and the owners of its actions" in text
    assert "2 × 3" not in text and "×" not in text


def test_the_cover_carries_what_the_facilitator_typed(full_assessment):
    BoardPaper.objects.create(
        assessment=full_assessment,
        meeting="Trust Board (public)",
        meeting_on=datetime.date(2027, 3, 4),
        author="Jo Librarian, Head of KLS",
        presenter="Sam Director",
        sponsor="Chief Nurse",
        purpose="assurance",
        recommendations="note the results\nsupport the plan",
    )
    for fmt in ("pdf", "summary-pdf"):
        text = pdf_text(export_file(full_assessment, fmt).content)
        for expected in [
            "Trust Board (public)",
            "4 March 2027",
            "Jo Librarian, Head of KLS",
            "Sam Director",
            "Executive sponsor Chief Nurse",
            "Purpose For assurance",
            "1. note the results 2. support the plan",
        ]:
            assert expected in text, (fmt, expected)


def test_the_board_summary_is_two_pages_even_with_a_heavy_plan(full_assessment, facilitator):
    BoardPaper.objects.create(
        assessment=full_assessment,
        meeting="Trust Board meeting held in public, with the Council of Governors attending",
        author="A" * 120,
        presenter="B" * 120,
        sponsor="C" * 120,
        recommendations="\n".join(
            f"recommendation {n}: " + "consider the evidence and agree the plan " * 3
            for n in range(4)
        ),
    )
    for n in range(25):
        plans.add_custom_action(
            full_assessment,
            f"Action {n} " + "with a long description of what is to be done " * 8,
            ["1.1"],
            plans.ActionFields(
                priority="high",
                owner="Head of Knowledge and Library Services " * 4,
                due_on=datetime.date(2020, 1, 1),
                status="in_progress",
                given={"priority", "owner", "due_on", "status"},
            ),
            facilitator.user,
        )
    summary = export_file(full_assessment, "summary-pdf")
    assert summary.filename.endswith("-board-summary.pdf")
    assert len(pypdf.PdfReader(io.BytesIO(summary.content)).pages) == 2
    text = pdf_text(summary.content)
    assert "25 actions are overdue" in text and "And 22 more" in text


def _structure(node, found: list) -> None:
    node = node.get_object()
    if isinstance(node, list):
        for kid in node:
            _structure(kid, found)
        return
    if not hasattr(node, "get"):
        return
    if "/S" in node:
        found.append(node)
    kids = node.get("/K")
    if kids is not None:
        _structure(kids, found)


@pytest.mark.parametrize("fmt", ["pdf", "summary-pdf"])
def test_the_pdfs_are_tagged_with_headings_table_headers_and_described_charts(full_assessment, fmt):
    reader = pypdf.PdfReader(io.BytesIO(export_file(full_assessment, fmt).content))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB" and bool(root["/MarkInfo"]["/Marked"])
    unit = full_assessment.unit.name
    assert reader.metadata.title == f"Board review 2027: {unit} – Board paper"
    assert all(page.mediabox.width == pytest.approx(595.28, abs=0.5) for page in reader.pages)
    nodes: list = []
    _structure(root["/StructTreeRoot"], nodes)
    tags = [str(n["/S"]) for n in nodes]
    assert tags.count("/H1") == 1 and "/H2" in tags and "/H3" in tags
    assert tags.index("/H1") < tags.index("/H2") < tags.index("/H3")
    tables = [n for n in nodes if n["/S"] == "/Table"]
    assert tables
    for table in tables:
        inside: list = []
        _structure(table["/K"], inside)
        assert "/TH" in [str(n["/S"]) for n in inside]
    figures = [n for n in nodes if n["/S"] == "/Figure"]
    assert len(figures) == (2 if fmt == "pdf" else 1)
    assert all(str(f["/Alt"]).startswith("Radar chart of the ") for f in figures)
    assert "Median rating: 1.1 2;" in " ".join(str(f["/Alt"]) for f in figures) or fmt != "pdf"
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert (
                "/FontFile2" in descendant["/FontDescriptor"]
                or "/FontFile3" in (descendant["/FontDescriptor"])
            )


HOSTILE = [
    '#panic("no") $x^2$ *bold* _it_ [link] \\ `raw` <label> @ref = - + / // not a comment',
    "/* open ] ) } #let x = 1 #set page(width: 1pt) {{ jinja }} 100% & ~ ^ '",
]


def test_text_typed_by_anyone_is_printed_as_typed_never_read_as_markup(
    full_assessment, facilitator
):
    full_assessment.title = HOSTILE[0]
    full_assessment.save()
    Consensus.objects.filter(assessment=full_assessment, element_code="1.2").update(
        rationale=HOSTILE[1]
    )
    Rating.objects.filter(response__assessment=full_assessment, element_code="4.4").update(
        comment=HOSTILE[1]
    )
    plans.add_custom_action(
        full_assessment,
        HOSTILE[0],
        ["1.1"],
        plans.ActionFields(
            priority="high", owner=HOSTILE[1], measure=HOSTILE[0], given={"priority"}
        ),
        facilitator.user,
    )
    BoardPaper.objects.create(
        assessment=full_assessment, meeting=HOSTILE[1], recommendations=HOSTILE[0]
    )
    content = export_file(full_assessment, "pdf").content
    reader = pypdf.PdfReader(io.BytesIO(content))
    assert reader.metadata.title.startswith(HOSTILE[0])
    assert all(page.mediabox.width == pytest.approx(595.28, abs=0.5) for page in reader.pages)
    text = pdf_text(content)
    squeezed = text.replace(" ", "")
    for hostile in HOSTILE:
        assert hostile.replace(" ", "") in squeezed, hostile
    assert text.count("not a comment") >= 4
    summary = pdf_text(export_file(full_assessment, "summary-pdf").content)
    assert HOSTILE[1].replace(" ", "") in summary.replace(" ", "")


def test_the_board_summary_downloads_from_the_page_and_the_api(
    signed_in, viewer_api, full_assessment
):
    page = signed_in.get(f"/assessments/{full_assessment.id}/export/summary-pdf/")
    api = viewer_api.get(f"/api/v1/assessments/{full_assessment.id}/export/summary-pdf")
    for response in (page, api):
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].endswith('-board-summary.pdf"')
        assert len(pypdf.PdfReader(io.BytesIO(response.content)).pages) == 2


def test_a_worker_draws_a_made_up_paper_when_it_starts():
    from mobilise.reports.board_paper import paper, sample_report
    from mobilise.reports.pdf import BOARD_PAPER, _typst, warm_up

    warm_up()
    pages = pypdf.PdfReader(io.BytesIO(_typst(BOARD_PAPER, paper(sample_report(), "summary"))))
    assert len(pages.pages) == 2 and "Sample NHS Trust" in pages.pages[0].extract_text()


def test_charts_in_documents_read_in_black_and_white_at_8_points_or_more(full_assessment):
    from PIL import Image

    from mobilise.assessments import charts
    from mobilise.reports.presenter import build_report

    report = build_report(full_assessment)
    text = pdf_text(export_file(full_assessment, "pdf").content)
    assert "Median rating (solid line, circles)" in text
    assert "Agreed level (dashed line, squares)" in text
    # Word draws the section radar 120 mm wide and the element radar 150 mm wide.
    for chart, width_mm in [
        (charts.section_radar(report.framework, report.results, fmt="png"), 120),
        (charts.element_radar(report.framework, report.results, fmt="png"), 150),
    ]:
        drawn_mm = Image.open(io.BytesIO(chart.image)).width / 150 * 25.4
        assert charts.RADAR_TEXT * width_mm / drawn_mm >= 8
        assert "(solid line, circles)" not in chart.alt  # the alternative reads the values


def test_a_blank_title_still_makes_a_tagged_paper(full_assessment):
    full_assessment.title = "   "
    full_assessment.save()
    text = pdf_text(export_file(full_assessment, "pdf").content)
    assert text.startswith("Northshire NHS Trust Knowledge Mobilisation self-assessment")
