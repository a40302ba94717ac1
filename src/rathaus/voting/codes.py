"""Voting codes and ballot trackers: random, readable strings in Crockford's base 32.

Crockford's alphabet leaves out I, L, O and U, so nothing on a letter or a receipt can be misread;
what a person types is normalised (case, spaces, hyphens, O read as 0, I and L as 1) before it is
compared. Both are shown in groups: codes ``ABCD-EFGH-JKMN-PQRS`` (16 characters, 80 random bits),
trackers ``ABCDE-FGHJK-MNPQR-STVWX-YZ012`` (25 characters, 125 random bits).

A code is stored only as an HMAC-SHA256 digest under a random per-poll salt, so the database never
holds a usable code; see docs/adr/0060-vote-secrecy.md.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH, CODE_GROUP = 16, 4
TRACKER_LENGTH, TRACKER_GROUP = 25, 5
SALT_BYTES = 32

_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = str.maketrans("", "", " -_.\t")


def _random(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def grouped(text: str, size: int) -> str:
    return "-".join(text[start : start + size] for start in range(0, len(text), size))


def normalised(text: str) -> str:
    """What a person typed, reduced to the alphabet's characters (not checked further)."""
    return text.upper().translate(_SEPARATORS).translate(_MISREAD)


def new_code() -> str:
    """A fresh voting code, grouped for a letter."""
    return grouped(_random(CODE_LENGTH), CODE_GROUP)


def is_code(text: str) -> bool:
    plain = normalised(text)
    return len(plain) == CODE_LENGTH and all(char in ALPHABET for char in plain)


def code_digest(code: str, salt: bytes) -> str:
    """The stored form of a code: HMAC-SHA256 under the poll's salt, as hex."""
    return hmac.new(salt, normalised(code).encode("ascii"), hashlib.sha256).hexdigest()


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def new_tracker() -> str:
    """A fresh ballot tracker, grouped as the voter sees it (and as it is stored)."""
    return grouped(_random(TRACKER_LENGTH), TRACKER_GROUP)


def tracker_form(text: str) -> str | None:
    """The stored form of a tracker a person typed, or None if it cannot be one."""
    plain = normalised(text)
    if len(plain) != TRACKER_LENGTH or any(char not in ALPHABET for char in plain):
        return None
    return grouped(plain, TRACKER_GROUP)
