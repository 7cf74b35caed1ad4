"""The Board paper as plain data (strings, numbers, lists) for the PDF's Typst template.

Every figure and every sentence comes from the one presenter (`Report`, `Report.summary()`,
`Report.cover`), turned into text here once. The template reads this as JSON with Typst's
`json()`, so nothing anyone typed is ever read as Typst markup.
"""

from django.utils import timezone

from mobilise.accounts.models import Organisation, Unit
from mobilise.assessments import charts
from mobilise.assessments.models import Assessment, Consensus
from mobilise.assessments.services import priorities
from mobilise.assessments.services.results import compute
from mobilise.core.dates import uk_date, uk_today
from mobilise.framework.catalogue import get_framework
from mobilise.plans.models import ActionStatus, Priority
from mobilise.reports.presenter import (
    TO_BE_CONFIRMED,
    Cover,
    ElementRow,
    PlanRow,
    Report,
    action_row,
    default_recommendations,
)

# Line and marker per series of a radar, in the order of `charts.STYLES`: the PDF draws
# what the pages draw, told apart without colour.
DASHES = {"-": "solid", "--": "dashed", ":": "dotted"}
MARKERS = {"o": "circle", "s": "square", "^": "triangle"}
OVERDUE_LISTED = 3  # on the Board summary, shortened; the full report lists every action
SHORT = 110  # characters of an action on the Board summary, which must fit two pages


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[:SHORT].rsplit(" ", 1)[0] + " …"


def _day(value) -> str:
    return uk_date(value) if value else ""


def _radar(radar: charts.Radar) -> dict:
    return {
        "title": radar.title,
        "labels": radar.labels,
        "alt": radar.alt,
        "series": [
            {
                "name": name,
                "values": values,
                "colour": colour,
                "dash": DASHES[style[0]],
                "marker": MARKERS[style[1]],
            }
            for (name, values, colour), style in zip(radar.series, charts.STYLES, strict=False)
        ],
    }


def _cover(report: Report) -> dict:
    cover = report.cover
    return {
        "meeting": cover.meeting or TO_BE_CONFIRMED,
        "meeting_on": _day(cover.meeting_on) or TO_BE_CONFIRMED,
        "author": cover.author or TO_BE_CONFIRMED,
        "presenter": cover.presenter or TO_BE_CONFIRMED,
        "sponsor": cover.sponsor or TO_BE_CONFIRMED,
        "purpose": cover.purpose,
        "asked_to": cover.asked_to,
    }


def _summary(report: Report) -> dict:
    summary = report.summary()
    return {
        "standing": summary.standing,
        "strengths": [f"{name}: agreed {level}" for name, level in summary.strengths],
        "priorities": [f"{name}: {reason}" for name, reason in summary.priorities],
        "changed": summary.changed,
        "plan": summary.plan,
        "overdue": summary.overdue,
    }


def _element(report: Report, row) -> dict:
    result, agreed = row.result, row.consensus
    dissent = ""
    if result.spread:
        dissent = (
            f"Views differed: ratings ranged from {report.level_label(result.min)} "
            f"to {report.level_label(result.max)}."
        )
    return {
        "name": f"{row.element.code} {row.element.title}",
        "agreed": report.level_label(agreed.level) if agreed else "–",
        "median": report.number(result.median),
        "mean": report.mean(result.mean),
        "spread": "Yes" if result.spread else "No",
        "importance": agreed.get_importance_display() if agreed else "–",
        "target": report.level_label(agreed.target) if agreed else "–",
        "rationale": agreed.rationale if agreed else "",
        "dissent": dissent,
    }


def _findings(report: Report) -> list[dict]:
    fw = report.framework
    by_section: dict[str, list] = {}
    for row in report.rows:
        by_section.setdefault(row.element.code.split(".")[0], []).append(row)
    means = {s.section: s.mean for s in report.results.sections}
    return [
        {
            "name": f"{s.code} {s.title}",
            "mean": report.mean(means.get(s.code)),
            "elements": [_element(report, row) for row in by_section.get(s.code, [])],
        }
        for s in fw.sections
    ]


def _status(row: PlanRow) -> str:
    label = ActionStatus(row.status).label
    return f"Overdue ({label.lower()})" if row.overdue else label


def _action(row: PlanRow, carried: bool) -> dict:
    kind = {"local": "local action", "own": "own action"}.get(row.source, "")
    notes = [k for k in (kind, "carried over" if carried else "") if k]
    return {
        "text": row.text,
        "note": f"({', '.join(notes)})" if notes else "",
        "elements": ", ".join(row.elements),
        "owner": row.owner or "–",
        "due": row.due_on.strftime("%-d %b %Y") if row.due_on else "–",
        "status": _status(row),
        "overdue": row.overdue,
        "measure": row.measure or "–",
    }


def _plan(report: Report) -> list[dict]:
    labels = dict(Priority.choices)
    return [
        {
            "priority": f"{labels[priority]} priority",
            "actions": [_action(action_row(a), bool(a.carried_over_from_id)) for a in actions],
        }
        for priority, actions in report.actions_by_priority
    ]


