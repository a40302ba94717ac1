"""A short fingerprint of this release's code, templates and translations.

Cached page fragments (ADR 0371) are kept under it: after an update, no page shows a fragment
rendered by the previous release's templates or forms, without emptying the rest of the cache
(sign-in throttling, rate limits, TOTP replay protection). Every machine running the same code
computes the same fingerprint, so they share their fragments.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
KINDS = ("*.py", "*.html", "*.po", "*.txt", "*.json", "*.toml")


def fingerprint(root: Path = PACKAGE) -> str:
    digest = hashlib.blake2b(digest_size=6)
    for kind in KINDS:
        for path in sorted(root.rglob(kind)):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
