"""Reads of the statute: the stored records, and the statute in force as the pure value.

Nothing here writes. The statute is stored by its installer (``manage.py install_services``,
the demo) or by the first change the tax office makes (``services.statute``); until then the
statute in force is the one the configured statute file states.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import get_language

from rathaus.dogtax import taxrules
from rathaus.dogtax.models import STATUTE_PK, DogTaxStatute, RatePeriod
from rathaus.dogtax.statute_records import as_statute
from rathaus.dogtax.statute_source import configured_source, statute_from_source


def statute_record(*, newest_rates_first: bool = False) -> DogTaxStatute | None:
    """The stored statute with its rate periods, exemption kinds and due dates prefetched
    (four queries); None while none is stored."""
    rates = RatePeriod.objects.order_by("-valid_from" if newest_rates_first else "valid_from")
    return (
        DogTaxStatute.objects.prefetch_related(
            Prefetch("rate_periods", queryset=rates), "exemption_kinds", "installment_dates"
        )
        .filter(pk=STATUTE_PK)
        .first()
    )


def current_statute() -> taxrules.Statute:
    """The statute as the tax office keeps it, as the pure value ``taxrules.assess`` takes:
    ``taxrules.assess(statute=current_statute(), year=…, dogs=[…])``. Four queries; while none
    is stored, the statute of the configured file."""
    record = statute_record()
    if record is None:
        return statute_from_source(configured_source())
    return as_statute(record)


def exemption_names() -> dict[str, str]:
    """The name of each exemption kind in the active language, by its code."""
    record = statute_record()
    if record is None:
        english = get_language() == "en"
        return {
            kind.code: kind.name.en if english else kind.name.de
            for kind in current_statute().exemption_kinds
        }
    return {kind.code: kind.name for kind in record.exemption_kinds.all()}
