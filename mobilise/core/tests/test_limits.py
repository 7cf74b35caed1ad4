"""The flood limit's token bucket, against the real (database) cache."""

import pytest

from mobilise.core import limits

pytestmark = pytest.mark.django_db


@pytest.fixture
def now(monkeypatch):
    """A clock the test moves by hand."""
    moment = {"t": 1_000_000.25}
    monkeypatch.setattr(limits, "clock", lambda: moment["t"])
    return moment


def burst(count: int, scope: str = "a", address: str = "192.0.2.1") -> list:
    return [limits.take("submit", scope, address) for _ in range(count)]


def test_a_burst_of_60_is_allowed_and_the_61st_refused(now):
    assert burst(60) == [None] * 60
    refused = limits.take("submit", "a", "192.0.2.1")
    assert isinstance(refused, limits.Refused)
    assert refused.retry_after == 1 and refused.in_words == "1 second"


def test_one_more_is_allowed_after_each_refill_interval(now):
    burst(60)
    now["t"] += 1
    assert limits.take("submit", "a", "192.0.2.1") is None
    assert limits.take("submit", "a", "192.0.2.1") is not None
    now["t"] += 1
    assert limits.take("submit", "a", "192.0.2.1") is None


def test_the_bucket_refills_whole_after_a_quiet_minute(now):
    burst(60)
    now["t"] += 60
    assert burst(60) == [None] * 60
    assert limits.take("submit", "a", "192.0.2.1") is not None


def test_another_address_and_another_assessment_are_not_affected(now):
    burst(61)
    assert limits.take("submit", "a", "192.0.2.2") is None
    assert limits.take("submit", "b", "192.0.2.1") is None
    assert limits.take("start", "a", "192.0.2.1") is None


def test_an_ipv6_network_shares_one_bucket(now):
    assert burst(60, address="2001:db8::1") == [None] * 60
    assert limits.take("submit", "a", "2001:db8::ffff") is not None
    assert limits.take("submit", "a", "2001:db8:0:1::1") is None


def test_settings_change_the_burst_and_the_interval(now, settings):
    settings.MOBILISE_FLOOD_BURST = 3
    settings.MOBILISE_FLOOD_INTERVAL_SECONDS = 10
    assert burst(3) == [None] * 3
    refused = limits.take("submit", "a", "192.0.2.1")
    assert refused is not None and refused.retry_after == 10
    now["t"] += 5
    assert limits.take("submit", "a", "192.0.2.1").retry_after == 5
    now["t"] += 5
    assert limits.take("submit", "a", "192.0.2.1") is None


def test_the_cache_never_holds_the_address(now):
    from django.db import connection

    burst(1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM mobilise_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert keys and not any("192.0.2.1" in key for key in keys)


def test_two_workers_racing_for_the_last_token_get_it_once(now, monkeypatch):
    """Both read the bucket before either writes: the atomic `add` lets one through."""
    burst(59)
    from django.core.cache import caches

    cache = caches["default"]
    real_get_many = cache.get_many
    snapshot = {}

    def stale_get_many(keys, *args, **kwargs):
        if not snapshot:
            snapshot.update(real_get_many(keys))
        return dict(snapshot)

    monkeypatch.setattr(cache, "get_many", stale_get_many)
    results = burst(2)
    assert results.count(None) == 1


def test_the_database_cache_is_bounded_so_its_count_on_every_write_stays_small():
    """Django's database cache counts its rows on every write and deletes expired ones only
    past MAX_ENTRIES: the bound is what keeps each submission's work from growing."""
    from django.conf import settings

    options = settings.CACHES["default"].get("OPTIONS", {})
    if "DatabaseCache" in settings.CACHES["default"]["BACKEND"]:
        assert 1_000 <= options["MAX_ENTRIES"] <= 50_000


def test_an_address_without_a_recent_burst_spends_one_query(now, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mobilise.core import cache as backend

    monkeypatch.setattr(backend, "CULL_EVERY", 10**9)
    with CaptureQueriesContext(connection) as queries:
        assert limits.take("submit", "quiet", "192.0.2.9") is None
    assert len(queries.captured_queries) == 1
    now["t"] += 120  # the bucket's span has passed: the oldest token is free again
    burst(3, "quiet", "192.0.2.9")
    with CaptureQueriesContext(connection) as queries:
        assert limits.take("submit", "quiet", "192.0.2.9") is None
    assert len(queries.captured_queries) == 3  # the oldest was taken: a read, then a write
