"""The back-office case page caches a dog-tax application's summary (ADR 0431): the chosen dog
is named by the keeper's register, and a change to the dog, its tag or the household shows at
once; the cached summary costs none of the register's queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from rathaus.dogtax.models import Dog, Tag
from tests.dogtax.factories import DogCaseFactory, RegistrationFactory
from tests.factories import sign_in


def case_page(client, case) -> str:
    response = client.get(f"/backoffice/services/cases/{case.reference}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_summary_names_the_dog_as_the_register_does_now(services, keeper, tax_clerk, client):
    RegistrationFactory(applicant=keeper)
    number = Tag.objects.get().number
    case = DogCaseFactory(
        service=services["abmeldung"],
        applicant=keeper,
        answers={"tag_number": number, "reason": "died", "ended_on": "2026-11-30"},
        processed=False,
    )
    sign_in(client, tax_clerk)
    assert f"Bello, Steuermarke {number}" in case_page(client, case)

    with CaptureQueriesContext(connection) as captured:
        case_page(client, case)
    assert not [q for q in captured if "dogtax_" in q["sql"]]

    dog = Dog.objects.get()
    dog.name = "Bruno"
    dog.save()
    assert f"Bruno, Steuermarke {number}" in case_page(client, case)

    tag = Tag.objects.get()
    tag.number = "99999"
    tag.save()
    shown = case_page(client, case)
    assert "Bruno, Steuermarke" not in shown and number in shown
