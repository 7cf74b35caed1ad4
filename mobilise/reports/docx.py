"""The report and the blank form as editable Word documents (python-docx)."""

import io

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from mobilise.assessments import charts
from mobilise.framework.catalogue import Framework
from mobilise.reports.presenter import Report

NHS_BLUE = RGBColor(0x00, 0x5E, 0xB8)
TABLE_STYLE = "Light Grid Accent 1"


def _document(title: str) -> Document:
    document = Document()
    document.core_properties.title = title
    document.core_properties.language = "en-GB"
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    for level in (1, 2, 3):
        heading = document.styles[f"Heading {level}"]
        heading.font.name = "Arial"
        heading.font.color.rgb = NHS_BLUE
    return document


# The text width of an A4 page with Word's default margins, shared out by weight.
TEXT_WIDTH_MM = 160


def _table(
    document: Document, header: list[str], rows: list[list[str]], weights: list[float]
) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles[TABLE_STYLE]
    table.autofit = False
    widths = [Mm(TEXT_WIDTH_MM * w / sum(weights)) for w in weights]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    # Repeat the header row on every page.
    header_props = table.rows[0]._tr.get_or_add_trPr()
    repeat = header_props.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    header_props.append(repeat)
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    # Word reads the cells' widths, LibreOffice the table grid's: set both.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            for run in (r for p in cell.paragraphs for r in p.runs):
                run.font.size = Pt(9)
    document.add_paragraph()


def _picture(document: Document, chart: charts.Chart, width_mm: int = 150) -> None:
    """A chart drawn as PNG, with its text alternative."""
    alt = chart.alt
    document.add_picture(io.BytesIO(chart.image), width=Mm(width_mm))
    # Alt text lives on the drawing's docPr element.
    doc_pr = document.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
    doc_pr.set("descr", alt)
    doc_pr.set("title", alt[:100])


