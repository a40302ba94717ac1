from datetime import date

import pytest

from rathaus.voting.eligibility import (
    Ineligibility,
    Resident,
    ResidentRule,
    has_completed_years,
    resident_ineligibility,
)

KL = {"municipality_key": "07312000", "municipality": "Kaiserslautern"}
RULE = ResidentRule(municipality_key="07312000", closing_day=date(2026, 6, 14))


def test_a_verified_resident_may_vote():
    assert resident_ineligibility(RULE, Resident(residence=KL)) is None


@pytest.mark.parametrize(
    ("person", "reason"),
    [
        (Resident(signed_in=False), Ineligibility.NOT_SIGNED_IN),
        (Resident(), Ineligibility.RESIDENCE_NOT_VERIFIED),
        (Resident(residence_below_level=True), Ineligibility.RESIDENCE_ASSURANCE_TOO_LOW),
        (Resident(residence={"municipality_key": "07111000"}), Ineligibility.NOT_RESIDENT),
    ],
)
def test_who_may_not_vote_is_told_why(person, reason):
    assert resident_ineligibility(RULE, person) is reason


def test_a_district_poll_needs_a_resident_of_one_of_its_districts():
    rule = ResidentRule(
        municipality_key="07312000", closing_day=date(2026, 6, 14), districts=("Erfenbach",)
    )

    assert resident_ineligibility(rule, Resident(residence={**KL, "district": "Erfenbach"})) is None
    assert (
        resident_ineligibility(rule, Resident(residence={**KL, "district": "Innenstadt"}))
        is Ineligibility.DISTRICT_NOT_INCLUDED
    )
    assert resident_ineligibility(rule, Resident(residence=KL)) is Ineligibility.DISTRICT_UNKNOWN


def test_the_minimum_age_must_be_reached_on_the_closing_day():
    rule = ResidentRule(municipality_key="07312000", closing_day=date(2026, 6, 14), min_age=16)

    sixteen_on_closing_day = Resident(residence=KL, birth_date=date(2010, 6, 14))
    sixteen_a_day_later = Resident(residence=KL, birth_date=date(2010, 6, 15))

    assert resident_ineligibility(rule, sixteen_on_closing_day) is None
    assert resident_ineligibility(rule, sixteen_a_day_later) is Ineligibility.TOO_YOUNG
    assert resident_ineligibility(rule, Resident(residence=KL)) is (
        Ineligibility.BIRTH_DATE_NOT_VERIFIED
    )


def test_someone_born_on_29_february_completes_the_year_at_the_end_of_28_february():
    born = date(2008, 2, 29)

    assert not has_completed_years(born, 18, on=date(2026, 2, 28))
    assert has_completed_years(born, 18, on=date(2026, 3, 1))
