"""A cache backend for django-ratelimit's counters in the database (``core_ratecounter``).

The file cache (the default without Redis) writes a file for every counted request and its
``incr`` (read, then write) loses counts when processes race; a counter in the database is
shared by every process and machine that uses the database, each increment is one atomic
statement, and on PostgreSQL the table is UNLOGGED (no WAL flush). ``settings`` selects it as
``RATELIMIT_USE_CACHE`` when the database is PostgreSQL and the cache is not Redis
(``RATE_LIMIT_COUNTERS``); with Redis the counters stay in Redis.

Only what django-ratelimit asks is offered: ``add``, ``incr`` and ``get`` of integer counters
(and ``delete``/``clear`` for tests). Every statement runs on the default database in the
caller's transaction state (autocommit in a request). A newly written counter deletes up to 100
expired ones, so the table holds about one row per active client and scope. See
docs/adr/0362-rate-limit-counters-in-the-database.md.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import connection
from django.utils import timezone

from rathaus.core.models import RateCounter

_TABLE = connection.ops.quote_name(RateCounter._meta.db_table)

# django-ratelimit counts with add(key, 1), and when the counter exists, incr(key): one
# statement here does both. A fresh or expired counter starts at the value; a live one grows by
# it. Returns the count and whether it started.
_COUNT = (
    f"INSERT INTO {_TABLE} AS c (key, value, expires) VALUES (%s, %s, %s) "  # noqa: S608
    "ON CONFLICT (key) DO UPDATE SET "
    "value = CASE WHEN c.expires <= %s THEN EXCLUDED.value ELSE c.value + EXCLUDED.value END, "
    "expires = CASE WHEN c.expires <= %s THEN EXCLUDED.expires ELSE c.expires END "
    "RETURNING value, expires = %s"
)
_EXPIRED = (
    f"DELETE FROM {_TABLE} WHERE key IN (SELECT key FROM {_TABLE} "  # noqa: S608
    "WHERE expires <= %s LIMIT 100)"
)
_INCR = f"UPDATE {_TABLE} SET value = value + %s WHERE key = %s AND expires > %s RETURNING value"  # noqa: S608
_GET = f"SELECT value FROM {_TABLE} WHERE key = %s AND expires > %s"  # noqa: S608
_DELETE = f"DELETE FROM {_TABLE} WHERE key = %s"  # noqa: S608


def _at(moment):
    return connection.ops.adapt_datetimefield_value(moment)


class DatabaseCounters(BaseCache):
    """Integer counters with an expiry, one row each, changed by single statements."""

    def __init__(self, location, params):  # the location names nothing: the table is fixed
        super().__init__(params)
        # (amount, count) of an ``add`` that grew a live counter, for the ``incr`` by the same
        # amount that the caller sends next (caches are per thread).
        self._counted: dict[str, tuple[int, int]] = {}

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        """Start the counter at ``value`` unless it is live; a live one grows by ``value``
        at once, and the ``incr`` by the same amount that django-ratelimit (or
        ``core.ratebatch``) sends next answers with that count without a second statement.
        True if the counter started."""
        key = self.make_and_validate_key(key, version=version)
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        # None: never expires (django-ratelimit always gives a period); a day is plenty.
        now = timezone.now()
        expires = _at(now + timedelta(seconds=86400 if timeout is None else timeout))
        with connection.cursor() as cursor:
            cursor.execute(_COUNT, [key, int(value), expires, _at(now), _at(now), expires])
            count, started = cursor.fetchone()
            if started:  # once per client, scope and window: take expired counters away
                cursor.execute(_EXPIRED, [_at(now)])
        if started:
            self._counted.pop(key, None)
        else:
            self._counted[key] = (int(value), count)
        return bool(started)

    def incr(self, key, delta=1, version=None) -> int:
        key = self.make_and_validate_key(key, version=version)
        added = self._counted.pop(key, None)
        if added is not None and added[0] == delta:  # counted by the add just before
            return added[1]
        with connection.cursor() as cursor:
            cursor.execute(_INCR, [int(delta), key, _at(timezone.now())])
            row = cursor.fetchone()
        if row is None:
            raise ValueError(f"Key '{key}' not found")
        return row[0]

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with connection.cursor() as cursor:
            cursor.execute(_GET, [key, _at(timezone.now())])
            row = cursor.fetchone()
        return default if row is None else row[0]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        self.delete(key, version=version)
        self.add(key, value, timeout, version=version)

    def delete(self, key, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        with connection.cursor() as cursor:
            cursor.execute(_DELETE, [key])
            return cursor.rowcount > 0

    def clear(self) -> None:
        RateCounter.objects.all().delete()
