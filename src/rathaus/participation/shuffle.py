"""A random but stable order of proposals: the same seed always gives the same order.

Pure module. Every proposal draws a random `shuffle_key` once, at creation, from the circle
[0, MODULUS). A visitor's seed picks a starting point on that circle (`offset`); the list runs
from there along ascending keys and wraps around to the start. So the database pages through an
index (no key is computed per row and request), page 2 continues page 1 for as long as the visitor
keeps the seed, and every proposal comes first for some seeds: the keys are uniformly random, so
each proposal is equally likely to be on page 1 of a random seed. See ADR 0391.
"""

from __future__ import annotations

import datetime
import secrets

MODULUS = 2_147_483_647  # 2**31 - 1: keys fit a signed 32-bit integer column
SEED_MULTIPLIER = 2_654_435_761  # Knuth's multiplicative hash: neighbouring seeds land far apart


def new_key() -> int:
    """The random key of a new proposal, in [0, MODULUS)."""
    return secrets.randbelow(MODULUS)


def new_seed() -> int:
    return secrets.randbelow(MODULUS - 1) + 1


def daily_seed(day: datetime.date) -> int:
    """The same seed for everyone on one day (for visitors without a session)."""
    return day.toordinal() % (MODULUS - 1) + 1


def valid_seed(value: object) -> int | None:
    """The seed from untrusted input (a query parameter), or None when it is not one."""
    try:
        seed = int(str(value))
    except (TypeError, ValueError):
        return None
    return seed if 0 < seed < MODULUS else None


def offset(seed: int) -> int:
    """Where the order of `seed` starts on the circle of keys, in [0, MODULUS): seeds 77 and 78
    start far apart."""
    return (seed * SEED_MULTIPLIER) % MODULUS


def rotated(keys: list[tuple[int, int]], seed: int) -> list[tuple[int, int]]:
    """(key, id) pairs in the order of `seed`: the reference the database query must follow."""
    start = offset(seed)
    return sorted(keys, key=lambda pair: (pair[0] < start, pair[0], pair[1]))
