"""Following the plan up: the actions across assessments, filtered, sorted and a page at a
time; a member's own actions; reminders; the calendar feed (always complete, never paged)."""

import datetime
import logging
from dataclasses import dataclass

import icalendar
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

from mobilise.accounts.models import Membership, Organisation, Unit
from mobilise.core.dates import uk_today
from mobilise.core.paging import Paged, paginate
from mobilise.plans.models import (
    OPEN_STATUSES,
    ActionStatus,
    CalendarFeed,
    PlanAction,
    ReminderSent,
    new_feed_key,
    overdue,
)

REMINDER_DAYS = 14
logger = logging.getLogger(__name__)


# What the status filter may ask for: the open actions (the default), one status, or any.
OPEN, ANY = "open", "any"
STATUS_FILTERS = {
    OPEN: "Open (not started or in progress)",
    ActionStatus.NOT_STARTED: "Not started",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
    ANY: "Any status",
}
MY_ACTIONS_ON_HOME = 5


@dataclass(frozen=True)
class Filters:
    """The follow-up filters, each optional and all combined. `owner_member` is "My actions"
    when it is the signed-in member; `owner` is part of the owner's name as typed (it finds
    members too, whose names are copied onto their actions)."""

    unit: Unit | None = None
    owner_member: Membership | None = None
    owner: str = ""
    status: str = OPEN
    overdue: bool = False
    due_before: datetime.date | None = None


def matching(
    organisation: Organisation, filters: Filters | None = None, today: datetime.date | None = None
) -> QuerySet:
    """The organisation's actions that match the filters, soonest due first, undated ones
    last, and actions due on the same day in the order they were added (then by id, so
    that the order is total and a page never repeats or skips an action)."""
    filters = filters or Filters()
    actions = PlanAction.objects.filter(plan__assessment__organisation=organisation)
    status = filters.status or OPEN
    if status == OPEN:
        actions = actions.filter(status__in=OPEN_STATUSES)
    elif status != ANY:
        actions = actions.filter(status=status)
    if filters.unit is not None:
        actions = actions.filter(plan__assessment__unit=filters.unit)
    if filters.owner_member is not None:
        actions = actions.filter(owner_member=filters.owner_member)
    if filters.owner:
        actions = actions.filter(owner__icontains=filters.owner)
    if filters.overdue:
        actions = actions.filter(overdue(today or uk_today()))
    if filters.due_before:
        actions = actions.filter(due_on__lte=filters.due_before)
    return (
        actions.select_related("plan__assessment__unit", "owner_member__user")
        .prefetch_related("elements")
        .order_by(F("due_on").asc(nulls_last=True), "created_at", "id")
    )


def open_actions(organisation: Organisation, filters: Filters | None = None) -> QuerySet:
    """Open actions (not started or in progress) of all the organisation's assessments,
    unless the filters ask for another status."""
    return matching(organisation, filters)


class KeysFirst:
    """A long list of actions that the paginator can count and slice, a page found by a
    narrow query of the sort keys alone (which the follow-up index answers without reading
    the table), and only that page's actions then loaded with all they show. Sorting every
    match with its unit, owner and text would cost time in proportion to the matches."""

    def __init__(self, actions: QuerySet, prefetch: tuple[str, ...] = ("elements",)) -> None:
        self.actions = actions
        self.prefetch = prefetch

    def count(self) -> int:
        return self.actions.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[PlanAction]:
        ids = list(self.actions.values_list("pk", flat=True)[window])
        loaded = self.actions.model.objects.filter(pk__in=ids)
        loaded = loaded.select_related("plan__assessment__unit", "owner_member__user")
        by_id = {a.pk: a for a in loaded.prefetch_related(*self.prefetch)}
        return [by_id[pk] for pk in ids]


def follow_up_page(
    organisation: Organisation, filters: Filters, query: QueryDict, today: datetime.date
) -> tuple[Paged, int]:
    """The page of matching actions the URL asks for, and how many of all the matches are
    overdue: a fixed number of queries however many actions match."""
    actions = matching(organisation, filters, today)
    return paginate(KeysFirst(actions), query), actions.filter(overdue(today)).count()


def window(
    organisation: Organisation, filters: Filters, limit: int, offset: int
) -> tuple[int, list[PlanAction]]:
    """The count of matching actions and `limit` of them from `offset`, for the API."""
    actions = KeysFirst(matching(organisation, filters), prefetch=("elements", "notes"))
    return actions.count(), actions[offset : offset + limit]


@dataclass(frozen=True)
class MyActions:
    first: list[PlanAction]
    count: int
    overdue: set