def _at_a_glance(report: Report) -> list[list[str]]:
    counts = report.status_counts()
    overdue = len(report.overdue)
    return [
        ["Actions", str(len(report.actions))],
        ["Done", str(counts["done"])],
        ["In progress", str(counts["in_progress"])],
        ["Not started", str(counts["not_started"])],
        ["Dropped", str(counts["dropped"])],
        ["Overdue", str(overdue)],
        ["Elements needing no action", str(len(report.no_action))],
    ]


def _comparison(report: Report) -> dict | None:
    found = report.comparison
    if found is None:
        return None
    return {
        "previous": found.previous.title,
        "rows": [
            [
                e.element,
                report.level_label(e.previous_agreed),
                report.level_label(e.agreed),
                "–" if e.agreed_change is None else f"{e.agreed_change:+d}",
                "; ".join(a.text for a in e.done) or "–",
            ]
            for e in found.elements
        ],
    }


def _priorities(report: Report) -> list[list[str]]:
    """The ranked elements in figures (the summary gives each reason in words)."""
    fw = report.framework
    return [
        [
            f"{r.element} {fw.element(r.element).title}",
            report.level_label(r.consensus.level),
            report.level_label(r.consensus.target),
            r.consensus.get_importance_display(),
        ]
        for r in report.priorities
    ]


def paper(report: Report, length: str = "full") -> dict:
    """The Board paper's content: `length` "full" or "summary" (cover and one page)."""
    fw = report.framework
    hidden = report.results.hidden
    overdue = [action_row(a) for a in report.overdue]
    return {
        "length": length,
        "title": f"{report.assessment.title}: {report.unit} – Board paper",
        "organisation": report.organisation,
        # PDF/UA refuses an empty heading; an imported assessment may have a blank title.
        "heading": report.assessment.title.strip() or "Knowledge Mobilisation self-assessment",
        "subtitle": f"Knowledge Mobilisation self-assessment and action plan: {report.unit}",
        "assessed_on": _day(report.date),
        "participants": str(report.results.responses),
        "framework": f"{fw.name}, version {fw.version}",
        "cover": _cover(report),
        "summary": _summary(report),
        "hidden": hidden,
        "radars": {}
        if hidden
        else {
            "sections": _radar(charts.section_series(fw, report.results)),
            "elements": _radar(charts.element_series(fw, report.results)),
        },
        "sections": []
        if hidden
        else [
            [f"{s.section} {fw.section(s.section).title}", report.mean(s.mean)]
            for s in report.results.sections
        ],
        "findings": [] if hidden else _findings(report),
        "priorities": _priorities(report),
        "at_a_glance": _at_a_glance(report),
        "overdue": [
            {"text": _short(r.text), "owner": _short(r.owner or "no owner"), "due": _day(r.due_on)}
            for r in overdue[:OVERDUE_LISTED]
        ],
        "overdue_more": max(0, len(overdue) - OVERDUE_LISTED),
        "complete": report.complete,
        "missing": ", ".join(report.missing),
        "plan": _plan(report),
        "plan_standing": report.sign_off.in_words if report.sign_off else "",
        "no_action": [
            [f"{n.element_code} {fw.element(n.element_code).title}", n.reason or "–"]
            for n in report.no_action
        ],
        "comparison": _comparison(report),
        "evidence": [{"element": name, "items": lines} for name, lines in report.evidence_lines()],
        "comments": [
            {"element": fw.element_name(e.code), "comments": report.comments[e.code]}
            for e in fw.elements
            if e.code in report.comments
        ],
        "scale_about": fw.scale_about,
        "scale": [[f"{lv.level} {lv.label}", lv.description] for lv in fw.scale]
        + [[fw.dont_know, fw.dont_know_description]],
        "techniques": [[t.name, t.summary] for t in report.techniques],
    }


def sample_report() -> Report:
    """A made-up assessment held in memory, never saved: what a worker draws once when it
    starts, so that its first real download is not the one that pays for Typst's start."""
    fw = get_framework()
    organisation = Organisation(name="Sample NHS Trust")
    assessment = Assessment(
        title="Sample assessment",
        organisation=organisation,
        unit=Unit(name="Sample team", organisation=organisation),
        framework_version=fw.version,
        created_at=timezone.now(),
    )
    counts = {
        (e.code, level): 1 + (i + level) % 3
        for i, e in enumerate(fw.elements)
        for level in fw.levels
    }
    agreed = {
        e.code: Consensus(
            element_code=e.code, level=i % 4, importance="high", target=3, rationale="Sample"
        )
        for i, e in enumerate(fw.elements)
    }
    results = compute(fw, counts, 10, agreed)
    return Report(
        assessment=assessment,
        framework=fw,
        results=results,
        rows=[ElementRow(fw.element(r.element), r) for r in results.elements],
        strengths=priorities.strengths(results),
        priorities=[r for r in priorities.priorities(fw, results) if r.score > 0][:5],
        actions=[],
        no_action=[],
        complete=False,
        missing=[e.code for e in fw.elements],
        comments={"1.1": ["A sample comment"]},
        techniques=list(fw.techniques[:1]),
        comparison=None,
        cover=Cover("", None, "", "", "", "For decision", default_recommendations(uk_today())),
    )
