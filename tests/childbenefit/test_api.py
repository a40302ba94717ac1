import copy
import json
from decimal import Decimal

import pytest

from rathaus.childbenefit.benefitrules import Month
from rathaus.childbenefit.services import amount_create

pytestmark = pytest.mark.django_db

URL = "/api/v1/childbenefit/quote"
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


def quote(client, body, language="de"):
    return client.post(
        URL, json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE=language
    )


def one_child(born_on, *periods, received="2026-11-24", until="2026-12"):
    return {
        "application_received_on": received,
        "until": until,
        "children": [{"ref": "A", "born_on": born_on, "qualifying_periods": list(periods)}],
    }


def period(kind, start, end=None):
    return {"kind": kind, "from": start, "to": end}


def paid_months(response, ref="A"):
    assert response.status_code == 200, response.content
    (child,) = (each for each in response.json()["children"] if each["ref"] == ref)
    return [(month["month"], month["amount"]) for month in child["months"]]


def test_the_issue_example_pays_eight_months_2072_euro_without_signing_in(client):
    response = quote(client, EXAMPLE)

    assert response.status_code == 200
    assert response.json() == {
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


@pytest.mark.parametrize(
    ("born_on", "last_month", "total"),
    [("2008-08-02", "2026-08", "1554.00"), ("2008-08-01", "2026-07", "1295.00")],
)
def test_a_child_born_on_the_first_completes_its_18th_year_in_the_month_before(
    client, born_on, last_month, total
):
    response = quote(client, one_child(born_on, received="2026-09-15"))

    months = paid_months(response)
    assert months[0] == ("2026-03", "259.00")
    assert months[-1] == (last_month, "259.00")
    assert response.json()["total"] == total


@pytest.mark.parametrize(
    ("received", "first_month"),
    [("2026-11-24", "2026-05"), ("2026-11-01", "2026-05"), ("2026-10-31", "2026-04")],
)
def test_an_application_reaches_back_six_months_before_the_month_it_arrives(
    client, received, first_month
):
    months = paid_months(quote(client, one_child("2015-01-01", received=received)))

    assert months[0][0] == first_month
    assert months[-1][0] == "2026-12"


def test_a_baby_is_paid_from_the_month_of_birth_within_the_backdating_limit(client):
    born_in_limit = paid_months(quote(client, one_child("2026-06-20")))
    born_before = paid_months(quote(client, one_child("2026-03-20")))

    assert born_in_limit[0][0] == "2026-06"
    assert born_before[0][0] == "2026-05"


def test_between_18_and_25_only_months_in_education_are_paid(client):
    response = quote(client, one_child("2004-03-10", period("education", "2026-09")))

    assert paid_months(response) == [(f"2026-{m:02d}", "259.00") for m in (9, 10, 11, 12)]
    assert response.json()["total"] == "1036.00"


def test_education_ends_with_the_25th_year_of_life(client):
    response = quote(client, one_child("2001-07-15", period("education", "2025-10")))

    assert [month for month, _ in paid_months(response)] == ["2026-05", "2026-06", "2026-07"]


def test_job_seeking_counts_until_21_and_disability_without_age_limit(client):
    job_seeking = quote(client, one_child("2005-09-10", period("job_seeking", "2026-01")))
    disabled = quote(client, one_child("1980-02-02", period("disabled", "2000-01")))

    assert [month for month, _ in paid_months(job_seeking)] == [
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
    ]
    assert len(paid_months(disabled)) == 8


def test_the_amounts_by_ordinal_count_the_children_eldest_first(client):
    body = {
        "application_received_on": "2022-12-05",
        "until": "2022-12",
        "children": [
            {"ref": name, "born_on": born_on}
            for name, born_on in [
                ("youngest", "2020-01-01"),
                ("eldest", "2012-01-01"),
                ("third", "2018-01-01"),
                ("second", "2015-01-01"),
            ]
        ],
    }

    response = quote(client, body)

    amounts = {child["ref"]: child["months"][-1]["amount"] for child in response.json()["children"]}
    assert amounts == {
        "eldest": "219.00",
        "second": "219.00",
        "third": "225.00",
        "youngest": "250.00",
    }


def test_an_amount_the_familienkasse_adds_is_used_at_once(client, family_clerk):
    amount_create(
        actor=family_clerk,
        valid_from=Month(2027, 1),
        valid_until=Month(2027, 12),
        amount=Decimal("265.00"),
        child_ordinal=None,
    )

    months = paid_months(quote(client, one_child("2015-01-01", until="2027-02")))

    assert months[-2:] == [("2027-01", "265.00"), ("2027-02", "265.00")]


def changed(path_and_value):
    body = copy.deepcopy(EXAMPLE)
    for path, value in path_and_value:
        target = body
        *parents, last = path
        for key in parents:
            target = target[key]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value
    return body


DELETE = object()
CHILD = ("children", 0)
PERIOD = (*CHILD, "qualifying_periods", 0)

ERROR_CASES = [
    pytest.param(
        [(("application_received_on",), "2026-02-30")],
        "application_received_on",
        "Geben Sie ein gültiges Datum im Format JJJJ-MM-TT ein.",
        "Enter a valid date in the form YYYY-MM-DD.",
        id="impossible-date",
    ),
    pytest.param(
        [((*CHILD, "born_on"), "2026-11-25")],
        "children[0].born_on",
        "Das Geburtsdatum liegt nach dem Tag des Antragseingangs.",
        "The date of birth lies after the day the application was received.",
        id="born-after-the-application",
    ),
    pytest.param(
        [((*PERIOD, "kind"), "apprenticeship")],
        "children[0].qualifying_periods[0].kind",
        "Unbekannte Art des Zeitraums. Wählen Sie eine von: education, voluntary_service, "
        "transition, no_training_place, job_seeking, disabled.",
        "Unknown kind of period. Choose one of: education, voluntary_service, transition, "
        "no_training_place, job_seeking, disabled.",
        id="unknown-kind",
    ),
    pytest.param(
        [(("until",), "2027-03")],
        "until",
        "Für Januar 2027 bis März 2027 ist noch kein Kindergeldbetrag hinterlegt.",
        "No child benefit amount is known yet for January 2027 to March 2027.",
        id="no-amount-until",
    ),
    pytest.param(
        [(("application_received_on",), "2027-08-01"), (("until",), "2027-08")],
        "application_received_on",
        "Für Februar 2027 bis August 2027 ist noch kein Kindergeldbetrag hinterlegt.",
        "No child benefit amount is known yet for February 2027 to August 2027.",
        id="no-amount-from-the-application",
    ),
    pytest.param(
        [(("until",), "2026-5")],
        "until",
        "Geben Sie einen gültigen Monat im Format JJJJ-MM ein.",
        "Enter a valid month in the form YYYY-MM.",
        id="bad-month-format",
    ),
    pytest.param(
        [((*PERIOD, "from"), "09/2026")],
        "children[0].qualifying_periods[0].from",
        "Geben Sie einen gültigen Monat im Format JJJJ-MM ein.",
        "Enter a valid month in the form YYYY-MM.",
        id="bad-month-format-in-a-period",
    ),
    pytest.param(
        [((*PERIOD, "to"), "2026-08")],
        "children[0].qualifying_periods[0].to",
        "Der Zeitraum endet, bevor er beginnt.",
        "The period ends before it starts.",
        id="to-before-from",
    ),
    pytest.param(
        [((*PERIOD, "kind"), "transition")],
        "children[0].qualifying_periods[0].to",
        "Geben Sie für eine Übergangszeit den letzten Monat an: Sie darf höchstens vier Monate "
        "dauern.",
        "A transition period needs its last month: it may last at most four months.",
        id="transition-without-end",
    ),
    pytest.param(
        [(("until",), "2026-04")],
        "until",
        "Der letzte Monat darf nicht vor Mai 2026 liegen, dem ersten Monat, für den der Antrag "
        "noch wirkt.",
        "The last month must not lie before May 2026, the first month the application can "
        "still reach.",
        id="until-before-the-first-month",
    ),
    pytest.param(
        [((*CHILD, "born_on"), DELETE)],
        "children[0].born_on",
        "Dieses Feld ist ein Pflichtfeld.",
        "This field is required.",
        id="missing-field",
    ),
    pytest.param(
        [((*CHILD, "born_on"), 20100503)],
        "children[0].born_on",
        "Dieser Wert hat den falschen Typ.",
        "This value has the wrong type.",
        id="wrong-type",
    ),
    pytest.param(
        [(("children",), [])],
        "children",
        "Dieses Feld ist ein Pflichtfeld.",
        "This field is required.",
        id="no-children",
    ),
    pytest.param(
        [(("requested_from",), "2026-01")],
        "requested_from",
        "Dieses Feld ist unbekannt.",
        "This field is not known.",
        id="unknown-field",
    ),
]


@pytest.mark.parametrize(("changes", "field", "german", "english"), ERROR_CASES)
def test_invalid_input_is_refused_with_a_message_per_field_in_both_languages(
    client, changes, field, german, english
):
    body = changed(changes)

    in_german = quote(client, body, "de")
    in_english = quote(client, body, "en")

    assert in_german.status_code == in_english.status_code == 422
    assert in_german.json() == {
        "detail": "Die Anfrage ist ungültig.",
        "errors": [{"field": field, "message": german}],
    }
    assert in_english.json() == {
        "detail": "The request is not valid.",
        "errors": [{"field": field, "message": english}],
    }


def test_every_problem_of_a_request_is_listed(client):
    body = {
        "application_received_on": "2026-11-24",
        "until": "2026-12",
        "children": [
            {"ref": "A", "born_on": "2026-12-01"},
            {"ref": "A", "born_on": "2010-01-01", "qualifying_periods": [period("x", "2026-01")]},
        ],
    }

    response = quote(client, body, "en")

    assert [error["field"] for error in response.json()["errors"]] == [
        "children[0].born_on",
        "children[1].qualifying_periods[0].kind",
        "children[1].ref",
    ]


def test_the_openapi_document_describes_the_quote_without_authentication(client):
    document = client.get("/api/v1/openapi.json").json()

    operation = document["paths"][URL]["post"]
    assert "security" not in operation
    assert set(operation["responses"]) == {"200", "413", "422", "429", "503"}
    request_schema = document["components"]["schemas"]["ChildBenefitQuotePeriod"]
    assert request_schema["properties"]["kind"]["enum"] == [
        "education",
        "voluntary_service",
        "transition",
        "no_training_place",
        "job_seeking",
        "disabled",
    ]
    assert set(request_schema["properties"]) == {"kind", "from", "to"}
