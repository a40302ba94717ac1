"""The SEPA character set: what may appear in names, remittance texts and identifiers.

SEPA messages only guarantee the EPC's basic Latin set (letters, digits and ``/ - ? : ( ) . , ' +``
and the space). German umlauts are transliterated the German way (ä → ae, ß → ss) before anything
else is reduced to ASCII, so "Müller" becomes "Mueller", not "Muller".
"""

from __future__ import annotations

import re
import unicodedata

SEPA_TEXT_CHARACTERS = re.compile(r"[^A-Za-z0-9/\-?:().,'+ ]")
# Identifiers (mandate reference, end-to-end id, message id): the same set without the space;
# they must not start or end with "/" nor contain "//" (EPC rulebook).
SEPA_IDENTIFIER = re.compile(r"^(?!/)(?!.*//)[A-Za-z0-9/\-?:().,'+]+(?<!/)$")

GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "&": "+"}
)


def to_sepa_text(value: str, *, max_length: int) -> str:
    """``value`` in the SEPA character set, shortened to ``max_length`` characters."""
    text = unicodedata.normalize("NFC", value).translate(GERMAN_TRANSLITERATION)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = " ".join(SEPA_TEXT_CHARACTERS.sub(" ", ascii_text).split())
    return cleaned[:max_length].rstrip()


def is_sepa_identifier(value: str, *, max_length: int = 35) -> bool:
    return len(value) <= max_length and SEPA_IDENTIFIER.match(value) is not None
