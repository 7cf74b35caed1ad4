"""The Board paper as tagged PDF (PDF/UA-1) drawn by Typst; the paper form and the pre-read
drawn by WeasyPrint from HTML (ADR 0020)."""

import json
import threading
from functools import cache
from pathlib import Path

import typst
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from mobilise.assessments.services.pre_read import PreRead
from mobilise.core.text import printable_data
from mobilise.framework.catalogue import Framework
from mobilise.reports.board_paper import paper, sample_report
from mobilise.reports.presenter import Report

STYLESHEET = Path(__file__).parent / "assets" / "report.css"
BOARD_PAPER = Path(__file__).parent / "typst" / "board_paper.typ"
_compiling = threading.Lock()


@cache
def _compiler() -> typst.Compiler:
    """One compiler per process: its fonts are read once, not at every download."""
    return typst.Compiler()


def _typst(source: Path, data: dict) -> bytes:
    # What people typed may hold control characters no font can show: PDF/UA refuses them.
    inputs = {"paper": json.dumps(printable_data(data), ensure_ascii=False)}
    with _compiling:
        return _compiler().compile(
            source.read_bytes(), format="pdf", pdf_standards="ua-1", sys_inputs=inputs
        )


def warm_up() -> None:
    """Draw both lengths of a made-up paper once (gunicorn's post_worker_init calls this):
    the compiler reads its fonts and lays out the template's parts for the first time here,
    not in someone's first download."""
    report = sample_report()
    for length in ("full", "summary"):
        _typst(BOARD_PAPER, paper(report, length))


def _pdf(html: str) -> bytes:
    return HTML(string=html).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
    )


def board_report(report: Report) -> bytes:
    """The full Board paper: cover, summary, findings, the plan, appendix."""
    return _typst(BOARD_PAPER, paper(report, "full"))


def board_summary(report: Report) -> bytes:
    """The Board summary for the meeting pack: the cover and one page of figures."""
    return _typst(BOARD_PAPER, paper(report, "summary"))


def blank_form(framework: Framework, title: str = "") -> bytes:
    return _pdf(render_to_string("reports/blank_form.jinja", {"fw": framework, "title": title}))


def pre_read(reading: PreRead) -> bytes:
    """What participants read before the session, on A4."""
    return _pdf(render_to_string("reports/pre_read.jinja", {"pre_read": reading}))
