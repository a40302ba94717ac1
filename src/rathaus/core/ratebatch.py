"""Rate-limit counts of busy read scopes gathered per process and added to the shared counter
in batches (ADR 0451).

A counted request normally costs one statement on the shared counter (a row in the database,
or Redis). For scopes that only protect the server from one client's flood of reads (the OGC
API: `settings.RATE_LIMIT_BATCHED`) that statement costs more than the answer itself. Here a
process counts each client's requests of the current window itself and adds them to the shared
counter once they reach the batch size (a fiftieth of the limit, at most 50), learning the
total of all processes in the same statement. A client is refused when the last known total
plus this process's own count not yet added is over the limit. So the limit holds to within
(batch size − 1) requests per process and window, and a burst of a few requests costs no
statement at all.

The shared counter is the one django-ratelimit uses (`RATELIMIT_USE_CACHE`), under keys of this
module's own; fixed windows start at multiples of the period. Counts of past windows are
dropped when a new window starts, and a process remembers at most `MAX_CLIENTS` clients per
window (beyond that, every request of a new client is added at once, as without batching).
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

MAX_BATCH = 50
MAX_CLIENTS = 20_000
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")


def parse_rate(rate: str) -> tuple[int, int]:
    """`"300/m"` → (300, 60); `"60/10m"` → (60, 600): django-ratelimit's notation."""
    match = RATE.match(rate)
    if match is None:
        raise ValueError(f"not a rate: {rate!r}")
    count, multiple, unit = match.groups()
    return int(count), int(multiple or 1) * UNITS[unit]


def batch_size(limit: int) -> int:
    return max(1, min(MAX_BATCH, limit // 50))


@dataclass
class _Count:
    pending: int = 0  # counted here, not yet added to the shared counter
    known: int = 0  # the shared total when this process last added to it


class BatchedCounter:
    """One process's counts of one scope (thread-safe; one instance per scope and process)."""

    def __init__(self, scope: str, rate: str) -> None:
        self.scope = scope
        self.limit, self.period = parse_rate(rate)
        self.batch = batch_size(self.limit)
        self._lock = threading.Lock()
        self._window = -1
        self._counts: dict[str, _Count] = {}

    def hit(self, client: str, now: float | None = None) -> int | None:
        """Count one request of `client`; the seconds until the window ends when it is over the
        limit, else None."""
        now = time.time() if now is None else now
        window = int(now // self.period)
        key = hashlib.sha256(client.encode()).hexdigest()[:32]
        with self._lock:
            if window != self._window:
                self._window, self._counts = window, {}
            count = self._counts.get(key)
            if count is None:
                count = _Count()
                if len(self._counts) < MAX_CLIENTS:
                    self._counts[key] = count
            count.pending += 1
            flush = count.pending if count.pending >= self.batch or key not in self._counts else 0
            if flush:
                count.pending = 0
        if flush:
            total = self._add(f"rathaus.batched.{self.scope}.{window}.{key}", flush)
            with self._lock:
                count.known = max(count.known, total)
        with self._lock:
            over = count.known + count.pending > self.limit
        return max(1, math.ceil((window + 1) * self.period - now)) if over else None

    def _add(self, key: str, amount: int) -> int:
        """Add `amount` to the shared counter; its new total (0 when the store fails: open)."""
        store = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
        try:
            if store.add(key, amount, self.period + 1):
                return amount
            return store.incr(key, amount)
        except Exception:  # a failing counter store must not lock every client out
            logger.warning("rate-limit counter store failed for %s", self.scope, exc_info=True)
            return 0


_counters: dict[tuple[str, str], BatchedCounter] = {}
_counters_lock = threading.Lock()


def counter(scope: str, rate: str) -> BatchedCounter:
    """This process's counter of `scope` at `rate` (a new one when the rate setting changes)."""
    with _counters_lock:
        found = _counters.get((scope, rate))
        if found is None:
            found = _counters[(scope, rate)] = BatchedCounter(scope, rate)
        return found


def forget() -> None:
    """Drop this process's counts (tests: each starts without them)."""
    with _counters_lock:
        _counters.clear()
