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
    "overdue",
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
    "rationale_or_dissent",
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
            f"No action required. {row.reason}".strip() if row.source == "no_action" else row.text,
            " ".join(row.elements),
            row.option_id or row.source,
            row.priority or "",
            row.owner,
            row.owner_email,
            row.due_on.isoformat() if row.due_on else "",
            row.measure,
            row.status or "",
            " | ".join(f"{at:%Y-%m-%d} {by}: {text}" for at, by, text in row.notes),
            "yes" if row.overdue else "no",
        ]
        for row in report.plan_rows
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
                r.consensus.rationale if r.consensus else "",
            ]
            for r in report.rows
        ],
    )


AGREED_HEADER = ["action", "elements", "priority", "owner", "due_on", "measure", "status"]


def agreed_plan_csv(snapshot: dict) -> bytes:
    """A signed-off version of the plan, as it was when agreed (plans.services.sign_off)."""
    rows = [
        [
            a["text"],
            " ".join(a["elements"]),
            a["priority"],
            a["owner"],
            a["due_on"] or "",
            a["measure"],
            a["status"],
        ]
        for a in snapshot.get("actions", [])
    ] + [
        [f"No action required. {n['reason']}".strip(), n["element"], "", "", "", "", ""]
        for n in snapshot.get("no_action", [])
    ]
    return _csv(AGREED_HEADER, rows)
