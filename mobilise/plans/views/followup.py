"""Following plans up: the open actions across the organisation and the calendar feed."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from mobilise.accounts.access import member_required
from mobilise.core.dates import uk_today
from mobilise.plans.forms.plan import FollowUpFilters
from mobilise.plans.models import CalendarFeed
from mobilise.plans.services.followup import (
    calendar,
    change_feed_key,
    feed_for,
    follow_up_page,
    is_overdue,
)
from mobilise.plans.services.owners import people


@require_safe
@member_required
def follow_up(request: HttpRequest) -> HttpResponse:
    """The organisation's actions, filtered by the URL, 25 to a page."""
    organisation = request.membership.organisation
    form = FollowUpFilters(request.GET or None, organisation.units.all(), people(organisation))
    if form.is_bound:
        form.is_valid()
    today = uk_today()
    paged, overdue_count = follow_up_page(
        organisation, form.filters(request.membership), request.GET, today
    )
    return render(
        request,
        "plans/follow_up.jinja",
        {
            "page_title": "Follow-up",
            "form": form,
            "paged": paged,
            "overdue_count": overdue_count,
            "overdue": {a.id for a in paged.objects if is_overdue(a, today)},
            "feed_url": request.build_absolute_uri(
                reverse("plans:calendar-feed", args=[feed_for(request.membership).key])
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@member_required
def change_feed(request: HttpRequest) -> HttpResponse:
    """Confirm, then give the person's calendar feed a new address (calendars subscribed to
    the old one stop updating, so it is never done in one click)."""
    if request.method == "POST":
        change_feed_key(request.membership)
        messages.success(
            request, "Your calendar feed has a new address. Subscribe to it again in your calendar."
        )
        return redirect("plans:follow-up")
    return render(
        request, "plans/change_feed.jinja", {"page_title": "Change your calendar feed's address"}
    )


def calendar_feed(request: HttpRequest, key: str) -> HttpResponse:
    """The secret per-person feed: anyone with the address can read it, so it is long and
    random, and it lists only due dates, texts, owners and statuses."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("membership__organisation"), key=key
    )
    response = HttpResponse(calendar(feed.membership), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="mobilise-actions.ics"'
    return response
