"""Two applications for one child through the web forms and the Familienkasse's decision pages
(the same parent again, then the other parent): every child-month is paid at most once on the
payment schedules and in the payment file."""

import csv
import io
import re
from collections import Counter
from datetime import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from rathaus.childbenefit.models import DecisionLine
from rathaus.eservices.models import Case
from tests.childbenefit.applications import kindergeld_service
from tests.factories import UserFactory, sign_in

pytestmark = pytest.mark.django_db

LENA = "86095742719"


@pytest.fixture(autouse=True)
def _fifth_of_december(monkeypatch):
    moment = timezone.make_aware(datetime(2026, 12, 5, 10, 0))
    monkeypatch.setattr(timezone, "now", lambda: moment)


def citizen_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def apply_online(client, capture) -> Case:
    """Fill in the child benefit form page by page, as a citizen does, and submit it."""
    draft = client.post("/services/apply/kindergeld/")["Location"]
    steps = [
        (
            "applicant",
            {
                "given_name": "Anna",
                "family_name": "Schmidt",
                "born_on": "1988-02-14",
                "tax_id": "36574261809",
                "address__street": "Marktstraße 1",
                "address__postal_code": "67655",
                "address__city": "Kaiserslautern",
            },
        ),
        ("partner", {}),
        (
            "children",
            {
                "children-TOTAL_FORMS": "1",
                "children-INITIAL_FORMS": "1",
                "children-0-first_name": "Lena",
                "children-0-family_name": "Schmidt",
                "children-0-born_on": "2015-04-01",
                "children-0-tax_id": LENA,
                "children-0-relationship": "own",
                "children-0-in_household": "on",
            },
        ),
        ("account", {"iban": "DE89370400440532013000", "truthful": "on"}),
    ]
    for key, values in steps:
        response = client.post(f"{draft}step/{key}/", {**values, "_action": "next"})
        assert response.status_code == 302, (key, response.content.decode()[-3000:])
    with capture(execute=True):
        assert client.post(f"{draft}review/").status_code == 302
    return Case.objects.latest("pk")


def decide_online(client, case) -> str:
    """The Familienkasse opens the decision page and grants the proposed months."""
    url = f"/backoffice/childbenefit/cases/{case.reference}/decide/"
    page = client.get(url).content.decode()
    response = client.post(url, {"expected": "submitted", "child1-decision": "grant"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    return page


def paid_on_schedule(client, case) -> list[str]:
    """The months the recipient's payment schedule page shows with a payment day."""
    page = client.get(f"/childbenefit/cases/{case.reference}/schedule/").content.decode()
    rows = re.findall(r"<tr class=\"kern-table__row\">(.*?)</tr>", page, re.S)
    cells = [re.findall(r"<td class=\"kern-table__cell\">(.*?)</td>", row, re.S) for row in rows]
    return [
        row[0] for row in cells if len(row) == 4 and re.fullmatch(r"\d\d\.\d\d\.\d{2,4}", row[2])
    ]


def test_two_applications_for_one_child_pay_each_month_once(
    client, family_office, family_clerk, django_capture_on_commit_callbacks
):
    kindergeld_service(family_office)
    anna = UserFactory(email="anna.schmidt@example.org")
    father = UserFactory(email="father@example.org")

    sign_in(client, family_clerk)
    as_anna, as_father = citizen_client(anna), citizen_client(father)

    first = apply_online(as_anna, django_capture_on_commit_callbacks)
    decide_online(client, first)
    second = apply_online(as_anna, django_capture_on_commit_callbacks)
    page = decide_online(client, second)
    assert "erhält für dieses Kind bereits Kindergeld von Juni 2026 bis Dezember 2026" in page
    assert f'href="/backoffice/services/cases/{first.reference}/">{first.reference}</a>' in page
    third = apply_online(as_father, django_capture_on_commit_callbacks)
    page = decide_online(client, third)
    assert "Wird von Juni 2026 bis Dezember 2026 bereits an eine andere Person gezahlt" in page

    for case in (first, second, third):
        case.refresh_from_db()
    assert [first.outcome, second.outcome, third.outcome] == ["granted", "rejected", "rejected"]
    paid = (
        paid_on_schedule(as_anna, first)
        + paid_on_schedule(as_anna, second)
        + paid_on_schedule(as_father, third)
    )
    months = ["Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
    assert Counter(paid) == Counter(f"{month} 2026" for month in months)
    in_force = DecisionLine.objects.filter(child_tax_id=LENA, granted=True, in_force=True)
    assert sorted(in_force.values_list("month", flat=True)) == [
        f"2026-{month:02d}" for month in range(6, 13)
    ]

    payment_file = client.get("/backoffice/childbenefit/payments.csv")
    assert payment_file["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(payment_file.content.decode())))
    assert Counter((row["child_tax_id"], row["month"]) for row in rows) == Counter(
        (LENA, f"2026-{month:02d}") for month in range(6, 13)
    )
    assert {row["reference"] for row in rows} == {first.reference}
    assert sum(Decimal(row["amount"]) for row in rows) == Decimal("1813.00")

    mailbox = as_anna.get("/services/mailbox/").content.decode()
    assert "bewilligt – Kindergeld für 7 Monate (Juni 2026 – Dezember 2026): 1.813,00 €" in mailbox
    assert "abgelehnt" in mailbox
    message = as_anna.get(second.get_absolute_url()).content.decode()
    assert (
        "Sie erhalten für ein Kind aus diesem Antrag für diese Monate bereits Kindergeld" in message
    )


def test_the_payment_file_is_for_the_familienkasse_only(client, tax_clerk, citizen):
    assert client.get("/backoffice/childbenefit/payments.csv").status_code == 302
    client.force_login(citizen)
    assert client.get("/backoffice/childbenefit/payments.csv").status_code == 403
    sign_in(client, tax_clerk)
    assert client.get("/backoffice/childbenefit/payments.csv").status_code == 403
