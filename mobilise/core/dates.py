"""The service's day is the UK's: closing dates, due dates and "today" are read in
Europe/London, whatever the server's clock says."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

UK = ZoneInfo("Europe/London")


def uk_today() -> datetime.date:
    return timezone.now().astimezone(UK).date()
