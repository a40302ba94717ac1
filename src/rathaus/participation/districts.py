"""The districts a project or proposal can be filed under: the city's own, from geodata.

Models store the district as its name (`district` fields, the `Name` of the city's boundary
file, see `manage.py import_districts`) so that each value maps to its `District` row by name.
Until a city imports its boundaries there are none, and everything is filed under the whole city.
"""

from __future__ import annotations

from rathaus.geodata.selectors import districts


def district_names() -> tuple[str, ...]:
    return tuple(districts().values_list("name", flat=True))


def district_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in district_names()]
