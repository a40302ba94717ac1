"""Hand-off of cases to specialist systems: a registry of outboxes, one module per kind.

An outbox receives a `Parcel` (the case as JSON plus its documents) and must be idempotent by
`parcel.reference`: the engine retries failed deliveries, and a retry must replace what an
earlier attempt left, never create a second case in the receiving system.

    from rathaus.eservices.outboxes import Outbox, Parcel, register_outbox

    @register_outbox
    class VendorOutbox(Outbox):
        key = "vendor"
        label = "Vendor system"

        def deliver(self, parcel: Parcel) -> None:
            url = f"{BASE}/cases/{parcel.reference}"
            response = requests.put(url, json=parcel.data, timeout=10)
            response.raise_for_status()   # an exception means: try again later

Two exceptions say more than "try again later": `DeliveryRefused` (the receiving side refused for
a reason another attempt will not change: the delivery fails at once) and `DeliveryUnderway`
(handed over, or one durable step done, but not yet confirmed: not a failure; the engine commits
what the outbox recorded and asks again after `check_again_in`). An outbox may also tell the clerk
where a delivery stands (`progress`) and whether sending a failed one again makes sense
(`may_retry`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, ClassVar


@dataclass(frozen=True)
class Parcel:
    reference: str
    data: dict[str, Any]
    documents: list[tuple[str, bytes]] = field(default_factory=list)


class DeliveryRefused(Exception):
    """Refused for a reason that trying again will not change: the delivery fails at once."""


class DeliveryUnderway(Exception):
    """Not done, not failed: look again after `check_again_in` (not counted as an attempt)."""

    def __init__(self, message: str = "", *, check_again_in: timedelta) -> None:
        super().__init__(message)
        self.check_again_in = check_again_in


class Outbox:
    key: ClassVar[str] = ""
    label: ClassVar[Any] = ""

    @classmethod
    def available(cls) -> bool:
        """Offered to staff (an outbox the city has not switched on is not)."""
        return True

    def deliver(self, parcel: Parcel) -> None:
        """Hand the parcel over; raise any exception to have the delivery retried."""
        raise NotImplementedError

    def progress(self, *, reference: str) -> str:
        """Where the delivery of this case stands, in a sentence for the clerk ("" for nothing)."""
        return ""

    def may_retry(self, *, reference: str) -> bool:
        """Whether a clerk may send a failed delivery of this case again."""
        return True


_OUTBOXES: dict[str, type[Outbox]] = {}


def register_outbox(outbox: type[Outbox]) -> type[Outbox]:
    if not outbox.key:
        raise ValueError("An outbox needs a key.")
    known = _OUTBOXES.get(outbox.key)
    if known is not None and known is not outbox:
        raise ValueError(f"An outbox with the key {outbox.key!r} is already registered.")
    _OUTBOXES[outbox.key] = outbox
    return outbox


def outbox_for(key: str) -> Outbox:
    try:
        return _OUTBOXES[key]()
    except KeyError:
        raise LookupError(f"No outbox is registered under {key!r}.") from None


def outbox_choices() -> list[tuple[str, str]]:
    return [
        (key, str(outbox.label or key))
        for key, outbox in sorted(_OUTBOXES.items())
        if outbox.available()
    ]
