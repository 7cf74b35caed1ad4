"""Inviting participants before the session: the participant link and the pre-read by
e-mail, and the feedback session as a calendar file.

E-mail addresses are used to send and then forgotten: they are not stored, not logged, not
tied to any response, and the history says only how many invitations went (ADR 0018).
"""

import datetime
import re
from dataclasses import dataclass

import icalendar
from django.utils import timezone

from mobilise.accounts.models import User
from mobilise.assessments.models import Assessment, Mode
from mobilise.assessments.services.personal_links import MAX_LINKS
from mobilise.assessments.services.pre_read import for_assessment
from mobilise.audit.services import record
from mobilise.core.dates import UK, uk_date, uk_today
from mobilise.core.errors import FieldError, InvalidInput
from mobilise.core.mail import addresses_in, send_each

MAX_INVITATIONS = MAX_LINKS
# The longest address is 254 characters; room for separators beside each.
MAX_ADDRESSES_TEXT = MAX_INVITATIONS * 260
MIN_MINUTES, MAX_MINUTES = 15, 8 * 60
MAX_PLACE = 500
TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


def _refuse(field: str, message: str) -> InvalidInput:
    return InvalidInput([FieldError((field,), message)])


def parse_addresses(raw: str) -> list[str]:
    """Addresses one per line or separated by commas (or semicolons or spaces), each checked,
    duplicates once, in the order given."""
    if len(raw) > MAX_ADDRESSES_TEXT:
        raise _refuse("addresses", f"Enter {MAX_INVITATIONS} e-mail addresses or fewer")
    found, bad = addresses_in(raw)
    if not found:
        raise _refuse("addresses", "Enter the e-mail addresses to send the invitation to")
    if bad:
        raise _refuse(
            "addresses",
            f"Enter the e-mail addresses correctly: “{bad[0][:80]}” is not an e-mail "
            "address, like name@nhs.net",
        )
    if len(found) > MAX_INVITATIONS:
        raise _refuse("addresses", f"Enter {MAX_INVITATIONS} e-mail addresses or fewer")
    return found


def invitation(assessment: Assessment, start_url: str, pre_read_url: str) -> tuple[str, str]:
    """The e-mail's subject and body: the link, and the pre-read's essentials."""
    reading = for_assessment(assessment)
    body = "\n\n".join(
        [
            f"You are invited to take part in {assessment.title}, a Knowledge Mobilisation "
            f"self-assessment of {assessment.unit.name}: how well it uses external evidence "
            f"and organisational knowledge, across the {reading.elements} elements of the "
            f"{reading.framework.name}.",
            f"Open this link to take part (no account is needed):\n{start_url}",
            f"Before the session, please read the pre-read: the scale, and what each level "
            f"means for every element.\n{pre_read_url}",
            reading.on_behalf,
            reading.how_long,
            reading.anonymous,
        ]
    )
    return f"You are invited to {assessment.title}", body + "\n"


def send_invitations(
    assessment: Assessment,
    addresses: list[str],
    start_url: str,
    pre_read_url: str,
    user: User | None,
) -> tuple[int, int]:
    """One e-mail to each address, so that nobody sees who else was invited: how many were
    sent and how many the mail server refused (InvalidInput when it refused them all)."""
    if not addresses or len(addresses) > MAX_INVITATIONS:
        raise _refuse("addresses", f"Enter 1 to {MAX_INVITATIONS} e-mail addresses")
    subject, body = invitation(assessment, start_url, pre_read_url)
    sent = sum(send_each((subject, body, address) for address in addresses))
    if not sent:
        raise _refuse("addresses", "We could not send the e-mails just now. Try again later")
    record(assessment, user, f"Sent {sent} invitation{'s' if sent != 1 else ''}")
    return sent, len(addresses) - sent


@dataclass(frozen=True)
class Session:
    """The feedback session: when and where."""

    starts: datetime.datetime
    minutes: int
    place: str

    @property
    def ends(self) -> datetime.datetime:
        return self.starts + datetime.timedelta(minutes=self.minutes)


def parse_time(text: str) -> datetime.time:
    match = TIME.fullmatch(text.strip())
    if match is None:
        raise _refuse("start", "Enter the start time as hours and minutes, like 14:30")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        raise _refuse("start", "The start time must be a real time, like 14:30")
    return datetime.time(hours, minutes)


def session(on: datetime.date | None, start: str, minutes: int | None, place: str) -> Session:
    """A session checked field by field; every problem is named at once."""
    errors = []
    if on is None:
        errors.append(FieldError(("on",), "Enter the date of the session"))
    elif on < uk_today():
        errors.append(FieldError(("on",), "The date of the session must be today or later"))
    try:
        at = parse_time(start) if start.strip() else None
    except InvalidInput as error:
        errors += error.errors
        at = None
    else:
        if at is None:
            errors.append(FieldError(("start",), "Enter the start time, like 14:30"))
    if minutes is None:
        errors.append(FieldError(("minutes",), "Enter how long the session lasts, in minutes"))
    elif not MIN_MINUTES <= minutes <= MAX_MINUTES:
        errors.append(
            FieldError(
                ("minutes",), f"The session must last {MIN_MINUTES} to {MAX_MINUTES} minutes"
            )
        )
    if not place.strip():
        errors.append(FieldError(("place",), "Enter the place, or the link to join online"))
    elif len(place.strip()) > MAX_PLACE:
        errors.append(FieldError(("place",), f"The place must be {MAX_PLACE} characters or fewer"))
    if errors:
        raise InvalidInput(errors)
    starts = datetime.datetime.combine(on, at, tzinfo=UK)
    return Session(starts, minutes, " ".join(place.split()))


def session_calendar(
    assessment: Assessment, meeting: Session, start_url: str, pre_read_url: str
) -> bytes:
    """The feedback session as an iCalendar event in UK time, with the participant link."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Mobilise//Feedback session//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event = icalendar.Event()
    # The same session downloaded twice is one event, not two, in a calendar.
    event.add("uid", f"session-{assessment.id}-{meeting.starts:%Y%m%dT%H%M}@mobilise")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts)
    event.add("dtend", meeting.ends)
    if assessment.mode == Mode.GROUP:
        kind = "Self-assessment session"
        answer = "Bring a phone, tablet or laptop: you will answer in the session with this link"
    else:
        kind = "Feedback session"
        by = f" by {uk_date(assessment.closes_on)}" if assessment.closes_on else ""
        answer = f"Please answer{by} if you have not yet, with this link"
    event.add("summary", f"{kind}: {assessment.title}")
    event.add("location", meeting.place)
    event.add(
        "description",
        f"{kind} of {assessment.title}, the Knowledge Mobilisation self-assessment of "
        f"{assessment.unit.name}.\n\n{answer} (your answers are anonymous):\n{start_url}"
        f"\n\nThe pre-read, to read before the session:\n{pre_read_url}\n",
    )
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
