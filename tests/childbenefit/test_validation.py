import pytest

from rathaus.childbenefit.benefitrules import InputError, compute_quote
from tests.childbenefit.builders import child, only_issue, period, request_for


def issues_of(request, amounts) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as raised:
        compute_quote(request=request, amounts=amounts)
    return [(issue.path, str(issue.code)) for issue in raised.value.issues]


def test_every_problem_of_a_request_is_listed_with_its_path(amounts):
    request = request_for(
        "2026-11-24",
        "2026-12",
        child("2026-11-25"),
        child(
            "2010-01-01",
            period("education", "2026-09"),
            period("education", "2026-09", "2026-08"),
            period("transition", "2026-09"),
            ref="B",
        ),
        child("2012-01-01", ref="B"),
    )

    assert issues_of(request, amounts) == [
        ("children[0].born_on", "born_after_receipt"),
        ("children[1].qualifying_periods[1].to", "period_ends_before_start"),
        ("children[1].qualifying_periods[2].to", "transition_without_end"),
        ("children[2].ref", "duplicate_ref"),
    ]


def test_a_child_born_on_the_day_of_receipt_is_accepted(amounts):
    request = request_for("2026-11-24", "2026-12", child("2026-11-24"))

    quote = compute_quote(request=request, amounts=amounts)

    assert [str(result.amount) for result in quote.children[0].paid_months] == ["259.00"] * 2


def test_until_before_the_first_month_is_refused_and_names_that_month(amounts):
    request = request_for("2026-11-24", "2026-04", child("2010-01-01"))

    assert only_issue(request, amounts) == (
        "until",
        "until_before_first_month",
        {"month": "2026-05"},
    )


def test_the_error_message_names_every_problem(amounts):
    request = request_for("2026-11-24", "2027-01", child("2026-11-25"))

    with pytest.raises(InputError, match=r"children\[0\].born_on: born_after_receipt; until: no_"):
        compute_quote(request=request, amounts=amounts)
