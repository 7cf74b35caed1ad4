"""The Board paper (full, or the two-page Board summary) and the blank form as editable Word
documents (python-docx), laid out the way NHS Board papers are: A4, a cover, "The Board is
asked to:", a summary in plain words, then the findings, the plan and an appendix."""

import io
from collections.abc import Iterable

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from mobilise.assessments import charts
from mobilise.core.dates import uk_date
from mobilise.core.text import printable
from mobilise.framework.catalogue import Framework
from mobilise.plans.models import ActionStatus, Priority
from mobilise.plans.services.case_studies import PARTS, ElementScore, Written
from mobilise.reports.docx_layout import column_widths
from mobilise.reports.presenter import TO_BE_CONFIRMED, PlanRow, Report, action_row

NHS_BLUE = RGBColor(0x00, 0x5E, 0xB8)
PALE_GREY = "E8EDEE"
TABLE_STYLE = "Table Grid"
BODY_PT, TABLE_PT = 11, 9
# A4 with 20 mm margins all round, as NHS Board papers are usually set.
PAGE_MM, MARGIN_MM = (210, 297), 20
TEXT_WIDTH_MM = PAGE_MM[0] - 2 * MARGIN_MM
SUBTITLE = "Knowledge Mobilisation self-assessment and action plan"


def _document(title: str, organisation: str = "") -> Document:
    document = Document()
    document.core_properties.title = _t(title)
    document.core_properties.language = "en-GB"
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.header_distance = section.footer_distance = Mm(10)
    _header_and_footer(section, " · ".join(filter(None, [organisation, title])))
    return document


def _styles(document: Document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 24), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
        style = document.styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = NHS_BLUE
        # A heading never ends a page: it goes over with what it introduces.
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.keep_together = True
    document.styles["Caption"].paragraph_format.keep_with_next = True


def _header_and_footer(section, heading: str) -> None:
    header = section.header.paragraphs[0]
    header.text = _t(heading)
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    for paragraph in (header, footer):
        for run in paragraph.runs:
            run.font.size = Pt(9)


