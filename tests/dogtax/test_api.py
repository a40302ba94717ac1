"""POST /api/v1/dogtax/quote: the domain document's worked examples and every refusal."""

import json

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/dogtax/quote"
QUARTERS = ["2026-02-15", "2026-05-15", "2026-08-15", "2026-11-15"]


def post(client, body, *, language="de"):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(URL, data, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)


def months(numbers: range, rank: int | None, amount: str) -> list[dict]:
    return [
        {"month": month, "rank": rank, "exempt": rank is None, "amount": amount}
        for month in numbers
    ]


def installments(*amounts: str) -> list[dict]:
    return [
        {"due_on": due_on, "amount": amount}
        for due_on, amount in zip(QUARTERS, amounts, strict=True)
        if amount != "0.00"
    ]


def test_the_issue_example_one_dog_since_may_2024_pays_120_euro_in_2026(client):
    response = post(
        client,
        {
            "year": 2026,
            "keeper": {"nato_forces": False},
            "dogs": [
                {
                    "ref": "A",
                    "kept_since": "2024-05-10",
                    "born_on": "2020-01-01",
                    "given_up_on": None,
                    "exemption": None,
                }
            ],
        },
    )

    assert response.status_code == 200
    assert response.json() == {
        "year": 2026,
        "currency": "EUR",
        "total": "120.00",
        "dogs": [
            {
                "ref": "A",
                "amount": "120.00",
                "months": months(range(1, 13), 1, "10.00"),
            }
        ],
        "installments": installments("30.00", "30.00", "30.00", "30.00"),
    }


def test_a_second_dog_from_march_pays_nine_months_at_the_second_rate(client):
    response = post(
        client,
        {
            "year": 2026,
            "dogs": [
                {"ref": "Bello", "kept_since": "2020-03-01"},
                {"ref": "Luna", "kept_since": "2026-03-03"},
            ],
        },
    )

    assert response.status_code == 200
    body = response.json()
    assert body["total"] == "246.00"
    assert body["dogs"] == [
        {
            "ref": "Bello",
            "amount": "120.00",
            "months": months(range(1, 13), 1, "10.00"),
        },
        {
            "ref": "Luna",
            "amount": "126.00",
            "months": months(range(4, 13), 2, "14.00"),
        },
    ]
    assert body["installments"] == installments("30.00", "72.00", "72.00", "72.00")


def test_when_the_first_dog_is_given_up_the_second_moves_up_the_next_month(client):
    response = post(
        client,
        {
            "year": 2026,
            "keeper": None,
            "dogs": [
                {"ref": "old", "kept_since": "2019-02-01", "given_up_on": "2026-06-20"},
                {"ref": "young", "kept_since": "2023-08-14", "born_on": None},
            ],
        },
    )

    body = response.json()
    assert body["total"] == "204.00"
    assert body["dogs"][0] == {
        "ref": "old",
        "amount": "60.00",
        "months": months(range(1, 7), 1, "10.00"),
    }
    assert body["dogs"][1]["amount"] == "144.00"
    assert body["dogs"][1]["months"] == months(range(1, 7), 2, "14.00") + months(
        range(7, 13), 1, "10.00"
    )
    assert body["installments"] == installments("72.00", "72.00", "30.00", "30.00")


def test_an_exempt_shelter_dog_lists_its_months_without_rank_and_leaves_the_rank_to_others(
    client,
):
    response = post(
        client,
        {
            "year": 2026,
            "dogs": [
                {"ref": "shelter", "kept_since": "2025-06-15", "exemption": "shelter"},
                {"ref": "other", "kept_since": "2025-09-01"},
            ],
        },
    )

    body = response.json()
    assert body["dogs"][0] == {
        "ref": "shelter",
        "amount": "0.00",
        "months": months(range(1, 13), None, "0.00"),
    }
    assert body["dogs"][1]["amount"] == "120.00"
    assert body["total"] == "120.00"


def test_ties_in_rank_go_to_the_dog_listed_first(client):
    dogs = [{"ref": ref, "kept_since": "2025-01-10"} for ref in ("first", "second", "third")]

    body = post(client, {"year": 2026, "dogs": dogs}).json()

    assert [dog["amount"] for dog in body["dogs"]] == ["120.00", "168.00", "228.00"]
    assert [dog["months"][0]["rank"] for dog in body["dogs"]] == [1, 2, 3]


