"""Demo data of the dog tax: the statute, seeded from the configured statute file."""

from __future__ import annotations

from rathaus.dogtax.services import statute_seed


def load(stdout=None) -> None:
    statute = statute_seed()
    if stdout:
        stdout.write(
            f"  dogtax: statute “{statute.name}” with {statute.rate_periods.count()} rate periods"
        )
