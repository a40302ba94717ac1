"""The tax office's statute pages: who may see and change them, and what they show."""

from datetime import date
from decimal import Decimal

import pytest

from rathaus.core.models import AuditEntry
from rathaus.core.navigation import backoffice_links
from rathaus.dogtax.models import DogTaxStatute, ExemptionKind, RatePeriod
from tests.factories import sign_in

pytestmark = pytest.mark.django_db

STATUTE = "/backoffice/dogtax/statute/"
NEW_RATES = "/backoffice/dogtax/statute/rates/new/"


def exemption_url(code: str) -> str:
    return f"/backoffice/dogtax/statute/exemptions/{ExemptionKind.objects.get(code=code).pk}/"


def rate_form(**changes) -> dict:
    return {
        "valid_from": "2027-01-01",
        "valid_until": "",
        "first": "132,00",
        "second": "180,00",
        "further": "240,00",
        "dangerous": "",
    } | changes


def test_before_the_statute_is_installed_the_page_says_so_and_stores_nothing(client, tax_clerk):
    sign_in(client, tax_clerk)

    page = client.get(STATUTE).content.decode()

    assert "Es ist noch keine Satzung gespeichert" in page
    assert not DogTaxStatute.objects.exists()


@pytest.mark.parametrize("role", ["tax_clerk", "tax_lead"])
def test_the_tax_office_sees_rates_and_exemptions(client, stored_statute, request, role):
    sign_in(client, request.getfixturevalue(role))

    page = client.get(STATUTE).content.decode()

    assert "Hundesteuersatzung der Stadt Kaiserslautern" in page
    assert "ab 1. Januar 2022" in page
    assert "120,00\N{NO-BREAK SPACE}€" in page
    assert "228,00\N{NO-BREAK SPACE}€" in page
    assert "Hund aus dem Tierheim" in page
    assert "24 Monate" in page
    assert "einmal in 10 Jahren je Haushalt" in page
    assert "15.2. für die Monate 1, 2, 3" in page


@pytest.mark.parametrize("who", ["family_clerk", "anyone"])
@pytest.mark.parametrize("path", [STATUTE, NEW_RATES])
def test_others_are_refused(client, stored_statute, request, who, path):
    sign_in(client, request.getfixturevalue(who))

    assert client.get(path).status_code == 403
    assert client.post(path, rate_form()).status_code == 403
    assert RatePeriod.objects.count() == 2


def test_anonymous_visitors_are_sent_to_sign_in(client, stored_statute):
    response = client.get(STATUTE)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_back_office_start_page_links_the_statute_for_the_tax_office_only(
    tax_clerk, family_clerk
):
    def titles(user):
        return [str(link.title) for link in backoffice_links(user)]

    assert "Hundesteuersatzung" in titles(tax_clerk)
    assert "Hundesteuersatzung" not in titles(family_clerk)


def test_a_clerk_adds_a_rate_period_with_german_decimals(client, stored_statute, tax_clerk):
    sign_in(client, tax_clerk)

    response = client.post(NEW_RATES, rate_form())

    assert response.status_code == 302
    assert response["Location"] == STATUTE
    added = RatePeriod.objects.get(valid_from=date(2027, 1, 1))
    assert (added.first, added.second, added.further) == (
        Decimal("132.00"),
        Decimal("180.00"),
        Decimal("240.00"),
    )
    page = client.get(STATUTE).content.decode()
    assert "Der Steuersatz-Zeitraum wurde hinzugefügt." in page
    assert "1. Januar 2022 bis 31. Dezember 2026" in page
    assert AuditEntry.objects.filter(action="dogtax.rate_period.add", actor=tax_clerk).exists()


def test_an_overlapping_period_is_refused_with_a_german_message(client, stored_statute, tax_clerk):
    sign_in(client, tax_clerk)

    response = client.post(NEW_RATES, rate_form(valid_from="2021-01-01", valid_until="2021-06-30"))

    assert response.status_code == 200
    assert "Dieser Zeitraum überschneidet sich mit einem anderen Steuersatz-Zeitraum." in (
        response.content.decode()
    )
    assert RatePeriod.objects.count() == 2


def test_rate_period_errors_are_in_english_for_an_english_clerk(
    client, stored_statute, english_tax_clerk
):
    sign_in(client, english_tax_clerk)

    english = rate_form(first="132.00", second="180.00", further="240.00")
    dates = client.post(
        "/en" + NEW_RATES, english | {"valid_from": "2030-01-01", "valid_until": "2029-01-01"}
    )
    rates = client.post("/en" + NEW_RATES, english | {"first": "-5"})

    assert "The end must not be before the start." in dates.content.decode()
    assert "Ensure this value is greater than or equal to 0." in rates.content.decode()
    assert RatePeriod.objects.count() == 2


def test_impossible_input_is_refused_field_by_field(client, stored_statute, tax_clerk):
    sign_in(client, tax_clerk)

    response = client.post(NEW_RATES, rate_form(valid_from="2027-02-30", first="viel"))

    page = response.content.decode()
    assert page.count('aria-invalid="true"') == 2
    assert "Bitte ein gültiges Datum eingeben." in page
    assert "Bitte eine Zahl eingeben." in page


def test_a_clerk_edits_an_exemption_kind_and_the_change_is_audited(
    client, stored_statute, tax_clerk
):
    sign_in(client, tax_clerk)
    url = exemption_url("shelter")
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data |= {"duration_months": "12", "name_en": "Dog from the animal shelter"}
    data["clerk_check"] = "on"

    response = client.post(url, data)

    assert response.status_code == 302
    shelter = ExemptionKind.objects.get(code="shelter")
    assert (shelter.duration_months, shelter.name_en) == (12, "Dog from the animal shelter")
    entry = AuditEntry.objects.get(action="dogtax.exemption_kind.update")
    assert entry.before["duration_months"] == 24
    assert entry.after["name_en"] == "Dog from the animal shelter"


def test_an_exemption_kind_needs_a_positive_duration(client, stored_statute, tax_clerk):
    sign_in(client, tax_clerk)
    url = exemption_url("shelter")
    data = {
        name: value
        for name, value in client.get(url).context["form"].initial.items()
        if value is not None
    } | {"duration_months": "0"}

    response = client.post(url, data)

    assert "Dieser Wert muss größer oder gleich 1 sein." in response.content.decode()
    assert ExemptionKind.objects.get(code="shelter").duration_months == 24


def test_the_code_of_an_exemption_kind_cannot_be_changed(client, stored_statute, tax_clerk):
    sign_in(client, tax_clerk)
    url = exemption_url("rescue")
    data = {
        name: value
        for name, value in client.get(url).context["form"].initial.items()
        if value is not None
    } | {"code": "something-else", "level": "keeper"}

    client.post(url, data)

    rescue = ExemptionKind.objects.get(pk=ExemptionKind.objects.get(code="rescue").pk)
    assert (rescue.code, rescue.level) == ("rescue", "dog")
