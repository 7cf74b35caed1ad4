from ninja.errors import HttpError

from mobilise.accounts.models import Membership


def require_editor(membership: Membership) -> None:
    """Viewers read; changing assessments and plans is for facilitators and admins."""
    if not membership.can_edit:
        raise HttpError(403, "Viewers cannot make this change")
