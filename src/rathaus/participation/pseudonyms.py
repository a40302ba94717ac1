"""Public pseudonyms: how a person appears in the participation platform instead of a name.

Pure module. A default pseudonym is generated (a word from the Palatinate forest and a number);
people may choose their own on their first contribution within the rules below. A pseudonym must
never be, or contain, an e-mail address.
"""

from __future__ import annotations

import random
import re

WORDS = (
    "Buche",
    "Eiche",
    "Linde",
    "Kiefer",
    "Ahorn",
    "Lauter",
    "Falke",
    "Luchs",
    "Fuchs",
    "Dachs",
    "Specht",
    "Eule",
    "Reh",
    "Hirsch",
    "Biber",
    "Wildkatze",
)

MIN_LENGTH = 3
MAX_LENGTH = 40
ALLOWED = re.compile(r"^[\w][\w .\-]*[\w.]$")


def generate(rng: random.Random | None = None) -> str:
    rng = rng or random.SystemRandom()
    return f"{rng.choice(WORDS)}-{rng.randrange(1000, 10000)}"


def problem(pseudonym: str) -> str | None:
    """Why `pseudonym` cannot be used (`too_short`, `too_long`, `characters`, `email`), or None."""
    if "@" in pseudonym:
        return "email"
    if len(pseudonym) < MIN_LENGTH:
        return "too_short"
    if len(pseudonym) > MAX_LENGTH:
        return "too_long"
    if not ALLOWED.match(pseudonym) or "  " in pseudonym:
        return "characters"
    return None


def normalise(pseudonym: str) -> str:
    """Surrounding blanks removed and inner runs of blanks collapsed."""
    return " ".join(pseudonym.split())