def _save(document: Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def board_report(report: Report) -> bytes:
    fw = report.framework
    document = _document(report.assessment.title)
    document.add_paragraph(report.organisation)
    document.add_heading(report.assessment.title, level=0)
    document.add_paragraph("Knowledge Mobilisation self-assessment and action plan")
    for label, value in [
        ("Unit", report.unit),
        ("Date", report.date.strftime("%-d %B %Y")),
        ("Participants", str(report.results.responses)),
        ("Framework", f"{fw.name}, version {fw.version}"),
    ]:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    document.add_heading("Summary", level=1)
    if report.results.hidden:
        document.add_paragraph(
            f"The results are not shown: fewer than {report.results.minimum_responses} people "
            "have answered, and no one may be identifiable."
        )
    else:
        sections = "; ".join(
            f"{fw.section(s.section).title} {report.number(s.mean)}"
            for s in report.results.sections
        )
        document.add_paragraph(
            f"{report.results.responses} people rated the {len(fw.elements)} elements. The overall "
            f"mean rating is {report.number(report.results.overall_mean)} on the 0 to 4 scale. "
            f"{sections}."
        )
        document.add_heading("Three strengths", level=2)
        for item in report.strengths:
            document.add_paragraph(
                f"{item.element} {fw.element(item.element).title}: agreed "
                f"{fw.level(item.consensus.level).label}",
                style="List Bullet",
            )
        document.add_heading("Top priorities", level=2)
        for item in report.priorities:
            document.add_paragraph(
                f"{item.element} {fw.element(item.element).title}. {report.reason(item)}",
                style="List Bullet",
            )
        document.add_heading("Section scores", level=1)
        _picture(document, charts.section_radar(fw, report.results, fmt="png"), 120)
        _table(
            document,
            ["Section", "Mean rating"],
            [
                [f"{s.section} {fw.section(s.section).title}", report.number(s.mean)]
                for s in report.results.sections
            ],
            [5, 1.5],
        )
        document.add_heading("The 23 elements", level=1)
        _picture(document, charts.element_radar(fw, report.results, fmt="png"))
        _table(
            document,
            ["Element", "Agreed level", "Median", "Mean", "Disagreement", "Importance", "Target"],
            [
                [
                    f"{r.element.code} {r.element.title}",
                    report.level_label(r.consensus.level) if r.consensus else "–",
                    report.number(r.result.median),
                    report.number(r.result.mean),
                    "Yes" if r.result.spread else "No",
                    r.consensus.get_importance_display() if r.consensus else "–",
                    report.level_label(r.consensus.target) if r.consensus else "–",
                ]
                for r in report.rows
            ],
            [4.6, 2.4, 1.5, 1.3, 2.1, 2, 2.4],
        )
    document.add_heading("Action plan", level=1)
    for priority, actions in report.actions_by_priority:
        document.add_heading(f"{priority.capitalize()} priority", level=2)
        _table(
            document,
            ["Action", "Elements", "Owner", "Due", "Success measure", "Status"],
            [
                [
                    a.text + (" (carried over)" if a.carried_over_from_id else ""),
                    ", ".join(a.element_codes),
                    a.owner or "–",
                    a.due_on.strftime("%-d %b %Y") if a.due_on else "–",
                    a.measure or "–",
                    a.get_status_display(),
                ]
                for a in actions
            ],
            [5, 1.6, 2.4, 2, 2.6, 1.8],
        )
    if report.no_action:
        document.add_heading("No action required", level=2)
        _table(
            document,
            ["Element", "Reason"],
            [
                [f"{n.element_code} {fw.element(n.element_code).title}", n.reason or "–"]
                for n in report.no_action
            ],
            [4, 4],
        )
    if report.comparison:
        document.add_heading("Change since the last assessment", level=1)
        _table(
            document,
            ["Element", "Last time", "Now", "Change", "Actions done"],
            [
                [
                    row.element,
                    report.level_label(row.previous_agreed),
                    report.level_label(row.agreed),
                    "–" if row.agreed_change is None else f"{row.agreed_change:+d}",
                    "; ".join(a.text for a in row.done) or "–",
                ]
                for row in report.comparison.elements
            ],
            [1.3, 2.4, 2.4, 1.4, 5],
        )
    if report.comments:
        document.add_heading("Participants' comments", level=1)
        for element in fw.elements:
            if element.code in report.comments:
                document.add_heading(f"{element.code} {element.title}", level=3)
                for comment in report.comments[element.code]:
                    document.add_paragraph(comment, style="List Bullet")
    document.add_heading("Appendix: the scale", level=1)
    document.add_paragraph(fw.scale_about)
    _table(
        document,
        ["Level", "Meaning"],
        [[f"{s.level} {s.label}", s.description] for s in fw.scale]
        + [[fw.dont_know, fw.dont_know_description]],
        [2, 6],
    )
    if report.techniques:
        document.add_heading("Appendix: techniques named in the plan", level=1)
        for technique in report.techniques:
            document.add_heading(technique.name, level=3)
            document.add_paragraph(technique.summary)
    return _save(document)


def blank_form(framework: Framework, title: str = "") -> bytes:
    title = title or "Knowledge Mobilisation self-assessment"
    document = _document(f"{title}: paper form")
    document.add_heading(title, level=0)
    document.add_paragraph(
        "For each element, tick the level that best describes what happens now — not what is "
        "planned — or Don't know. Add a comment if you wish. Do not write your name: your "
        "answers are anonymous."
    )
    for section in framework.sections:
        document.add_heading(f"{section.code} {section.title}", level=1)
        for element in section.elements:
            document.add_heading(f"{element.code} {element.title}", level=2)
            for level, description in zip(framework.scale, element.levels, strict=True):
                document.add_paragraph(f"☐ {level.level} {level.label}: {description}")
            document.add_paragraph(f"☐ {framework.dont_know}")
            document.add_paragraph("Comment (optional):")
            document.add_paragraph("_" * 80)
    return _save(document)
