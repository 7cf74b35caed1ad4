"""The whole assessment as JSON, and back again.

Schema `mobilise.assessment`, version 2 (documented in docs/export-schema.md):

    {"schema": "mobilise.assessment", "schema_version": 2, "exported_at": "...",
     "framework_version": "1.0",
     "assessment": {"title", "unit", "mode", "status", "closes_on", "created_at",
                    "results_revealed"},
     "responses": [{"source", "submitted_on", "ratings": [{"element", "level", "comment"}]}],
     "responses_withheld": 0,
     "consensus": [{"element", "level", "importance", "target", "rationale"}],
     "hand_counts": [{"element", "level" (null: Don't know), "count"}],
     "board_paper": {"meeting", "meeting_on", "author", "presenter", "sponsor", "purpose",
                     "recommendations"} or null,
     "plan": {"actions": [{"option_id", "text", "elements", "priority", "owner",
                           "owner_email", "due_on", "measure", "status", "carried_over",
                           "local": {"element", "text", "good_practice"} or null,
                           "notes": [{"at", "by", "text"}]}],
              "no_action": [{"element", "reason"}]},
     "history": [{"at", "by", "summary", "changes"}],
     "local_actions": [{"element", "text", "good_practice"}],
     "evidence": [{"element", "kind" (note/link/file), "title", "note", "url",
                   "describes_on", "added_by", "file": {"name", "type", "size", "sha256"}
                   or null, "file_carried": false}],
     "case_studies": [{"title", "challenge", "service_did", "intervention", "outcome",
                       "figure", "quote", "champion_name", "champion_role", "written_by",
                       "written_at", "actions": [index into plan.actions]}],
     "sign_offs": [{"version", "agreed_by", "agreed_by_role", "meeting", "agreed_on", "note",
                    "recorded_at", "actions": [{"action" (index into plan.actions, or null
                    for one removed since), "text", "elements", "priority", "owner",
                    "due_on", "measure", "status"}], "no_action": [{"element", "reason"}]}]}

Evidence files are never in the file: a file's evidence is a reference to it, flagged
`"file_carried": false` (optional in version 2: files without it read as none).

No ids are exported: an import creates new objects in the importing organisation, and an
export of the import equals the original apart from `exported_at` and the history's one
new line, "Imported by <person>".

Responses carry the day they were sent, not the time, in an order given by their content;
while the assessment's results are hidden (individual completion below the minimum) none
is exported and `responses_withheld` says how many were left out (ADR 0012). Version 1
files (with `submitted_at`, a time) are still read.
"""

import json
from typing import Any

from django.db.models import F
from django.utils import timezone

from mobilise.assessments.models import Assessment, Evidence, EvidenceKind
from mobilise.assessments.services import results
from mobilise.plans.models import CaseStudy, LocalAction, PlanSignOff
from mobilise.plans.services.case_studies import PART_NAMES
from mobilise.plans.services.plan import plan_of
from mobilise.plans.services.serialise import action_as_dict
from mobilise.reports.json_schema import SCHEMA, SCHEMA_VERSION
from mobilise.reports.models import BoardPaper

