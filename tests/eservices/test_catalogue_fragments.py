"""The service catalogue and the service pages are cached fragments (topic
"eservices.catalogue"): a change shows at once, each language has its own, a person's own draft
is never shared, and the queries do not grow with the services."""

import pytest
from django.test import Client

from rathaus.eservices.services.drafts import draft_start
from tests.eservices.factories import ServiceFactory
from tests.factories import UserFactory, sign_in
from tests.pages import page, queries

pytestmark = pytest.mark.django_db


def test_a_new_or_renamed_service_shows_in_the_catalogue_at_once(client, tax_office):
    service = ServiceFactory(unit=tax_office, slug="parkausweis", name_de="Parkausweis")
    assert "Parkausweis" in page(client, "/services/")

    ServiceFactory(unit=tax_office, slug="sperrmuell", name_de="Sperrmüll anmelden")
    service.name_de = "Bewohnerparkausweis"
    service.save()

    shown = page(client, "/services/")
    assert "Sperrmüll anmelden" in shown and "Bewohnerparkausweis" in shown


def test_a_renamed_department_shows_on_the_service_page_at_once(client, tax_office):
    ServiceFactory(unit=tax_office, slug="parkausweis")
    assert "Steueramt" in page(client, "/services/parkausweis/")

    tax_office.name_de = "Amt für Steuern"
    tax_office.save()

    assert "Amt für Steuern" in page(client, "/services/parkausweis/")


def test_a_closed_service_says_so_at_once(client, tax_office):
    service = ServiceFactory(unit=tax_office, slug="parkausweis")
    assert "Anmelden und online beantragen" in page(client, "/services/parkausweis/")

    service.is_open = False
    service.save()

    assert "Anmelden und online beantragen" not in page(client, "/services/parkausweis/")


def test_the_catalogue_and_service_pages_are_cached_per_language(tax_office):
    ServiceFactory(unit=tax_office, slug="parkausweis", name_de="Parkausweis", name_en="Permit")

    assert "Parkausweis" in page(Client(), "/services/")
    assert "Permit" in page(Client(), "/en/services/")
    assert "Permit" in page(Client(), "/en/services/parkausweis/")
    german = page(Client(), "/services/parkausweis/")
    assert "Parkausweis" in german and "Permit" not in german


def test_a_persons_draft_is_not_shown_to_anybody_else(client, tax_office):
    service = ServiceFactory(unit=tax_office, slug="parkausweis")
    person = UserFactory()
    draft_start(user=person, service=service)
    sign_in(client, person)
    assert "Antrag fortsetzen" in page(client, "/services/parkausweis/")

    client.logout()
    anonymous = page(client, "/services/parkausweis/")
    sign_in(client, UserFactory())
    other = page(client, "/services/parkausweis/")

    assert "Antrag fortsetzen" not in anonymous and "Antrag fortsetzen" not in other
    assert "Anmelden und online beantragen" in anonymous
    assert "Online beantragen" in other


def test_the_catalogue_costs_the_same_queries_for_few_and_many_services(tax_office):
    for number in range(3):
        ServiceFactory(unit=tax_office, slug=f"dienst-{number}")
    few = queries("/services/")

    for number in range(3, 30):
        ServiceFactory(unit=tax_office, slug=f"dienst-{number}")

    assert queries("/services/") <= few
    assert queries("/services/?page=2") <= few
    assert queries("/services/", cold=False) <= 1
    assert queries("/services/dienst-3/", cold=False) <= 2
