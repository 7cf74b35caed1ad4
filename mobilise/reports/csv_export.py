"""The action plan and the results as CSV: UTF-8 with a byte-order mark so Excel opens it
correctly, and a header row."""

import csv
import io

from mobilise.reports.cells import csv_safe
from mobilise.reports.presenter import Report

PLAN_HEADER = [
    "action",
    "elements",
    "source",
    "priority",
    "owner",
    "owner_email",
    "due_on",
    "measure",
    "status",
    "notes",
]
RESULTS_HEADER = [
    "element",
    "title",
    "n",
    "dont_know",
    "level_0",
    "level_1",
    "level_2",
    "level_3",
    "level_4",
    "median",
    "mean",
    "min",
    "max",
    "spread",
    "agreed_level",
    "importance",
    "target",
]


def _csv(header: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([csv_safe(value) for value in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def plan_csv(report: Report) -> bytes:
    rows = [
        [
            a.text,
            " ".join(a.element_codes),
            a.option_id or ("local" if a.local_action_id else "own"),
            a.priority,
            a.owner,
            a.owner_email,
            a.due_on.isoformat() if a.due_on else "",
            a.measure,
            a.status,
            " | ".join(f"{n.created_at:%Y-%m-%d} {n.author_name}: {n.text}" for n in a.notes.all()),
        ]
        for a in report.actions
    ]
    rows += [
        [
            f"No action required. {n.reason}".strip(),
            n.element_code,
            "no_action",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
        for n in report.no_action
    ]
    return _csv(PLAN_HEADER, rows)


def results_csv(report: Report) -> bytes:
    return _csv(
        RESULTS_HEADER,
        [
            [
                r.element.code,
                r.element.title,
                r.result.n,
                r.result.dont_know,
                *r.result.distribution.values(),
                "" if r.result.median is None else f"{r.result.median:g}",
                report.number(r.result.mean).replace("–", ""),
                "" if r.result.min is None else r.result.min,
                "" if r.result.max is None else r.result.max,
                "yes" if r.result.spread else "no",
                r.consensus.level if r.consensus else "",
                r.consensus.importance if r.consensus else "",
                r.consensus.target if r.consensus else "",
            ]
            for r in report.rows
        ],
    )
