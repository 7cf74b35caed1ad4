"""Who may see a page: signed-in members of an organisation; some pages only editors."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from mobilise.accounts.models import Organisation, Role
from mobilise.accounts.services import current_membership


def member_required(view: Callable) -> Callable:
    """Signed in and in an organisation; sets `request.membership`."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = current_membership(request)
        if membership is None:
            raise PermissionDenied("You do not belong to an organisation")
        request.membership = membership
        return view(request, *args, **kwargs)

    return wrapped


def require_editor(request: HttpRequest) -> None:
    if not request.membership.can_edit:
        raise PermissionDenied("Viewers cannot make this change")


def require_admin(request: HttpRequest) -> Organisation:
    """Only the organisation's admins; returns the organisation."""
    if request.membership.role != Role.ADMIN:
        raise PermissionDenied("Only organisation admins can do this")
    return request.membership.organisation
