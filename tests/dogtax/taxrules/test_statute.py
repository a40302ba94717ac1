from dataclasses import replace
from datetime import date
from decimal import Decimal

from rathaus.dogtax.taxrules import Code, DueDate, statute_problems


def problems(statute):
    return {(p.field, p.code) for p in statute_problems(statute)}


def test_the_kaiserslautern_statute_is_sound(kaiserslautern):
    assert statute_problems(kaiserslautern) == ()


def test_overlapping_rate_periods_are_refused(kaiserslautern):
    older, newer = kaiserslautern.rate_periods
    statute = replace(
        kaiserslautern, rate_periods=(older, replace(newer, valid_from=date(2021, 12, 31)))
    )

    assert problems(statute) == {("rate_periods[1].valid_from", Code.PERIODS_OVERLAP)}


def test_a_rate_period_ending_before_it_starts_is_refused(kaiserslautern):
    older, newer = kaiserslautern.rate_periods
    statute = replace(
        kaiserslautern, rate_periods=(replace(older, valid_until=date(2016, 1, 1)), newer)
    )

    assert problems(statute) == {("rate_periods[0].valid_until", Code.ENDS_BEFORE_START)}


def test_negative_rates_are_refused(kaiserslautern):
    older, newer = kaiserslautern.rate_periods
    statute = replace(kaiserslautern, rate_periods=(older, replace(newer, dangerous=Decimal("-1"))))

    assert problems(statute) == {("rate_periods[1].dangerous", Code.NEGATIVE_AMOUNT)}


def test_instalments_must_cover_every_month_once(kaiserslautern):
    first, second, third, fourth = kaiserslautern.installment_dates
    statute = replace(
        kaiserslautern,
        installment_dates=(first, second, third, replace(fourth, covers=(9, 10, 11, 12))),
    )

    assert problems(statute) == {("installment_dates", Code.MONTHS_NOT_COVERED_ONCE)}


def test_a_due_date_must_exist_in_every_year(kaiserslautern):
    statute = replace(kaiserslautern, whole_year_due=DueDate(month=2, day=29))

    assert problems(statute) == {("whole_year_due", Code.INVALID_DATE)}


def test_exemption_codes_are_unique_per_level(kaiserslautern):
    shelter = kaiserslautern.exemption_kinds[0]
    statute = replace(kaiserslautern, exemption_kinds=(*kaiserslautern.exemption_kinds, shelter))

    assert problems(statute) == {
        ("exemption_kinds[0].code", Code.DUPLICATE_CODE),
        ("exemption_kinds[4].code", Code.DUPLICATE_CODE),
    }
