"""The organisation's history of changes, for its admins."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required, require_admin
from mobilise.audit.models import HistoryEntry


@require_safe
@member_required
def history(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    entries = (
        HistoryEntry.objects.filter(organisation=organisation)
        .select_related("assessment")
        .order_by("-created_at")[:500]
    )
    return render(
        request,
        "accounts/organisation_history.jinja",
        {"page_title": "History of changes", "entries": entries},
    )
