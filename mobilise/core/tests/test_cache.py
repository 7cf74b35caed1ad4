"""The database cache's one-statement `add`: atomic, honest about expiry, bounded."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mobilise.core import cache as backend

pytestmark = pytest.mark.django_db(transaction=True)
cache = caches["default"]


@pytest.fixture(autouse=True)
def empty():
    cache.clear()
    yield
    cache.clear()


def test_add_writes_only_a_missing_key_in_one_query(monkeypatch):
    assert isinstance(cache, backend.DatabaseCache)
    monkeypatch.setattr(backend, "CULL_EVERY", 10**9)
    with CaptureQueriesContext(connection) as queries:
        assert cache.add("token:1", {"n": 1}, timeout=60) is True
    assert len(queries.captured_queries) == 1
    assert cache.add("token:1", "other", timeout=60) is False
    assert cache.get("token:1") == {"n": 1}
    assert cache.get_many(["token:1", "token:2"]) == {"token:1": {"n": 1}}


def test_an_expired_key_can_be_added_again():
    cache.add("token:old", "first", timeout=60)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE mobilise_cache SET expires = %s", ["2000-01-01 00:00:00"])
    assert cache.get("token:old") is None
    assert cache.add("token:old", "second", timeout=60) is True
    assert cache.get("token:old") == "second"


def test_expired_entries_are_deleted_now_and_then(monkeypatch):
    for n in range(5):
        cache.add(f"token:{n}", n, timeout=60)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE mobilise_cache SET expires = %s", ["2000-01-01 00:00:00"])
    monkeypatch.setattr(backend, "CULL_EVERY", 1)
    cache.add("token:new", "kept", timeout=60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM mobilise_cache")
        assert [row[0].rsplit(":", 1)[-1] for row in cursor.fetchall()] == ["new"]
