"""The districts a project or proposal can be filed under (interim, until geodata provides them).

Models store the district as its name (`district` fields, the `Name` of the city's boundary
file) so that the geodata app can later map each value to its `District` row by name.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

DISTRICTS_FILE = Path(__file__).resolve().parent / "data" / "districts.toml"


@cache
def district_names() -> tuple[str, ...]:
    with open(DISTRICTS_FILE, "rb") as handle:
        return tuple(tomllib.load(handle)["names"])


def district_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in district_names()]
