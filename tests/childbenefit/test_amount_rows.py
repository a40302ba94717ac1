from decimal import Decimal

import pytest

from rathaus.childbenefit.benefitrules import (
    AmountDataError,
    AmountRow,
    Month,
    first_child_gaps,
    missing_default_rows,
    row_issues,
    rows_from_schedule,
    schedule_from_rows,
)


def row(valid_from: str, valid_until: str, amount: str, ordinal: int | None = None) -> AmountRow:
    return AmountRow(Month.parse(valid_from), Month.parse(valid_until), Decimal(amount), ordinal)


def issues(new: AmountRow, *others: AmountRow) -> list[tuple[str, str, dict[str, str]]]:
    return [
        (issue.field, str(issue.code), issue.params) for issue in row_issues(new, others=others)
    ]


def test_the_default_rows_make_the_default_schedule_again(amounts):
    rows = rows_from_schedule(amounts)

    assert schedule_from_rows(rows) == amounts
    assert [(str(each.valid_from), each.ordinal, str(each.amount)) for each in rows[:5]] == [
        ("2022-01", 1, "219.00"),
        ("2022-01", 2, "219.00"),
        ("2022-01", 3, "225.00"),
        ("2022-01", 4, "250.00"),
        ("2023-01", None, "250.00"),
    ]


def test_an_ordinal_holds_for_further_children_up_to_the_next_ordinal_given():
    schedule = schedule_from_rows(
        [row("2022-01", "2022-12", "219", 1), row("2022-01", "2022-12", "250", 4)]
    )

    amounts = [schedule.amount_for(Month(2022, 5), ordinal) for ordinal in (1, 2, 3, 4, 9)]
    assert amounts == [Decimal(219), Decimal(219), Decimal(219), Decimal(250), Decimal(250)]


def test_rows_with_different_months_per_ordinal_still_give_every_month_its_amounts():
    schedule = schedule_from_rows(
        [
            row("2022-01", "2022-12", "219", 1),
            row("2022-07", "2022-12", "300", 3),
            row("2023-01", "2023-12", "250"),
        ]
    )

    assert schedule.amount_for(Month(2022, 6), 3) == Decimal(219)
    assert schedule.amount_for(Month(2022, 7), 3) == Decimal(300)
    assert schedule.amount_for(Month(2023, 1), 3) == Decimal(250)
    assert schedule.gaps(Month(2022, 1), Month(2024, 1)) == [(Month(2024, 1), Month(2024, 1))]


def test_no_rows_give_a_schedule_without_any_amount():
    assert schedule_from_rows([]).gaps(Month(2026, 1), Month(2026, 2)) == [
        (Month(2026, 1), Month(2026, 2))
    ]


def test_a_zero_amount_is_an_amount():
    schedule = schedule_from_rows([row("2030-01", "2030-12", "0")])

    assert schedule.amount_for(Month(2030, 1), 1) == Decimal(0)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([row("2022-01", "2022-12", "219"), row("2022-06", "2022-06", "250", 3)], "every child"),
        ([row("2022-01", "2022-12", "1", 1), row("2022-12", "2023-01", "2", 1)], "same child"),
        ([row("2022-01", "2022-12", "250", 3)], "first child"),
        ([row("2022-01", "2022-12", "-1")], "negative"),
    ],
)
def test_inconsistent_rows_are_refused_as_a_schedule(rows, message):
    with pytest.raises(AmountDataError, match=message):
        schedule_from_rows(rows)


def test_a_row_beside_the_others_has_no_issues():
    assert issues(row("2027-01", "2027-12", "265"), row("2026-01", "2026-12", "259")) == []


def test_a_row_for_every_child_overlapping_another_names_the_other():
    found = issues(row("2026-12", "2027-12", "265"), row("2026-01", "2026-12", "259"))

    assert found == [
        ("valid_from", "overlap", {"from": "2026-01", "until": "2026-12", "ordinal": ""})
    ]


def test_rows_for_different_ordinals_may_share_months():
    others = [row("2022-01", "2022-12", "219", 1)]

    assert issues(row("2022-01", "2022-12", "250", 4), *others) == []
    assert issues(row("2022-01", "2022-12", "250", 1), *others)[0][1] == "overlap"
    assert issues(row("2022-01", "2022-12", "250"), *others)[0][1] == "overlap"


def test_amounts_by_ordinal_need_one_for_the_first_child():
    assert issues(row("2030-01", "2030-06", "300", 3)) == [
        ("ordinal", "no_first_child", {"from": "2030-01", "to": "2030-06"})
    ]
    assert issues(row("2030-01", "2030-06", "300", 3), row("2030-01", "2030-03", "250", 1)) == [
        ("ordinal", "no_first_child", {"from": "2030-04", "to": "2030-06"})
    ]


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (row("2030-05", "2030-04", "1"), [("valid_until", "ends_before_start", {})]),
        (row("2030-01", "2030-04", "-1"), [("amount", "negative_amount", {})]),
        (row("2030-01", "2030-04", "1", 0), [("ordinal", "invalid_ordinal", {})]),
    ],
)
def test_a_row_must_make_sense_on_its_own(new, expected):
    assert issues(new) == expected


def test_first_child_gaps_after_removing_the_first_child_row():
    rows = [row("2022-01", "2022-12", "225", 3), row("2022-01", "2022-12", "250", 4)]

    assert first_child_gaps(rows) == [(Month(2022, 1), Month(2022, 12))]


def test_defaults_fill_only_months_nobody_has_entered(amounts):
    defaults = rows_from_schedule(amounts)
    existing = [row("2026-01", "2026-06", "259"), row("2022-03", "2022-03", "219", 1)]

    missing = missing_default_rows(existing=existing, defaults=defaults)

    assert {str(each.valid_from) for each in missing} == {"2023-01", "2024-01", "2025-01"}


def test_defaults_add_nothing_once_they_are_there(amounts):
    defaults = rows_from_schedule(amounts)

    assert missing_default_rows(existing=defaults, defaults=defaults) == []
    assert missing_default_rows(existing=[], defaults=defaults) == defaults
