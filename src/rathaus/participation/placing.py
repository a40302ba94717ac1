"""Which district a contribution belongs to: the one its point lies in, once the geodata app has
the district boundaries; otherwise the district the person chose.

Participation stores a district by its name (the `Name` of the city's boundary file), so the name
of the geodata `District` containing the point is stored as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rathaus.geodata.selectors import boundaries_imported, district_at


@dataclass(frozen=True)
class Placement:
    district: str
    # The point lies outside every district of the city (only known once boundaries exist).
    outside: bool = False


def place(*, latitude: Decimal | None, longitude: Decimal | None, chosen: str) -> Placement:
    """The district for a point; `chosen` when there is no point, no boundaries, or the point
    lies outside the city."""
    if latitude is None or longitude is None:
        return Placement(chosen)
    found = district_at(float(longitude), float(latitude))
    if found is not None:
        return Placement(found.name)
    return Placement(chosen, outside=boundaries_imported())
