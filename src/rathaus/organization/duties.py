"""Duties: what a department is responsible for, declared by the domains, given to departments by
the city (`UnitDuty`).

A domain names the duty its staff predicates need ("dogtax.tax_office": assessing the dog tax),
never a department's slug: each city calls its departments what it likes, installs them from its
own file (ORGANIZATION_UNITS) and says which of them holds which duty.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Duty:
    code: str
    name: str | Promise


_DUTIES: dict[str, Duty] = {}


def register_duty(code: str, name: str | Promise) -> Duty:
    duty = Duty(code=code, name=name)
    _DUTIES[code] = duty
    return duty


def duties() -> list[Duty]:
    return sorted(_DUTIES.values(), key=lambda duty: duty.code)


def duty_choices() -> list[tuple[str, str | Promise]]:
    return [(duty.code, duty.name) for duty in duties()]
