import pytest

from rathaus.childbenefit.benefitrules import Month, months_between


@pytest.mark.parametrize(
    "text", ["2026-5", "2026-13", "2026-00", "26-05", "2026-05-01", " 2026-05"]
)
def test_only_a_real_month_in_the_form_yyyy_mm_is_read(text):
    with pytest.raises(ValueError, match="month"):
        Month.parse(text)


def test_a_month_is_written_as_it_is_read():
    assert str(Month.parse("0999-01")) == "0999-01"


def test_shifting_crosses_year_boundaries_both_ways():
    assert Month(2026, 11).shifted(-6) == Month(2026, 5)
    assert Month(2026, 3).shifted(-6) == Month(2025, 9)
    assert Month(2026, 12).shifted(1) == Month(2027, 1)


def test_months_between_includes_both_ends_and_is_empty_when_reversed():
    assert [str(m) for m in months_between(Month(2025, 11), Month(2026, 2))] == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert list(months_between(Month(2026, 2), Month(2026, 1))) == []


def test_a_month_knows_its_first_and_last_day():
    assert str(Month(2028, 2).first_day) == "2028-02-01"
    assert str(Month(2028, 2).last_day) == "2028-02-29"