def test_a_keeper_exempt_under_the_statute_pays_nothing_and_no_installments_are_listed(client):
    body = post(
        client,
        {
            "year": 2026,
            "keeper": {"exemption": "nato_forces"},
            "dogs": [{"ref": "A", "kept_since": "2024-01-01"}],
        },
    ).json()

    assert body["total"] == "0.00"
    assert body["installments"] == []
    assert body["dogs"][0]["months"] == months(range(1, 13), None, "0.00")


def test_the_deprecated_nato_forces_flag_still_means_kaiserslauterns_keeper_exemption(client):
    dogs = [{"ref": "A", "kept_since": "2024-01-01"}]
    old = post(client, {"year": 2026, "keeper": {"nato_forces": True}, "dogs": dogs}).json()
    new = post(client, {"year": 2026, "keeper": {"exemption": "nato_forces"}, "dogs": dogs}).json()

    assert old == new


def test_the_deprecated_flag_is_marked_deprecated_in_the_openapi_document(client):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["DogTaxKeeperIn"]

    assert schema["properties"]["nato_forces"]["deprecated"] is True
    assert "deprecated" not in schema["properties"]["exemption"]


def test_a_keeper_exemption_named_twice_differently_is_refused(client):
    response = post(
        client,
        {
            "year": 2026,
            "keeper": {"exemption": "shelter", "nato_forces": True},
            "dogs": [{"ref": "A", "kept_since": "2024-01-01"}],
        },
        language="en",
    )

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "keeper.exemption",
            "message": "Name the keeper's exemption once, in “exemption” only.",
        }
    ]


def test_a_dog_exemption_is_not_a_keeper_exemption(client):
    response = post(
        client,
        {
            "year": 2026,
            "keeper": {"exemption": "shelter"},
            "dogs": [{"ref": "A", "kept_since": "2024-01-01"}],
        },
        language="en",
    )

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["keeper.exemption"]


def test_a_dog_taken_in_after_the_year_has_no_months(client):
    body = post(client, {"year": 2026, "dogs": [{"ref": "A", "kept_since": "2027-03-01"}]}).json()

    assert body["dogs"] == [{"ref": "A", "amount": "0.00", "months": []}]
    assert body["total"] == "0.00"


def test_the_quote_follows_a_rate_change_made_in_the_back_office(client, stored_statute):
    from datetime import date
    from decimal import Decimal

    from rathaus.dogtax.services import rate_period_add

    rate_period_add(
        actor=None,
        valid_from=date(2026, 7, 1),
        valid_until=None,
        first=Decimal("132.00"),
        second=Decimal("180.00"),
        further=Decimal("240.00"),
    )

    body = post(client, {"year": 2026, "dogs": [{"ref": "A", "kept_since": "2020-01-01"}]}).json()

    assert body["total"] == "126.00"
    assert body["installments"] == installments("30.00", "30.00", "33.00", "33.00")


