"""Following plans up: open actions across the organisation, the calendar feed, local
actions, reassessment and the comparison of cycles."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from mobilise.accounts.access import member_required, require_admin, require_editor
from mobilise.accounts.models import Role
from mobilise.accounts.services import get_for_organisation
from mobilise.assessments import charts
from mobilise.core.dates import uk_date, uk_today
from mobilise.framework.catalogue import get_framework
from mobilise.plans.forms.plan import FollowUpFilters, LocalActionForm
from mobilise.plans.models import CalendarFeed, LocalAction
from mobilise.plans.services import local
from mobilise.plans.services.followup import (
    Filters,
    calendar,
    change_feed_key,
    feed_for,
    is_overdue,
    open_actions,
)
from mobilise.plans.services.reassess import comparison, start_reassessment
from mobilise.plans.views.plan import load


@require_safe
@member_required
def follow_up(request: HttpRequest) -> HttpResponse:
    form = FollowUpFilters(request.GET or None)
    filters = Filters()
    if form.is_bound and form.is_valid():
        filters = Filters(
            owner=form.cleaned_data["owner"].strip(),
            status=form.cleaned_data["status"],
            due_before=form.cleaned_data["due_before"],
        )
    actions = list(open_actions(request.membership.organisation, filters))
    today = uk_today()
    return render(
        request,
        "plans/follow_up.jinja",
        {
            "page_title": "Follow-up",
            "form": form,
            "actions": actions,
            "overdue": {a.id for a in actions if is_overdue(a, today)},
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


@require_POST
@member_required
def reassess(request: HttpRequest, assessment_id) -> HttpResponse:
    previous = load(request, assessment_id)
    require_editor(request)
    assessment = start_reassessment(previous, request.user)
    carried = assessment.plan.actions.count()
    messages.success(
        request,
        f"Reassessment started. {carried} open {'action was' if carried == 1 else 'actions were'} "
        "carried over from the last plan.",
    )
    return redirect("assessments:detail", assessment.id)


@require_safe
@member_required
def comparison_page(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    found = comparison(assessment)
    if found is None:
        raise Http404("This is the unit's first assessment")
    labels = [uk_date(c.assessment.created_at, "%b %Y") for c in found.cycles]
    return render(
        request,
        "plans/comparison.jinja",
        {
            "page_title": f"Change since the last assessment: {assessment.title}",
            "assessment": assessment,
            "framework": assessment.framework,
            "found": found,
            "trend": charts.trend(assessment.framework, labels, [c.results for c in found.cycles]),
            "labels": labels,
        },
    )


@member_required
def local_actions(request: HttpRequest) -> HttpResponse:
    organisation = request.membership.organisation
    is_admin = request.membership.role == Role.ADMIN
    framework = get_framework()
    form = LocalActionForm(request.POST if request.method == "POST" else None, framework=framework)
    if request.method == "POST":
        require_admin(request)
        if form.is_valid():
            local.add_local_action(
                organisation,
                form.cleaned_data["element"],
                form.cleaned_data["text"],
                form.cleaned_data["good_practice"],
                request.user,
            )
            messages.success(request, "The local action is added.")
            return redirect("plans:local-actions")
    by_element: dict[str, list[LocalAction]] = {}
    for action in LocalAction.objects.filter(organisation=organisation):
        by_element.setdefault(action.element_code, []).append(action)
    return render(
        request,
        "plans/local_actions.jinja",
        {
            "page_title": "Local actions and good practice",
            "framework": framework,
            "by_element": by_element,
            "form": form,
            "is_admin": is_admin,
        },
    )


@require_POST
@member_required
def delete_local_action(request: HttpRequest, local_id) -> HttpResponse:
    # Another organisation's local action is a 404, before the role is considered.
    action = get_for_organisation(
        LocalAction.objects.all(), request.membership.organisation, pk=local_id
    )
    require_admin(request)
    local.delete_local_action(action, request.user)
    messages.success(request, "The local action is removed.")
    return redirect("plans:local-actions")
