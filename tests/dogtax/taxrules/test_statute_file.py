from datetime import date
from decimal import Decimal

import pytest

from rathaus.dogtax.taxrules import Code, ExemptionLevel, InvalidInput, statute_from_toml

MINIMAL = """
name = "Test"
[[rate_periods]]
valid_from = 2022-01-01
first = 120.00
second = 168
further = 228.00
[[installment_dates]]
month = 7
day = 1
covers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
"""


def test_kaiserslautern_rates_are_read_with_their_validity(kaiserslautern):
    periods = [
        (p.valid_from, p.valid_until, p.first, p.second, p.further, p.dangerous)
        for p in kaiserslautern.rate_periods
    ]

    assert periods == [
        (
            date(2017, 1, 1),
            date(2021, 12, 31),
            Decimal("102.00"),
            Decimal("150.00"),
            Decimal("198.00"),
            None,
        ),
        (date(2022, 1, 1), None, Decimal("120.00"), Decimal("168.00"), Decimal("228.00"), None),
    ]


def test_kaiserslautern_due_dates_and_options(kaiserslautern):
    assert [(d.month, d.day, d.covers) for d in kaiserslautern.installment_dates] == [
        (2, 15, (1, 2, 3)),
        (5, 15, (4, 5, 6)),
        (8, 15, (7, 8, 9)),
        (11, 15, (10, 11, 12)),
    ]
    assert kaiserslautern.whole_year_due.on(2026) == date(2026, 7, 1)
    assert kaiserslautern.late_assessment_due_months == 1
    assert not kaiserslautern.late_deregistration.enabled
    assert kaiserslautern.late_deregistration.grace_days == 14


def test_kaiserslautern_exemptions_with_names_and_evidence_in_both_languages(kaiserslautern):
    kinds = {k.code: k for k in kaiserslautern.exemption_kinds}

    assert {code: k.level for code, k in kinds.items()} == {
        "shelter": ExemptionLevel.DOG,
        "nato_forces": ExemptionLevel.KEEPER,
        "assistance": ExemptionLevel.DOG,
        "rescue": ExemptionLevel.DOG,
    }
    assert (kinds["shelter"].duration_months, kinds["shelter"].once_in_years) == (24, 10)
    assert kinds["assistance"].duration_months is None
    assert kinds["shelter"].name.de == "Hund aus dem Tierheim"
    assert kinds["nato_forces"].evidence.en == "Status document"
    assert all(k.name.de and k.name.en and k.evidence.de and k.evidence.en for k in kinds.values())


def test_a_minimal_statute_takes_the_defaults():
    statute = statute_from_toml(MINIMAL)

    assert statute.currency == "EUR"
    assert statute.rate_periods[0].second == Decimal("168")
    assert statute.whole_year_due is None
    assert not statute.late_deregistration.enabled
    assert statute.exemption_kinds == ()


def test_missing_and_mistyped_keys_are_reported_with_their_paths():
    text = MINIMAL.replace("first = 120.00\n", "").replace(
        "valid_from = 2022-01-01", 'valid_from = "2022"'
    )

    with pytest.raises(InvalidInput) as caught:
        statute_from_toml(text + '[[exemption_kinds]]\ncode = "x"\nlevel = "cat"\n')

    assert {(p.field, p.code) for p in caught.value.problems} >= {
        ("rate_periods[0].first", Code.MISSING),
        ("rate_periods[0].valid_from", Code.WRONG_TYPE),
        ("exemption_kinds[0].level", Code.WRONG_TYPE),
        ("exemption_kinds[0].name.de", Code.MISSING),
    }


def test_unsound_figures_in_a_file_are_refused():
    with pytest.raises(InvalidInput) as caught:
        statute_from_toml(MINIMAL.replace("second = 168", "second = -168"))

    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("rate_periods[0].second", Code.NEGATIVE_AMOUNT)
    ]


def test_a_file_that_is_no_toml_is_refused():
    with pytest.raises(InvalidInput):
        statute_from_toml("name = ")
