"""The board report and the blank form as tagged PDF (PDF/UA-1), drawn by WeasyPrint."""

from pathlib import Path

from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from mobilise.assessments.services.pre_read import PreRead
from mobilise.framework.catalogue import Framework
from mobilise.reports.presenter import Report

STYLESHEET = Path(__file__).parent / "assets" / "report.css"


def _pdf(html: str) -> bytes:
    return HTML(string=html).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
    )


def board_report(report: Report) -> bytes:
    charts = report.chart_svgs() if not report.results.hidden else {}
    return _pdf(
        render_to_string("reports/board_report.jinja", {"report": report, "charts": charts})
    )


def blank_form(framework: Framework, title: str = "") -> bytes:
    return _pdf(render_to_string("reports/blank_form.jinja", {"fw": framework, "title": title}))


def pre_read(reading: PreRead) -> bytes:
    """What participants read before the session, on A4."""
    return _pdf(render_to_string("reports/pre_read.jinja", {"pre_read": reading}))
