"""The organisation's history of changes, for its admins."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required, require_admin
from mobilise.audit.forms import HistoryFilters
from mobilise.audit.services import history as history_of
from mobilise.audit.services import people_in_history
from mobilise.core.paging import paginate


@require_safe
@member_required
def history(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    form = HistoryFilters(request.GET or None, people_in_history(organisation))
    paged = paginate(history_of(organisation, **form.filters()), request.GET)
    return render(
        request,
        "accounts/organisation_history.jinja",
        {"page_title": "History of changes", "form": form, "paged": paged},
    )
