"""Django's database cache, with an `add` of one statement.

The flood limits (core/limits.py) take a token with the cache's atomic `add` on every
submission. Django's database cache makes an `add` five queries: it counts the whole table
(to decide whether to cull), opens a savepoint, reads the key, inserts it and releases the
savepoint. Here `add` is one `INSERT … ON CONFLICT … DO UPDATE … WHERE expired`, which
PostgreSQL and SQLite both run atomically: it writes the key when it is absent or has
expired, and does nothing when a live entry holds it. Expired entries are deleted by one
write in every CULL_EVERY, so the table stays bounded without counting it each time.
Everything else (get, get_many, set, delete) is Django's own.
"""

import base64
import pickle
import random
from datetime import UTC, datetime

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router

CULL_EVERY = 200


class DatabaseCache(DjangoDatabaseCache):
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        ops = connection.ops
        table = ops.quote_name(self._table)
        now = datetime.now(tz=UTC).replace(microsecond=0)
        expires = (
            datetime.max.replace(tzinfo=UTC)
            if timeout is None
            else datetime.fromtimestamp(timeout, tz=UTC).replace(microsecond=0)
        )
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        with connection.cursor() as cursor:
            if random.randrange(CULL_EVERY) == 0:  # noqa: S311 - housekeeping, not security
                cursor.execute(
                    f"DELETE FROM {table} WHERE expires < %s",  # noqa: S608 - our table's name
                    [ops.adapt_datetimefield_value(now)],
                )
            cursor.execute(
                f"INSERT INTO {table} (cache_key, value, expires) VALUES (%s, %s, %s) "  # noqa: S608
                f"ON CONFLICT (cache_key) DO UPDATE SET value = excluded.value, "
                f"expires = excluded.expires WHERE {table}.expires < %s",
                [
                    key,
                    encoded,
                    ops.adapt_datetimefield_value(expires),
                    ops.adapt_datetimefield_value(now),
                ],
            )
            return cursor.rowcount == 1
