"""Sign-in locks per client address, only for an address that fails for many accounts.

Failed attempts lock the account itself through allauth's `login_failed` rate (per key, that
is per e-mail address). A whole client address is locked only when it fails for many
*different* accounts within a window (someone trying addresses), so that ten mistyped or
made-up addresses never lock out a correct sign-in from the same address, and a lock for one
account never stops another citizen behind the same address.

Counters live in Django's cache, shared by all processes when the cache is Redis.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

from rathaus.core.client import client_ip

PREFIX = "rathaus:signin"


def _counter_key(address: str) -> str:
    return f"{PREFIX}:accounts:{address}"


def signin_failure_record(request, login: str) -> None:
    """Count `login` once per window among the accounts the client address failed for."""
    address = client_ip(request)
    window = settings.LOGIN_FAILED_CLIENT_WINDOW
    digest = hashlib.sha256(login.strip().lower().encode()).hexdigest()
    if not cache.add(f"{PREFIX}:failed:{address}:{digest}", 1, window):
        return  # this account already counted for this address
    counter = _counter_key(address)
    cache.add(counter, 0, window)
    try:
        cache.incr(counter)
    except ValueError:  # expired between add and incr
        cache.set(counter, 1, window)


def signin_client_locked(request) -> bool:
    """Whether the client address failed for too many different accounts lately."""
    failed = cache.get(_counter_key(client_ip(request)), 0)
    return failed >= settings.LOGIN_FAILED_ACCOUNTS_PER_CLIENT
