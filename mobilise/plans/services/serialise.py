"""Plans as plain data: the JSON of the API contract."""

from mobilise.plans.models import PlanAction, ProgressNote
from mobilise.plans.services.plan import Coverage


def note_as_dict(note: ProgressNote) -> dict:
    return {"at": note.created_at.isoformat(), "by": note.author_name, "text": note.text}


def action_as_dict(action: PlanAction) -> dict:
    return {
        "id": str(action.id),
        "option_id": action.option_id,
        "text": action.text,
        "elements": action.element_codes,
        "priority": action.priority,
        "owner": action.owner,
        "owner_username": action.owner_member.user.username if action.owner_member_id else None,
        "owner_email": action.owner_email,
        "due_on": action.due_on.isoformat() if action.due_on else None,
        "measure": action.measure,
        "status": action.status,
        "carried_over": action.carried_over_from_id is not None,
        "local": action.local_action_id is not None,
        "notes": [note_as_dict(n) for n in action.notes.all()],
    }


def plan_as_dict(coverage: Coverage) -> dict:
    ordered = coverage.actions
    return {
        "complete": coverage.complete,
        "missing_elements": coverage.missing,
        "actions": [action_as_dict(a) for a in ordered],
        "no_action": [
            {"element": n.element_code, "reason": n.reason} for n in coverage.no_action.values()
        ],
    }