def my_actions(membership: Membership, limit: int = MY_ACTIONS_ON_HOME) -> MyActions:
    """The member's own open actions, soonest due first, for their home page."""
    actions = matching(membership.organisation, Filters(owner_member=membership))
    first = list(actions[:limit])
    count = len(first) if len(first) < limit else actions.count()
    today = uk_today()
    late = {a.id for a in first if a.is_overdue(today)}
    return MyActions(first=first, count=count, overdue=late)


def unit_in(organisation: Organisation, unit_id) -> Unit | None:
    return Unit.objects.filter(organisation=organisation, pk=unit_id).first()


def unit_named(organisation: Organisation, name: str) -> Unit | None:
    return Unit.objects.filter(organisation=organisation, name__iexact=name.strip()).first()


def member_in(organisation: Organisation, membership_id) -> Membership | None:
    return (
        Membership.objects.filter(organisation=organisation, pk=membership_id)
        .select_related("user")
        .first()
    )


def is_overdue(action: PlanAction, today: datetime.date | None = None) -> bool:
    return action.is_overdue(today or uk_today())


def due_for_reminder(today: datetime.date) -> QuerySet:
    horizon = today + datetime.timedelta(days=REMINDER_DAYS)
    return (
        PlanAction.objects.filter(status__in=OPEN_STATUSES, due_on__lte=horizon)
        .exclude(Q(owner_email="") & (Q(owner_member=None) | Q(owner_member__user__email="")))
        .select_related(
            "plan__assessment__unit", "plan__assessment__organisation", "owner_member__user"
        )
    )


def send_reminders(today: datetime.date | None = None) -> int:
    """E-mail each owner about their actions due within 14 days or overdue; at most once a
    day per action and address, so it is safe to run more than once a day."""
    today = today or uk_today()
    sent = 0
    for action in due_for_reminder(today):
        try:
            address = action.reminder_address
            with transaction.atomic():
                ReminderSent.objects.create(action=action, email=address, sent_on=today)
                send_mail(
                    subject=reminder_subject(action, today),
                    message=reminder_body(action, today),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[address],
                )
        except IntegrityError:
            continue  # already reminded today
        except Exception:
            # One address the mail server refuses must not stop everyone else's reminders;
            # the transaction is rolled back, so tomorrow's run tries this one again.
            logger.exception("Could not send the reminder for action %s", action.pk)
            continue
        sent += 1
    return sent


def reminder_subject(action: PlanAction, today: datetime.date) -> str:
    when = "overdue" if action.due_on < today else f"due on {action.due_on:%-d %B %Y}"
    return f"Action {when}: {action.text[:80]}"


def reminder_body(action: PlanAction, today: datetime.date) -> str:
    assessment = action.plan.assessment
    state = "was due" if action.due_on < today else "is due"
    return (
        f"Hello {action.owner or ''},\n\n"
        f"This action in the knowledge mobilisation plan of {assessment.unit.name} "
        f"({assessment.organisation.name}) {state} on {action.due_on:%-d %B %Y}:\n\n"
        f"  {action.text}\n\n"
        f"Status: {action.get_status_display()}. Elements: {', '.join(action.element_codes)}.\n"
        f"Success measure: {action.measure or 'not set'}.\n\n"
        "Please update its status or add a progress note in Mobilise.\n"
    )


def feed_for(membership: Membership) -> CalendarFeed:
    feed, _ = CalendarFeed.objects.get_or_create(membership=membership)
    return feed


def change_feed_key(membership: Membership) -> CalendarFeed:
    """A new secret address for the person's feed; the old one stops working at once."""
    feed = feed_for(membership)
    feed.key = new_feed_key()
    feed.save(update_fields=["key"])
    return feed


def calendar(membership: Membership) -> bytes:
    """An iCalendar of the due dates of the organisation's open actions."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Mobilise//Action plan due dates//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Mobilise actions: {membership.organisation.name}")
    stamp = timezone.now()
    for action in open_actions(membership.organisation).exclude(due_on=None):
        event = icalendar.Event()
        event.add("uid", f"{action.id}@mobilise")
        event.add("dtstamp", stamp)
        event.add("dtstart", action.due_on)
        event.add("dtend", action.due_on + datetime.timedelta(days=1))
        event.add("summary", f"Due: {action.text[:120]}")
        event.add(
            "description",
            f"{action.plan.assessment.unit.name}, elements {', '.join(action.element_codes)}. "
            f"Owner: {action.owner or 'not set'}. Status: {action.get_status_display()}.",
        )
        cal.add_component(event)
    return cal.to_ical()
