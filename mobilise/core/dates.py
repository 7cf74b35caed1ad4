"""The service's day is the UK's: closing dates, due dates and "today" are read in
Europe/London, whatever the server's clock says, and every page, document and e-mail
formats a moment through here, so a moment stored in UTC is shown on its UK day (BST in
summer)."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

UK = ZoneInfo("Europe/London")


def uk_today() -> datetime.date:
    return timezone.now().astimezone(UK).date()


def uk_date(value: datetime.date | datetime.datetime, fmt: str = "%-d %B %Y") -> str:
    """A date, or the UK date (and, with a format that asks for it, time) of a moment."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = value.astimezone(UK)
    return value.strftime(fmt)
