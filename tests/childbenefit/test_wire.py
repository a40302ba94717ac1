import pytest

from rathaus.childbenefit.benefitrules import (
    InputError,
    compute_quote,
    quote_payload,
    read_quote_request,
)

EXAMPLE = {
    "application_received_on": "2026-11-24",
    "until": "2026-12",
    "children": [
        {
            "ref": "A",
            "born_on": "2010-05-03",
            "qualifying_periods": [{"kind": "education", "from": "2026-09", "to": None}],
        }
    ],
}


def issues_of(payload, amounts) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as raised:
        read_quote_request(payload, amounts=amounts)
    return [(issue.path, str(issue.code)) for issue in raised.value.issues]


def test_the_api_example_answers_2072_euro_over_every_paid_month(amounts):
    request = read_quote_request(EXAMPLE, amounts=amounts)

    payload = quote_payload(compute_quote(request=request, amounts=amounts))

    assert payload == {
        "total": "2072.00",
        "children": [
            {
                "ref": "A",
                "months": [
                    {"month": f"2026-{month:02d}", "amount": "259.00"} for month in range(5, 13)
                ],
            }
        ],
    }


def test_the_response_leaves_out_refused_months_but_keeps_the_child(amounts):
    payload = {**EXAMPLE, "children": [{"ref": "B", "born_on": "2001-05-03"}]}
    request = read_quote_request(payload, amounts=amounts)

    response = quote_payload(compute_quote(request=request, amounts=amounts))

    assert response == {"total": "0.00", "children": [{"ref": "B", "months": []}]}


def test_requested_from_may_ask_for_months_before_the_limit(amounts):
    request = read_quote_request({**EXAMPLE, "requested_from": "2026-01"}, amounts=amounts)

    quote = compute_quote(request=request, amounts=amounts)

    assert str(quote.first_month) == "2026-01"
    assert quote_payload(quote)["total"] == "2072.00"


def test_every_reading_problem_is_listed_with_its_json_path(amounts):
    payload = {
        "application_received_on": "2026-02-30",
        "until": "2026-13",
        "requested_from": 202601,
        "children": [
            {
                "ref": "A",
                "born_on": "3.5.2010",
                "qualifying_periods": [
                    {"kind": "education", "from": "2026-09", "to": "2026-08"},
                    {"kind": "studying", "from": "2026-09"},
                    {"kind": ["education"], "to": "2026-9"},
                    "education",
                ],
            },
            {"ref": "A", "born_on": "2010-05-03"},
            {"ref": 7, "born_on": None, "qualifying_periods": {}},
            [],
            {"ref": " ", "born_on": "2010-05-03"},
        ],
    }

    assert issues_of(payload, amounts) == [
        ("application_received_on", "invalid_date"),
        ("until", "invalid_month"),
        ("requested_from", "invalid_month"),
        ("children[0].born_on", "invalid_date"),
        ("children[0].qualifying_periods[0].to", "period_ends_before_start"),
        ("children[0].qualifying_periods[1].kind", "unknown_kind"),
        ("children[0].qualifying_periods[2].kind", "unknown_kind"),
        ("children[0].qualifying_periods[2].from", "required"),
        ("children[0].qualifying_periods[2].to", "invalid_month"),
        ("children[0].qualifying_periods[3]", "invalid_type"),
        ("children[2].ref", "invalid_type"),
        ("children[2].born_on", "required"),
        ("children[2].qualifying_periods", "invalid_type"),
        ("children[3]", "invalid_type"),
        ("children[4].ref", "required"),
        ("children[1].ref", "duplicate_ref"),
    ]


def test_a_request_that_is_not_an_object_is_refused_as_a_whole(amounts):
    assert issues_of([EXAMPLE], amounts) == [("", "invalid_type")]


@pytest.mark.parametrize("children", [None, []])
def test_a_request_needs_dates_and_at_least_one_child(amounts, children):
    assert issues_of({"children": children}, amounts) == [
        ("application_received_on", "required"),
        ("until", "required"),
        ("children", "required"),
    ]


def test_a_child_born_after_receipt_is_found_while_reading(amounts):
    payload = {**EXAMPLE, "children": [{"ref": "A", "born_on": "2026-12-01"}]}

    assert issues_of(payload, amounts) == [("children[0].born_on", "born_after_receipt")]


def test_reading_problems_and_missing_amounts_come_together(amounts):
    payload = {**EXAMPLE, "until": "2027-02", "children": [{"ref": "A", "born_on": "2010-5-3"}]}

    assert issues_of(payload, amounts) == [
        ("children[0].born_on", "invalid_date"),
        ("until", "no_amount"),
    ]


def test_an_open_transition_is_refused_while_reading(amounts):
    gap = {"kind": "transition", "from": "2026-09", "to": None}
    payload = {**EXAMPLE, "children": [{**EXAMPLE["children"][0], "qualifying_periods": [gap]}]}

    assert issues_of(payload, amounts) == [
        ("children[0].qualifying_periods[0].to", "transition_without_end")
    ]