# An order given by content, so that an export of an import lists the evidence the same.
EXPORT_ORDER = ("element_code", "describes_on", "kind", "title", "url", "note", "file_sha256")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export_assessment(assessment: Assessment) -> dict[str, Any]:
    plan = plan_of(assessment)
    listed = list(
        plan.actions.prefetch_related("elements", "notes")
        .select_related("local_action", "owner_member__user")
        .order_by("created_at", "id")
    )
    used_local = {a.local_action for a in listed if a.local_action}
    exported = results.responses_for_export(assessment)
    submitted = assessment.responses.in_figures().count()
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "exported_at": timezone.now().isoformat(),
        "framework_version": assessment.framework_version,
        "assessment": {
            "title": assessment.title,
            "unit": assessment.unit.name,
            "mode": assessment.mode,
            "status": assessment.current_status,
            "closes_on": _iso(assessment.closes_on),
            "created_at": _iso(assessment.created_at),
            "results_revealed": assessment.results_revealed,
        },
        "responses": [
            {
                "source": response.source,
                "submitted_on": response.submitted_on.isoformat(),
                "ratings": [
                    {"element": code, "level": level, "comment": comment}
                    for code, level, comment in response.ratings
                ],
            }
            for response in exported
        ],
        "responses_withheld": submitted - len(exported),
        "consensus": [
            {
                "element": c.element_code,
                "level": c.level,
                "importance": c.importance,
                "target": c.target,
                "rationale": c.rationale,
            }
            for c in assessment.consensus.order_by("element_code")
        ],
        # A show of hands is a figure: withheld, like the responses, while results are hidden.
        "hand_counts": [
            {"element": h.element_code, "level": h.level, "count": h.count}
            for h in assessment.hand_counts.order_by(
                "element_code", F("level").asc(nulls_last=True)
            )
        ]
        if not results.hidden_now(assessment)
        else [],
        "board_paper": _board_paper(assessment),
        "plan": {
            "actions": [
                {
                    # The owner by name: user names belong to this organisation's accounts
                    # and mean nothing where the file is imported.
                    **{
                        k: v
                        for k, v in action_as_dict(a).items()
                        if k not in {"id", "owner_username"}
                    },
                    "local": _local(a.local_action) if a.local_action else None,
                }
                for a in listed
            ],
            "no_action": [
                {"element": n.element_code, "reason": n.reason}
                for n in plan.no_action.order_by("element_code")
            ],
        },
        "history": [
            {
                "at": _iso(h.original_at or h.created_at),
                "by": h.actor_name,
                "summary": h.summary,
                "changes": h.changes,
            }
            # Entries from an imported file first, in their file's order, then this
            # service's own; an entry's original date only says what the file claimed.
            for h in assessment.history.order_by(
                F("original_at").asc(nulls_last=True), "created_at", "id"
            )
        ],
        "local_actions": sorted(
            (_local(a) for a in used_local), key=lambda x: (x["element"], x["text"])
        ),
        "evidence": [
            _evidence(e) for e in assessment.evidence.filter(confirmed=True).order_by(*EXPORT_ORDER)
        ],
        "case_studies": _case_studies(plan, listed),
        "sign_offs": _sign_offs(plan, listed),
    }


def _sign_offs(plan, actions: list) -> list[dict]:
    """Each agreed version as it was agreed; an action still in the plan is named by its
    place in `plan.actions`, so that what changed since can be told after an import."""
    place = {str(action.id): index for index, action in enumerate(actions)}
    return [
        {
            "version": agreed.version,
            "agreed_by": agreed.agreed_by,
            "agreed_by_role": agreed.agreed_by_role,
            "meeting": agreed.meeting,
            "agreed_on": _iso(agreed.agreed_on),
            "note": agreed.note,
            "recorded_at": _iso(agreed.created_at),
            "actions": [
                {"action": place.get(kept["id"]), **{k: v for k, v in kept.items() if k != "id"}}
                for kept in agreed.snapshot.get("actions", [])
            ],
            "no_action": agreed.snapshot.get("no_action", []),
        }
        for agreed in PlanSignOff.objects.filter(plan=plan).order_by("version")
    ]


def _case_studies(plan, actions: list) -> list[dict]:
    """The plan's impact case studies, oldest first, each naming its actions by their place
    in `plan.actions` (no ids are exported)."""
    place = {action.id: index for index, action in enumerate(actions)}
    found = [
        (
            case.created_at,
            {
                **{name: getattr(case, name) for name in PART_NAMES},
                "written_by": case.written_by_name,
                "written_at": _iso(case.created_at),
                "actions": sorted(place[a.id] for a in case.actions.all()),
            },
        )
        for case in CaseStudy.objects.filter(plan=plan).prefetch_related("actions")
    ]
    # Oldest first, and those written at the same moment in an order given by their content,
    # so that an export of an import lists them the same.
    found.sort(key=lambda pair: (pair[0], json.dumps(pair[1], sort_keys=True)))
    return [item for _, item in found]


def _evidence(item: Evidence) -> dict:
    return {
        "element": item.element_code,
        "kind": item.kind,
        "title": item.title,
        "note": item.note,
        "url": item.url,
        "describes_on": _iso(item.describes_on),
        "added_by": item.added_by_name,
        "file": {
            "name": item.file_name,
            "type": item.file_type,
            "size": item.file_size,
            "sha256": item.file_sha256,
        }
        if item.kind == EvidenceKind.FILE
        else None,
        # The file's bytes stay in this service's storage: only its reference travels.
        "file_carried": False,
    }


def _local(action: LocalAction) -> dict:
    return {
        "element": action.element_code,
        "text": action.text,
        "good_practice": action.good_practice,
    }


def _board_paper(assessment: Assessment) -> dict | None:
    paper = BoardPaper.objects.filter(assessment=assessment).first()
    if paper is None:
        return None
    return {
        "meeting": paper.meeting,
        "meeting_on": _iso(paper.meeting_on),
        "author": paper.author,
        "presenter": paper.presenter,
        "sponsor": paper.sponsor,
        "purpose": paper.purpose,
        "recommendations": paper.recommendations,
    }
