import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from rathaus.core.installation import install_all
from rathaus.dogtax import demo as dogtax_demo
from rathaus.eservices import demo
from rathaus.eservices.models import FormVersion, LifeSituation, Service
from rathaus.eservices.selectors.catalogue import service_search
from tests.eservices.factories import ServiceFactory
from tests.factories import sign_in


@pytest.fixture
def demo_catalogue(db):
    from rathaus.accounts import demo as accounts_demo
    from rathaus.organization import demo as organization_demo

    install_all()
    accounts_demo.load()
    organization_demo.load()
    demo.load()
    dogtax_demo.load()  # Anna's demo deregistration of her dog


def test_the_demo_catalogue_has_the_kaiserslautern_services(demo_catalogue):
    services = {service.slug: service for service in Service.objects.all()}

    assert len(services) >= 10
    assert services["hundesteuer-anmeldung"].leika == "99102013104000"
    for slug in (
        "hundesteuer-abmeldung",
        "kindergeld",
        "bewohnerparkausweis",
        "sperrmuell",
        demo.GENERIC_DEMO_SLUG,
    ):
        assert services[slug].is_open
        assert services[slug].versions.exists()
    for service in services.values():
        service.full_clean()


def test_loading_the_demo_twice_changes_nothing(demo_catalogue):
    counts = (Service.objects.count(), FormVersion.objects.count(), LifeSituation.objects.count())

    demo.load()
    dogtax_demo.load()

    assert (
        Service.objects.count(),
        FormVersion.objects.count(),
        LifeSituation.objects.count(),
    ) == counts
    assert Service.objects.get(slug="hundesteuer-abmeldung").cases.count() == 1


@pytest.mark.parametrize("leika", ["9910201310400", "12102013104000", "99102013104OOO", ""])
def test_a_leika_key_must_have_14_digits_starting_with_99(service, leika):
    service.leika = leika

    with pytest.raises(ValidationError):
        service.full_clean()


def test_search_finds_words_in_german_and_english_names(demo_catalogue):
    assert "hundesteuer-anmeldung" in [service.slug for service in service_search(query="Hund")]
    assert [service.slug for service in service_search(query="parking")] == ["bewohnerparkausweis"]
    assert list(service_search(query="Raumfahrt")) == []


def test_the_life_situation_filter_narrows_the_list(demo_catalogue):
    slugs = {service.slug for service in service_search(life_situation="tiere")}

    assert slugs == {
        "hundesteuer-anmeldung",
        "hundesteuer-abmeldung",
        "hundesteuermarke-verloren",
        "hundesteuer-adressaenderung",
        "hundesteuer-befreiung",
    }


@pytest.mark.postgres
def test_postgres_uses_the_german_text_search_with_stemming(demo_catalogue):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")

    found = [service.slug for service in service_search(query="Anmeldungen eines Hundes")]

    assert found[0] == "hundesteuer-anmeldung"


def test_the_service_page_invites_signed_in_people_to_apply(client, citizen, service):
    anonymous = client.get(f"/services/{service.slug}/").content.decode()
    sign_in(client, citizen)
    signed_in = client.get(f"/services/{service.slug}/").content.decode()

    assert "Anmelden und online beantragen" in anonymous
    assert "Online beantragen" in signed_in


def test_a_closed_service_page_says_so(client, tax_office):
    ServiceFactory(unit=tax_office, slug="closed", is_open=False)

    html = client.get("/services/closed/").content.decode()

    assert "kann derzeit nicht online beantragt werden" in html


def test_the_catalogue_page_searches(client, demo_catalogue):
    html = client.get("/services/", {"q": "Sperrmüll"}).content.decode()

    assert "Sperrmüllabholung anmelden" in html
    assert "Kindergeld beantragen" not in html