def _field(paragraph: Paragraph, name: str) -> None:
    """A field Word and LibreOffice fill in when they lay the page out (python-docx has no
    API for fields: it is raw OOXML, with "1" shown until the reader updates it)."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {name} \\* MERGEFORMAT ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _table(
    document: Document,
    header: list[str],
    rows: list[list[str]],
    weights: list[float],
    caption: str = "",
) -> None:
    """A table whose header row repeats on every page, whose rows never split across pages
    and whose columns are wide enough for their longest word (none is broken inside)."""
    if caption:
        _styled(document, caption, "Caption")
    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles[TABLE_STYLE]
    table.autofit = False
    widths = [Mm(w) for w in column_widths(header, rows, weights, TEXT_WIDTH_MM, TABLE_PT)]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = _t(text)
        _shade(cell)
    _repeat_and_keep(table.rows[0])
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = _t(text)
    # Word reads the cells' widths, LibreOffice the table grid's: set both.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for index, row in enumerate(table.rows):
        _cant_split(row)
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            for run in (r for p in cell.paragraphs for r in p.runs):
                run.font.size = Pt(TABLE_PT)
                run.font.bold = index == 0 or None
    document.add_paragraph()


def _shade(cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), PALE_GREY)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_and_keep(row) -> None:
    """The header row repeats on every page and stays with the first row under it."""
    row._tr.get_or_add_trPr().append(_on("w:tblHeader"))
    for paragraph in (p for c in row.cells for p in c.paragraphs):
        paragraph.paragraph_format.keep_with_next = True


def _cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(_on("w:cantSplit"))


def _on(tag: str):
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def _picture(document: Document, chart: charts.Chart, width_mm: int = 150) -> None:
    """A chart drawn as PNG, with its text alternative."""
    alt = chart.alt
    document.add_picture(io.BytesIO(chart.image), width=Mm(width_mm))
    # Alt text lives on the drawing's docPr element.
    doc_pr = document.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
    doc_pr.set("descr", _t(alt))
    doc_pr.set("title", _t(alt)[:100])


def _t(text: str) -> str:
    """Text as Word holds it: what a person typed may carry control characters XML refuses."""
    return printable(text)


def _para(document: Document, text: str = "", *args) -> Paragraph:
    return document.add_paragraph(_t(text), *args)


def _labelled(document: Document, label: str, value: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(_t(value))


def _styled(document: Document, text: str, style: str) -> Paragraph:
    """A paragraph of a built-in style, named by its id: python-docx's lookup by name scans
    every style of the document for each paragraph, which doubled the time of the paper."""
    paragraph = _para(document, text)
    paragraph._p.style = style.replace(" ", "")
    return paragraph


def _heading(document: Document, text: str, level: int) -> Paragraph:
    return _styled(document, text, f"Heading {level}" if level else "Title")


def _bullets(document: Document, lines: Iterable[str]) -> None:
    for line in lines:
        _styled(document, line, "List Bullet")


def _page_break(document: Document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _save(document: Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _day(value) -> str:
    return uk_date(value) if value else "–"


# The parts of the paper, in order.


def _cover(document: Document, report: Report) -> None:
    cover, fw = report.cover, report.framework
    organisation = document.add_paragraph()
    organisation.add_run(_t(report.organisation)).bold = True
    _styled(document, report.assessment.title, "Title")
    _para(document, f"{SUBTITLE}: {report.unit}")
    for label, value in [
        ("Meeting", cover.meeting or TO_BE_CONFIRMED),
        ("Date of meeting", _day(cover.meeting_on) if cover.meeting_on else TO_BE_CONFIRMED),
        ("Author", cover.author or TO_BE_CONFIRMED),
        ("Presented by", cover.presenter or TO_BE_CONFIRMED),
        ("Executive sponsor", cover.sponsor or TO_BE_CONFIRMED),
        ("Purpose", cover.purpose),
        ("Assessment", f"{report.unit}, {_day(report.date)}"),
        ("Participants", str(report.results.responses)),
        ("Framework", f"{fw.name}, version {fw.version}"),
    ]:
        _labelled(document, label, value)


def _asked_to(document: Document, report: Report) -> None:
    _heading(document, "Recommendations", level=1)
    _para(document, "The Board is asked to:").paragraph_format.keep_with_next = True
    _bullets(document, report.cover.asked_to)


def _summary(document: Document, report: Report) -> None:
    summary = report.summary()
    _heading(document, "Summary", level=1)
    _heading(document, "Where the unit stands", level=2)
    _para(document, summary.standing)
    if summary.strengths:
        _heading(document, "Three strengths", level=2)
        _bullets(document, (f"{name}: agreed {level}" for name, level in summary.strengths))
    if summary.priorities:
        _heading(document, "Top priorities", level=2)
        for (name, reason), ranked in zip(summary.priorities, report.priorities, strict=False):
            said = _short(ranked.consensus.rationale)
            _bullets(document, [f"{name}: {reason}." + (f" The group: {said}" if said else "")])
    if summary.changed:
        _heading(document, "What changed since the last assessment", level=2)
        _para(document, summary.changed)
    _heading(document, "The plan at a glance", level=2)
    _para(document, summary.plan)
    _overdue(document, report)


def _overdue(document: Document, report: Report, named: int = 3) -> None:
    """Overdue actions flagged in words: the first few by name, or pointed to in the plan."""
    late = report.overdue
    if not late:
        return
    paragraph = document.add_paragraph()
    are = "action is" if len(late) == 1 else "actions are"
    paragraph.add_run(f"Overdue: {len(late)} {are} past the due date").bold = True
    if not named:
        paragraph.add_run(", marked overdue in the tables below.")
        return
    listed = "; ".join(
        f"{a.text} (due {_day(a.due_on)}, {a.owner or 'no owner'})" for a in late[:named]
    )
    more = f"; and {len(late) - named} more" if len(late) > named else ""
    paragraph.add_run(_t(f": {listed}{more}."))


def _short(text: str, most: int = 160) -> str:
    """The start of a long text, cut at a word, so the summary stays on its page (the
    findings give it whole)."""
    if len(text) <= most:
        return text
    return text[:most].rsplit(" ", 1)[0] + " …"


def _figures(document: Document, report: Report) -> None:
    """The section means: the one table of the Board summary."""
    if report.results.hidden:
        return
    fw = report.framework
    _table(
        document,
        ["Section", "Mean rating (0 to 4)"],
        [
            [f"{s.section} {fw.section(s.section).title}", report.mean(s.mean)]
            for s in report.results.sections
        ],
        [5, 2],
        caption=f"Mean rating per section; overall {report.mean(report.results.overall_mean)}",
    )


def _findings(document: Document, report: Report) -> None:
    fw = report.framework
    _heading(document, "Findings", level=1)
    if report.results.hidden:
        _para(document, report.summary().standing)
        return
    _picture(document, charts.section_radar(fw, report.results, fmt="png"), 120)
    _picture(document, charts.element_radar(fw, report.results, fmt="png"))
    for section in fw.sections:
        rows = [r for r in report.rows if r.element.code.split(".")[0] == section.code]
        mean = next(s.mean for s in report.results.sections if s.section == section.code)
        _heading(document, f"{section.code} {section.title}", level=2)
        intro = _para(document, f"Mean rating {report.mean(mean)} on the 0 to 4 scale.")
        intro.paragraph_format.keep_with_next = True
        _findings_table(document, report, rows)
        _rationale(document, rows)


def _findings_table(document: Document, report: Report, rows) -> None:
    def agreed(r, value):
        return report.level_label(value) if r.consensus else "–"

    _table(
        document,
        ["Element", "Agreed level", "Median", "Mean", "Wide spread", "Importance", "Target"],
        [
            [
                f"{r.element.code} {r.element.title}",
                agreed(r, r.consensus and r.consensus.level),
                report.number(r.result.median),
                report.mean(r.result.mean),
                "Yes" if r.result.spread else "No",
                r.consensus.get_importance_display() if r.consensus else "–",
                agreed(r, r.consensus and r.consensus.target),
            ]
            for r in rows
        ],
        [4.6, 2.4, 1.5, 1.3, 1.8, 2, 2.4],
    )


def _rationale(document: Document, rows) -> None:
    said = [
        (r.element, r.consensus.rationale) for r in rows if r.consensus and r.consensus.rationale
    ]
    if not said:
        return
    _heading(document, "Rationale or dissent", level=3)
    _bullets(document, (f"{e.code} {e.title}: {text}" for e, text in said))


def _plan(document: Document, report: Report) -> None:
    _heading(document, "Action plan", level=1)
    _para(document, report.summary().plan)
    _overdue(document, report, named=0)
    for priority, actions in report.actions_by_priority:
        _heading(document, f"{Priority(priority).label} priority", level=2)
        _table(
            document,
            ["Action", "Elements", "Owner", "Due", "Status", "Success measure"],
            [_plan_cells(action_row(a), bool(a.carried_over_from_id)) for a in actions],
            [5, 1.6, 2.4, 1.9, 2, 2.6],
        )
    _no_action(document, report)


def _plan_cells(row: PlanRow, carried: bool) -> list[str]:
    status = ActionStatus(row.status).label
    return [
        row.text + (" (carried over)" if carried else ""),
        ", ".join(row.elements),
        row.owner or "–",
        row.due_on.strftime("%-d %b %Y") if row.due_on else "–",
        f"{status}, overdue" if row.overdue else status,
        row.measure or "–",
    ]


def _no_action(document: Document, report: Report) -> None:
    if not report.no_action:
        return
    fw = report.framework
    _heading(document, "No action required", level=2)
    _table(
        document,
        ["Element", "Reason"],
        [
            [f"{n.element_code} {fw.element(n.element_code).title}", n.reason or "–"]
            for n in report.no_action
        ],
        [4, 4],
    )


def _changes(document: Document, report: Report) -> None:
    if not report.comparison:
        return
    _heading(document, "Change since the last assessment", level=1)
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


def _evidence(document: Document, report: Report) -> None:
    lines = report.evidence_lines()
    if not lines:
        return
    _heading(document, "Evidence behind the agreed levels", level=1)
    _para(
        document,
        "What the group pointed to, with the date each piece describes. Files are named, not "
        "included: members of the organisation can download them in Mobilise.",
    )
    for element, items in lines:
        _heading(document, element, level=3)
        _bullets(document, items)


def _comments(document: Document, report: Report) -> None:
    if not report.comments:
        return
    _heading(document, "Participants' comments", level=1)
    for element in report.framework.elements:
        if element.code in report.comments:
            _heading(document, f"{element.code} {element.title}", level=3)
            _bullets(document, report.comments[element.code])


def _appendix(document: Document, report: Report) -> None:
    fw = report.framework
    _heading(document, "Appendix: the levels used", level=1)
    _para(document, fw.scale_about)
    _table(
        document,
        ["Level", "Meaning"],
        [[f"{s.level} {s.label}", s.description] for s in fw.scale]
        + [[fw.dont_know, fw.dont_know_description]],
        [2, 6],
    )
    if report.techniques:
        _heading(document, "Appendix: techniques named in the plan", level=1)
        for technique in report.techniques:
            _heading(document, technique.name, level=3)
            _para(document, technique.summary)


def _front(report: Report) -> Document:
    """The cover and the summary page, which both lengths of the paper open with."""
    document = _document(report.assessment.title, report.organisation)
    _cover(document, report)
    _asked_to(document, report)
    _page_break(document)
    _summary(document, report)
    _figures(document, report)
    return document


def board_report(report: Report) -> bytes:
    """The full Board paper."""
    document = _front(report)
    _page_break(document)
    for part in (_findings, _evidence, _plan, _changes, _comments, _appendix):
        part(document, report)
    return _save(document)


def board_summary(report: Report) -> bytes:
    """The Board summary: the cover, then one page of figures and priorities."""
    return _save(_front(report))


def blank_form(framework: Framework, title: str = "") -> bytes:
    title = title or "Knowledge Mobilisation self-assessment"
    document = _document(f"{title}: paper form")
    _heading(document, title, level=0)
    _para(
        document,
        "For each element, tick the level that best describes what happens now — not what is "
        "planned — or Don't know. Add a comment if you wish. Do not write your name: your "
        "answers are anonymous.",
    )
    for section in framework.sections:
        _heading(document, f"{section.code} {section.title}", level=1)
        for element in section.elements:
            _heading(document, f"{element.code} {element.title}", level=2)
            for level, description in zip(framework.scale, element.levels, strict=True):
                _para(document, f"☐ {level.level} {level.label}: {description}")
            _para(document, f"☐ {framework.dont_know}")
            _para(document, "Comment (optional):")
            _para(document, "_" * 80)
    return _save(document)


def case_study(found: Written) -> bytes:
    """An impact case study as an editable document, in the national shape: what it is and
    where it came from, the elements it served with their score change, then the story."""
    case, assessment = found.case, found.assessment
    framework = assessment.framework
    organisation = assessment.organisation.name
    document = _document(f"Impact case study: {case.title}", organisation)
    _heading(document, case.title, level=0)
    _labelled(document, "Organisation", organisation)
    _labelled(document, "Team", assessment.unit.name)
    written_by = case.written_by_name or "Not recorded"
    _labelled(document, "Written by", f"{written_by}, {uk_date(case.created_at)}")
    if case.figure:
        _highlight(document, case.figure)
    for part in PARTS:
        if part.long and part.name != "quote":
            _heading(document, part.label, level=1)
            _paragraphs(document, getattr(case, part.name))
    if case.quote:
        _heading(document, "In their words", level=1)
        _paragraphs(document, f"“{case.quote}”", style="Quote")
        champion = ", ".join(filter(None, [case.champion_name, case.champion_role]))
        _para(document, f"— {champion}")
    _heading(document, "Elements of the Knowledge Mobilisation Framework it served", level=1)
    _para(document, _reassessed_in_words(found))
    _table(
        document,
        ["Element", "At this assessment", "At the next cycle", "Change"],
        [_score_cells(found, s, framework) for s in found.scores],
        [3, 1.2, 1.2, 1],
    )
    _heading(document, "From the actions of the plan", level=1)
    _bullets(document, (a.text for a in found.actions))
    return _save(document)


def _highlight(document: Document, text: str) -> None:
    """The impact in a figure, large and in NHS blue, as a case study leads with it."""
    run = document.add_paragraph().add_run(_t(text))
    run.bold = True
    run.font.size = Pt(16)
    run.font.color.rgb = NHS_BLUE


def _paragraphs(document: Document, text: str, style: str = "") -> None:
    """Each line typed is a paragraph of its own, as on the page."""
    for line in (line.strip() for line in text.splitlines()):
        if line:
            _styled(document, line, style) if style else _para(document, line)


def _reassessed_in_words(found: Written) -> str:
    if found.reassessment is None:
        return (
            f"Agreed levels at this assessment, {found.assessment.title}. The team has not "
            "been reassessed since: the change shows after the next cycle's ratings are agreed."
        )
    return (
        f"Agreed levels at this assessment, {found.assessment.title}, and at the next cycle, "
        f"{found.reassessment.title}."
    )


def _score_cells(found: Written, score: ElementScore, framework: Framework) -> list[str]:
    def level(value: int | None) -> str:
        return "Not agreed" if value is None else f"{value} {framework.level(value).label}"

    element = framework.element(score.element)
    return [
        f"{element.code} {element.title}",
        level(score.before),
        level(score.after) if found.reassessed else "Not reassessed yet",
        score.change_in_words,
    ]
