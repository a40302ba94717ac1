"""The departments a city needs on day one, from the file named by ORGANIZATION_UNITS (by default
`definitions/units.json`, Kaiserslautern's), installed once."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings

from rathaus.organization.models import OrgUnit, UnitDuty

UNITS_FILE = Path(__file__).parent / "definitions" / "units.json"


def units() -> list[dict]:
    path = Path(getattr(settings, "ORGANIZATION_UNITS", "") or UNITS_FILE)
    return json.loads(path.read_text("utf-8"))


def units_install() -> str:
    """Create the departments that are missing; a department the city edited stays as it is."""
    entries = units()
    created = 0
    for entry in entries:
        unit, new = OrgUnit.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "name_de": entry["name"]["de"],
                "name_en": entry["name"]["en"],
                "kind": entry["kind"],
                "parent": OrgUnit.objects.get(slug=entry["parent"]) if entry["parent"] else None,
                "handles_cases": entry["handles_cases"],
                "email": entry["email"],
            },
        )
        if new:
            UnitDuty.objects.bulk_create(
                UnitDuty(unit=unit, duty=duty) for duty in entry.get("duties", ())
            )
        created += new
    return f"{created} of {len(entries)} departments added"
