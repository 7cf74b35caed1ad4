"""The UK's day and the UK date of a moment, whatever the server's clock says."""

import datetime
from datetime import UTC

import pytest
from django.utils import timezone

from mobilise.core.dates import uk_date, uk_today


def at(monkeypatch, moment: datetime.datetime) -> None:
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.mark.parametrize(
    ("moment", "today"),
    [
        # 23:30 UTC in summer is 00:30 the next day in the UK (BST).
        (datetime.datetime(2026, 6, 30, 23, 30, tzinfo=UTC), datetime.date(2026, 7, 1)),
        # In winter the UK is on UTC.
        (datetime.datetime(2026, 12, 31, 23, 30, tzinfo=UTC), datetime.date(2026, 12, 31)),
    ],
)
def test_today_is_the_uk_date(monkeypatch, moment, today):
    at(monkeypatch, moment)
    assert uk_today() == today


LATE_IN_JULY = datetime.datetime(2026, 7, 1, 23, 30, tzinfo=datetime.UTC)


def test_a_late_summer_evening_in_utc_is_the_next_day_in_the_uk():
    assert uk_date(LATE_IN_JULY) == "2 July 2026"
    assert uk_date(LATE_IN_JULY, "%-d %b %Y, %H:%M") == "2 Jul 2026, 00:30"
    assert uk_date(datetime.date(2026, 7, 1)) == "1 July 2026"
