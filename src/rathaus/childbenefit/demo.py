"""Demo data for child benefit: the amounts of the defaults file (idempotent)."""

from __future__ import annotations

from rathaus.childbenefit.services import amount_defaults_seed


def load(stdout=None) -> None:
    created = amount_defaults_seed(actor=None)
    if stdout:
        stdout.write(f"  childbenefit: {len(created)} amount rows added")
