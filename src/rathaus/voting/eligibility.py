"""Who may vote in a poll for residents: the rule as plain values, no database.

The platform looks the person's verified attributes up (residence and date of birth, each at the
assurance level the poll requires) and passes them here; the answer is None (may vote) or the
reason why not, which the booth and the API explain in the person's language.

Age follows §§ 187 (2), 188 (2) BGB: the day of birth counts as the first day of life, so a person
has completed n years at the end of the day before the n-th birthday (for someone born on
29 February, at the end of 28 February). Someone who reaches the minimum age on the closing day may
vote, as in German municipal elections ("am Wahltag das 16. Lebensjahr vollendet").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Ineligibility(StrEnum):
    NOT_SIGNED_IN = "not_signed_in"
    RESIDENCE_NOT_VERIFIED = "residence_not_verified"
    RESIDENCE_ASSURANCE_TOO_LOW = "residence_assurance_too_low"
    NOT_RESIDENT = "not_resident"
    DISTRICT_UNKNOWN = "district_unknown"
    DISTRICT_NOT_INCLUDED = "district_not_included"
    BIRTH_DATE_NOT_VERIFIED = "birth_date_not_verified"
    TOO_YOUNG = "too_young"
    CODE_REQUIRED = "code_required"
    CODE_NOT_ACCEPTED = "code_not_accepted"
    CODE_UNKNOWN = "code_unknown"
    CODE_USED = "code_used"
    ALREADY_VOTED = "already_voted"


@dataclass(frozen=True, kw_only=True)
class ResidentRule:
    municipality_key: str
    closing_day: date
    districts: Collection[str] = ()
    """Empty: the whole municipality."""
    min_age: int | None = None


@dataclass(frozen=True, kw_only=True)
class Resident:
    """What is verified about a person at the poll's level of assurance (None: not verified);
    ``residence_below_level``: verified, but only at a lower level."""

    signed_in: bool = True
    residence: Mapping[str, str] | None = None
    residence_below_level: bool = False
    birth_date: date | None = None


def year_of_life_completed_on(born_on: date, years: int) -> date:
    """The last day of the ``years``-th year of life."""
    if born_on.month == 2 and born_on.day == 29:
        return date(born_on.year + years, 2, 28)
    return born_on.replace(year=born_on.year + years) - timedelta(days=1)


def has_completed_years(born_on: date, years: int, *, on: date) -> bool:
    """Whether ``years`` years of life are completed when the day ``on`` begins."""
    return year_of_life_completed_on(born_on, years) < on


def resident_ineligibility(rule: ResidentRule, person: Resident) -> Ineligibility | None:
    """None if ``person`` may vote under ``rule``, else the first reason why not."""
    if not person.signed_in:
        return Ineligibility.NOT_SIGNED_IN
    residence = person.residence
    if residence is None:
        if person.residence_below_level:
            return Ineligibility.RESIDENCE_ASSURANCE_TOO_LOW
        return Ineligibility.RESIDENCE_NOT_VERIFIED
    if residence.get("municipality_key") != rule.municipality_key:
        return Ineligibility.NOT_RESIDENT
    if rule.districts:
        district = residence.get("district")
        if not district:
            return Ineligibility.DISTRICT_UNKNOWN
        if district not in rule.districts:
            return Ineligibility.DISTRICT_NOT_INCLUDED
    if rule.min_age:
        if person.birth_date is None:
            return Ineligibility.BIRTH_DATE_NOT_VERIFIED
        if not has_completed_years(person.birth_date, rule.min_age, on=rule.closing_day):
            return Ineligibility.TOO_YOUNG
    return None
