"""A random but stable order of proposals: the same seed always gives the same order.

Pure module. The key is computed by the database too (`selectors.shuffle_key_expression` builds
the same arithmetic as an ORM expression), so a shuffled list can be paginated there: page 2
continues page 1 for as long as the visitor keeps the seed. Integer arithmetic only, so that
SQLite and PostgreSQL agree and nothing overflows a signed 64-bit integer.
"""

from __future__ import annotations

import secrets

MODULUS = 2_147_483_647  # 2**31 - 1, a prime
MULTIPLIER = 48_271


def new_seed() -> int:
    return secrets.randbelow(MODULUS - 1) + 1


def valid_seed(value: object) -> int | None:
    """The seed from untrusted input (a query parameter), or None when it is not one."""
    try:
        seed = int(str(value))
    except (TypeError, ValueError):
        return None
    return seed if 0 < seed < MODULUS else None


def shuffle_key(pk: int, seed: int) -> int:
    """A pseudo-random key in [0, MODULUS) for `pk`; squaring makes it non-linear in pk."""
    mixed = (pk * MULTIPLIER + seed) % MODULUS
    return (mixed * mixed + seed) % MODULUS
