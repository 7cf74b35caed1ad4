import datetime
from datetime import UTC

import pytest
from django.utils import timezone

from mobilise.core.dates import uk_today


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
