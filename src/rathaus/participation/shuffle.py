"""A random but stable order of proposals: the same seed always gives the same order.

Pure module. The key is computed by the database too (`selectors.shuffle_key_expression` builds
the same arithmetic as an ORM expression), so a shuffled list can be paginated there: page 2
continues page 1 for as long as the visitor keeps the seed. Integer arithmetic only, so that
SQLite and PostgreSQL agree and nothing overflows a signed 64-bit integer.
"""

from __future__ import annotations

import datetime
import secrets

MODULUS = 2_147_483_647  # 2**31 - 1, a prime
MULTIPLIER = 48_271
SEED_MULTIPLIER = 2_654_435_761  # Knuth's multiplicative hash: neighbouring seeds land far apart


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
    """The seed spread over [0, MODULUS), so that seeds 77 and 78 give unrelated orders."""
    return (seed * SEED_MULTIPLIER) % MODULUS


def shuffle_key(pk: int, seed: int) -> int:
    """A pseudo-random key in [0, MODULUS) for `pk`; squaring makes it non-linear in pk."""
    spread = offset(seed)
    mixed = (pk * MULTIPLIER + spread) % MODULUS
    return (mixed * mixed + spread) % MODULUS