REFUSALS = [
    (
        "unknown exemption",
        {"dogs": [{"ref": "A", "kept_since": "2024-05-10", "exemption": "cat"}]},
        "dogs[0].exemption",
        "Diese Steuerbefreiung ist nicht bekannt. Wählen Sie eine von: shelter, assistance, "
        "rescue.",
        "This exemption is not known. Choose one of: shelter, assistance, rescue.",
    ),
    (
        "impossible date",
        {"dogs": [{"ref": "A", "kept_since": "2026-02-30"}]},
        "dogs[0].kept_since",
        "Geben Sie ein gültiges Datum im Format JJJJ-MM-TT ein.",
        "Enter a valid date in the form YYYY-MM-DD.",
    ),
    (
        "date in another format",
        {"dogs": [{"ref": "A", "kept_since": "10.05.2024"}]},
        "dogs[0].kept_since",
        "Geben Sie ein gültiges Datum im Format JJJJ-MM-TT ein.",
        "Enter a valid date in the form YYYY-MM-DD.",
    ),
    (
        "date as a number",
        {"dogs": [{"ref": "A", "kept_since": 1715292000}]},
        "dogs[0].kept_since",
        "Geben Sie ein gültiges Datum im Format JJJJ-MM-TT ein.",
        "Enter a valid date in the form YYYY-MM-DD.",
    ),
    (
        "given up before kept",
        {"dogs": [{"ref": "A", "kept_since": "2024-05-10", "given_up_on": "2024-05-01"}]},
        "dogs[0].given_up_on",
        "Der Hund kann nicht vor seiner Aufnahme abgegeben worden sein.",
        "The dog cannot have been given up before it was taken in.",
    ),
    (
        "born after kept",
        {"dogs": [{"ref": "A", "kept_since": "2024-05-10", "born_on": "2024-06-01"}]},
        "dogs[0].born_on",
        "Der Hund kann nicht nach seiner Aufnahme geboren sein.",
        "The dog cannot have been born after it was taken in.",
    ),
    (
        "year the statute does not cover",
        {"year": 2016, "dogs": [{"ref": "A", "kept_since": "2015-05-10"}]},
        "year",
        "Die Hundesteuersatzung enthält für dieses Jahr keine Steuersätze.",
        "The dog tax statute has no rates for this year.",
    ),
    (
        "shelter exemption twice within ten years",
        {
            "dogs": [
                {"ref": "A", "kept_since": "2024-05-10", "exemption": "shelter"},
                {"ref": "B", "kept_since": "2025-05-10", "exemption": "shelter"},
            ]
        },
        "dogs[1].exemption",
        "Ein Haushalt erhält diese Steuerbefreiung nur einmal in 10 Jahren.",
        "A household gets this exemption only once in 10 years.",
    ),
    (
        "missing year",
        {"year": None, "dogs": []},
        "year",
        "Geben Sie eine gültige Zahl ein.",
        "Enter a valid number.",
    ),
    (
        "missing kept_since",
        {"dogs": [{"ref": "A"}]},
        "dogs[0].kept_since",
        "Dieses Feld ist ein Pflichtfeld.",
        "This field is required.",
    ),
    (
        "missing ref",
        {"dogs": [{"kept_since": "2024-05-10"}]},
        "dogs[0].ref",
        "Dieses Feld ist ein Pflichtfeld.",
        "This field is required.",
    ),
    (
        "year as a string",
        {"year": "2026", "dogs": []},
        "year",
        "Geben Sie eine gültige Zahl ein.",
        "Enter a valid number.",
    ),
    (
        "year out of range",
        {"year": 20260, "dogs": []},
        "year",
        "Geben Sie einen Wert von höchstens 2999 ein.",
        "Enter a value of at most 2999.",
    ),
    (
        "dogs not a list",
        {"dogs": {"ref": "A", "kept_since": "2024-05-10"}},
        "dogs",
        "Dieser Wert hat den falschen Typ.",
        "This value has the wrong type.",
    ),
    (
        "nato_forces not a boolean",
        {"keeper": {"nato_forces": "yes"}, "dogs": []},
        "keeper.nato_forces",
        "Geben Sie true oder false ein.",
        "Enter true or false.",
    ),
    (
        "exemption not a string",
        {"dogs": [{"ref": "A", "kept_since": "2024-05-10", "exemption": 3}]},
        "dogs[0].exemption",
        "Dieser Wert hat den falschen Typ.",
        "This value has the wrong type.",
    ),
    (
        "unknown field",
        {"dogs": [{"ref": "A", "kept_since": "2024-05-10", "breed": "Boxer"}]},
        "dogs[0].breed",
        "Dieses Feld ist unbekannt.",
        "This field is not known.",
    ),
]


@pytest.mark.parametrize(
    ("body", "field", "german", "english"),
    [refusal[1:] for refusal in REFUSALS],
    ids=[refusal[0] for refusal in REFUSALS],
)
def test_invalid_input_is_refused_with_a_message_in_the_requested_language(
    client, body, field, german, english
):
    request = {"year": 2026} | body

    in_german = post(client, request, language="de")
    in_english = post(client, request, language="en")

    assert in_german.status_code == in_english.status_code == 422
    assert in_german.json() == {
        "detail": "Die Anfrage ist ungültig.",
        "errors": [{"field": field, "message": german}],
    }
    assert in_english.json() == {
        "detail": "The request is not valid.",
        "errors": [{"field": field, "message": english}],
    }


