"""The dog register in the back office and the tag lookup: who may see what, and the audit."""

from datetime import date
from io import StringIO

import factory
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rathaus.core.models import AuditEntry
from rathaus.core.navigation import backoffice_links
from rathaus.dogtax.services import dog_deregister, notice_record, tag_replace
from tests.dogtax.factories import DogFactory, TaxAccountFactory
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory, sign_in

pytestmark = pytest.mark.django_db

REGISTER = "/backoffice/dogtax/register/"
LOOKUP = "/backoffice/dogtax/tags/lookup/"


@pytest.fixture
def order_clerk(db):
    return StaffFactory(
        email="order.clerk@example.org", with_totp=True, unit=OrgUnitFactory(slug="ordnungsamt")
    )


@pytest.fixture
def household(stored_statute):
    account = TaxAccountFactory(keeper=UserFactory(), name="Clara Citizen", district="Innenstadt")
    bello = DogFactory(account=account, name="Bello", breed="Pudel", kept_since=date(2020, 1, 1))
    luna = DogFactory(account=account, name="Luna", kept_since=date(2021, 1, 1))
    tag_replace(tag=bello.tags.get())
    dog_deregister(dog=luna, given_up_on=date(2026, 3, 1), reason="died")
    notice_record(account=account, year=2026, kind="annual")
    return account


def test_the_tax_office_searches_households_by_name_account_and_tag(client, tax_clerk, household):
    other = TaxAccountFactory(name="Otto Other")
    sign_in(client, tax_clerk)

    for query in ["clara", household.number, "1"]:
        page = client.get(REGISTER, {"q": query}).content.decode()
        assert household.number in page, query
        assert other.number not in page, query
    assert household.number in client.get(REGISTER, {"q": "00002"}).content.decode()
    assert other.number in client.get(REGISTER).content.decode()


def test_the_household_page_shows_dogs_tags_notices_and_history(client, tax_lead, household):
    sign_in(client, tax_lead)

    page = client.get(f"{REGISTER}{household.number}/").content.decode()

    assert "Clara Citizen" in page and "Innenstadt" in page
    assert "Bello" in page and "Pudel" in page and "Luna" in page
    assert "00001" in page and "00003" in page and "verloren" in page
    assert "gestorben" in page
    assert "Jahresveranlagung" in page
    assert "Steuermarke für ungültig erklärt" in page and "Hund abgemeldet" in page


def test_an_unknown_household_is_404(client, tax_clerk, stored_statute):
    sign_in(client, tax_clerk)
    assert client.get(f"{REGISTER}HSt-999999/").status_code == 404


def test_the_order_office_may_only_look_up_tags(client, order_clerk, household):
    sign_in(client, order_clerk)

    assert client.get(REGISTER).status_code == 403
    assert client.get(f"{REGISTER}{household.number}/").status_code == 403
    assert client.get("/backoffice/dogtax/statute/").status_code == 403
    page = client.get(LOOKUP, {"number": "3"}).content.decode()
    assert "00003" in page and "Bello" in page and "<strong>gültig</strong>" in page
    assert "Clara Citizen" in page
    assert f'href="{REGISTER}' not in page
    titles = [link.title for link in backoffice_links(order_clerk)]
    assert "Steuermarken-Abfrage" in [str(t) for t in titles]
    assert "Hunderegister" not in [str(t) for t in titles]


def test_every_lookup_is_audited(client, order_clerk, household):
    sign_in(client, order_clerk)

    client.get(LOOKUP, {"number": "00001"})
    client.get(LOOKUP, {"number": "77777"})

    entries = AuditEntry.objects.filter(action="dogtax.tag.lookup").order_by("id")
    assert [(e.actor, e.after["number"], e.after["found"]) for e in entries] == [
        (order_clerk, "00001", True),
        (order_clerk, "77777", False),
    ]
    assert "<strong>ungültig</strong>" in client.get(LOOKUP, {"number": "1"}).content.decode()


@pytest.mark.parametrize("url", [REGISTER, LOOKUP])
def test_other_staff_get_403_and_citizens_are_refused(client, family_clerk, url):
    sign_in(client, family_clerk)
    assert client.get(url).status_code == 403
    client.logout()
    sign_in(client, UserFactory())
    assert client.get(url).status_code == 403


def test_the_platform_administrator_does_not_open_the_register(client, household):
    from tests.factories import platform_administrator

    sign_in(client, platform_administrator())

    assert client.get(REGISTER).status_code == 403
    assert client.get(f"{REGISTER}{household.number}/").status_code == 403


def test_a_household_read_is_audited(client, tax_clerk, household):
    sign_in(client, tax_clerk)

    client.get(f"{REGISTER}{household.number}/")

    entry = AuditEntry.objects.get(action="dogtax.register.read")
    assert entry.actor == tax_clerk
    assert entry.target_id == str(household.pk)


def test_the_register_costs_the_same_queries_for_3_and_40_households(
    client, tax_clerk, stored_statute
):
    call_command("dogtax_seed_households", count=3, stdout=StringIO())
    sign_in(client, tax_clerk)
    client.get(REGISTER)
    with CaptureQueriesContext(connection) as few:
        assert client.get(REGISTER).status_code == 200

    call_command("dogtax_seed_households", count=37, seed=5, stdout=StringIO())

    with CaptureQueriesContext(connection) as many:
        assert client.get(REGISTER).status_code == 200
    assert len(many) <= len(few)


def test_the_register_counts_the_dogs_kept_and_pages_without_counting_households(
    client, tax_clerk, household
):
    TaxAccountFactory.create_batch(60, name=factory.Sequence(lambda n: f"Keeper {n:02d}"))
    sign_in(client, tax_clerk)

    first = client.get(REGISTER).content.decode()
    second = client.get(REGISTER, {"page": "2"}).content.decode()
    past = client.get(REGISTER, {"page": "9"}).content.decode()

    row = first[first.index(household.number) :]
    assert row[: row.index("</tr>")].rstrip().endswith('<td class="kern-table__cell">1</td>')
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert second.count('<tr class="kern-table__row">') == 1 + 11
    assert "Seite 9" in past and "Keeper" not in past
