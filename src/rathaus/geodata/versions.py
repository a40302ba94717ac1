"""This process's memory of the geodata data versions, read at most once per GEODATA_VERSION_TTL.

Every OGC, map-data and point-in-district request asks for a data version, and that one query was
most of what a cached OGC items answer cost. Within GEODATA_VERSION_TTL seconds of reading a
version this process answers from memory. A change through the services forgets the version in
the changing process at once (and again when its transaction commits); other processes see it
within the TTL, which stays far below the minute the OGC answers already tell caches they may keep
(``Cache-Control: max-age=60``). Inside a transaction the database is always asked, so a service
reads its own writes. See docs/adr/0237-geodata-versions-remembered-briefly.md.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import connection, transaction

_remembered: dict[str, tuple[float, str]] = {}
_lock = threading.Lock()


def remembered(key: str, read: Callable[[str], str]) -> str:
    """`key`'s version: from memory while it is younger than the TTL, else from `read`."""
    ttl = settings.GEODATA_VERSION_TTL
    if ttl <= 0 or connection.in_atomic_block:
        return read(key)
    now = time.monotonic()
    entry = _remembered.get(key)
    if entry is not None and now - entry[0] < ttl:
        return entry[1]
    version = read(key)
    with _lock:
        _remembered[key] = (now, version)
    return version


def forget(key: str | None = None) -> None:
    """Drop the remembered version of `key` (of all keys with None), now and on commit."""

    def drop() -> None:
        with _lock:
            for name in [name for name in _remembered if key is None or name == key]:
                del _remembered[name]

    drop()
    transaction.on_commit(drop)
