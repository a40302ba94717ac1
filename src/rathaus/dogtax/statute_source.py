"""Where the statute's first figures come from: a file shipped with the platform or the city's own.

``settings.DOGTAX_STATUTE_DEFAULTS`` names either a shipped statute (``"kaiserslautern"``, read
from ``statute_defaults/``) or the path of a TOML file in the same format. The file seeds the
stored statute once; after that the tax office edits the records and the file is not read again.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from rathaus.dogtax import taxrules

DEFAULT_SOURCE = "kaiserslautern"


def configured_source() -> str:
    return getattr(settings, "DOGTAX_STATUTE_DEFAULTS", "") or DEFAULT_SOURCE


def statute_from_source(source: str) -> taxrules.Statute:
    """Raises ``taxrules.InvalidInput`` when the file is unsound, ``OSError`` when unreadable."""
    if source.endswith(".toml") or "/" in source:
        return taxrules.load_statute(Path(source))
    return taxrules.default_statute(source)
