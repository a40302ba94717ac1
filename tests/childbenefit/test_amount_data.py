from decimal import Decimal

import pytest

from rathaus.childbenefit.benefitrules import AmountDataError, Month, parse_amounts


@pytest.mark.parametrize(
    ("month", "ordinal", "amount"),
    [
        ("2022-01", 1, "219.00"),
        ("2022-06", 2, "219.00"),
        ("2022-12", 3, "225.00"),
        ("2022-12", 4, "250.00"),
        ("2022-12", 7, "250.00"),
        ("2023-01", 3, "250.00"),
        ("2024-12", 1, "250.00"),
        ("2025-07", 1, "255.00"),
        ("2026-12", 5, "259.00"),
    ],
)
def test_the_default_amounts_follow_the_law_year_by_year(amounts, month, ordinal, amount):
    assert amounts.amount_for(Month.parse(month), ordinal) == Decimal(amount)


def test_the_default_amounts_say_nothing_about_2027_yet(amounts):
    assert amounts.gaps(Month(2026, 12), Month(2027, 12)) == [(Month(2027, 1), Month(2027, 12))]
    with pytest.raises(LookupError, match="2027-01"):
        amounts.amount_for(Month(2027, 1), 1)


def test_amounts_are_read_as_exact_decimals():
    schedule = parse_amounts(
        '[[period]]\nvalid_from = "2030-01"\nvalid_until = "2030-12"\namount = 0.1\n'
    )

    assert schedule.amount_for(Month(2030, 1), 1) == Decimal("0.10")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[period]\n", "not valid TOML"),
        ("", "at least one"),
        ('[[period]]\nvalid_from = "2030-01"\nvalid_until = "2030-12"\n', "either amount"),
        (
            '[[period]]\nvalid_from = "2030-01"\nvalid_until = "2030-12"\namount = 1\n'
            "by_ordinal = [1]\n",
            "either amount",
        ),
        ('[[period]]\nvalid_from = "2030-01"\nvalid_until = "2030-12"\namount = "x"\n', "number"),
        ('[[period]]\nvalid_from = "2030-01"\nvalid_until = "2030-12"\namount = 1.001\n', "cent"),
        ('[[period]]\nvalid_from = "2030-01"\nvalid_until = "2030-12"\namount = -5\n', "negative"),
        (
            '[[period]]\nvalid_from = "2030-01"\nvalid_until = "2030-12"\nby_ordinal = []\n',
            "at least one amount",
        ),
        ('[[period]]\nvalid_from = "2030-1"\nvalid_until = "2030-12"\namount = 1\n', "YYYY-MM"),
        (
            '[[period]]\nvalid_from = "2030-05"\nvalid_until = "2030-04"\namount = 1\n',
            "ends before",
        ),
        (
            '[[period]]\nvalid_from = "2030-01"\nvalid_until = "2030-12"\namount = 1\n'
            '[[period]]\nvalid_from = "2030-12"\nvalid_until = "2031-12"\namount = 1\n',
            "overlap",
        ),
    ],
)
def test_malformed_amount_data_is_refused_with_the_reason(text, message):
    with pytest.raises(AmountDataError, match=message):
        parse_amounts(text)