def test_a_request_without_year_and_dogs_names_both(client):
    response = post(client, {}, language="en")

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "year", "message": "This field is required."},
        {"field": "dogs", "message": "This field is required."},
    ]


def test_every_problem_of_a_household_is_reported_at_once(client):
    response = post(
        client,
        {
            "year": 2010,
            "dogs": [
                {"ref": "A", "kept_since": "2024-05-10", "exemption": "cat"},
                {"ref": "B", "kept_since": "2024-05-10", "given_up_on": "2024-01-01"},
            ],
        },
        language="en",
    )

    assert [error["field"] for error in response.json()["errors"]] == [
        "year",
        "dogs[0].exemption",
        "dogs[1].given_up_on",
    ]


def test_two_dogs_with_the_same_ref_are_both_named(client):
    dogs = [{"ref": "A", "kept_since": "2024-05-10"}, {"ref": "A", "kept_since": "2025-01-01"}]

    response = post(client, {"year": 2026, "dogs": dogs}, language="en")

    assert response.json()["errors"] == [
        {"field": "dogs[0].ref", "message": "Give each dog its own name."},
        {"field": "dogs[1].ref", "message": "Give each dog its own name."},
    ]


def test_a_body_that_is_not_json_is_refused(client):
    response = post(client, "{year: 2026", language="en")

    assert response.status_code == 400
    assert response.json()["detail"]


def test_more_than_a_hundred_dogs_are_refused(client):
    dogs = [{"ref": str(i), "kept_since": "2024-05-10"} for i in range(101)]

    response = post(client, {"year": 2026, "dogs": dogs}, language="en")

    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "dogs", "message": "This value is too long."}]


def test_the_quote_needs_no_sign_in_and_no_csrf_token(client):
    client.handler.enforce_csrf_checks = True

    response = post(client, {"year": 2026, "dogs": [{"ref": "A", "kept_since": "2024-05-10"}]})

    assert response.status_code == 200


def test_the_openapi_document_describes_the_quote_and_its_schemas(client):
    document = client.get("/api/v1/openapi.json").json()

    operation = document["paths"]["/api/v1/dogtax/quote"]["post"]
    assert "security" not in operation
    schemas = document["components"]["schemas"]
    request_ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    request = schemas[request_ref.rsplit("/", 1)[1]]
    assert set(request["required"]) == {"year", "dogs"}
    assert set(request["properties"]) == {"year", "keeper", "dogs"}
    ok_ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    response = schemas[ok_ref.rsplit("/", 1)[1]]
    assert set(response["properties"]) == {"year", "currency", "total", "dogs", "installments"}
    assert "422" in operation["responses"]
    dog = schemas["DogTaxDogIn"]
    assert set(dog["properties"]) == {"ref", "kept_since", "born_on", "given_up_on", "exemption"}
    assert set(dog["required"]) == {"ref", "kept_since"}


@pytest.mark.parametrize(
    ("dog", "field", "message"),
    [
        (
            {"ref": "A", "kept_since": "9999-12-15", "exemption": "shelter"},
            "dogs[0].kept_since",
            "Enter a value of at most 2999-12-31.",
        ),
        (
            {"ref": "A", "kept_since": "1899-12-31"},
            "dogs[0].kept_since",
            "Enter a value of at least 1900-01-01.",
        ),
        (
            {"ref": "A", "kept_since": "2020-01-01", "given_up_on": "3000-01-01"},
            "dogs[0].given_up_on",
            "Enter a value of at most 2999-12-31.",
        ),
    ],
)
def test_dates_outside_the_supported_range_are_refused(client, dog, field, message):
    response = post(client, {"year": 2026, "dogs": [dog]}, language="en")

    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": field, "message": message}]


def test_a_quote_reads_the_statute_in_four_queries(
    client, stored_statute, django_assert_num_queries
):
    dogs = [{"ref": str(i), "kept_since": "2024-05-10"} for i in range(10)]

    with django_assert_num_queries(4):
        response = post(client, {"year": 2026, "dogs": dogs})

    assert response.status_code == 200
