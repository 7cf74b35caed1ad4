"""Dates and times as people in the UK read them: every page, document and e-mail formats a
moment through here, so a moment stored in UTC is shown on its UK day (BST in summer)."""

import datetime

from django.utils import timezone


def uk_date(value: datetime.date | datetime.datetime, fmt: str = "%-d %B %Y") -> str:
    """A date, or the UK date (and, with a format that asks for it, time) of a moment."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime(fmt)
