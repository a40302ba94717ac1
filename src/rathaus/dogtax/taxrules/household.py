"""What is assessed: one keeper's household and its dogs, as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, kw_only=True)
class Exemption:
    """An exemption of a kind named in the statute, granted from/until the given days (open when
    None). A month is exempt when the grant is in force on its first day."""

    kind: str
    granted_from: date | None = None
    granted_until: date | None = None


@dataclass(frozen=True, kw_only=True)
class EarlierGrant:
    """An exemption a dog of the household got before, outside this assessment; it counts
    against the statute's once-in-N-years limit of its kind."""

    kind: str
    started_on: date


@dataclass(frozen=True, kw_only=True)
class Keeper:
    exemption: Exemption | None = None
    """A keeper-level exemption (NATO forces), exempting all the keeper's dogs."""
    earlier_grants: tuple[EarlierGrant, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Dog:
    ref: str
    """The caller's name for the dog, echoed in the result."""
    kept_since: date
    """The day the dog was taken into the household in the city (or moved in with it)."""
    born_on: date | None = None
    given_up_on: date | None = None
    """The day the dog was sold, given away or died, or its keeper moved out of the city."""
    deregistered_on: date | None = None
    """The day giving up was reported; only used by the late-deregistration rule."""
    exemption: Exemption | None = None
    dangerous: bool = False
