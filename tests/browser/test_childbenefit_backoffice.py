"""The Familienkasse keeps the child-benefit amounts; an administrator sets the city's role."""

import pytest
from playwright.sync_api import expect

from rathaus.childbenefit.models import BenefitAmount, BenefitRole
from rathaus.childbenefit.selectors import benefit_role
from rathaus.childbenefit.services import amount_defaults_seed
from rathaus.organization.models import Role
from tests.browser.helpers import sign_in
from tests.factories import OrgUnitFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _amounts():
    """Transactional tests empty every table, the seeded amounts too: seed them again."""
    amount_defaults_seed()


def test_a_familienkasse_clerk_adds_the_amount_of_the_next_year(page, assert_accessible):
    StaffFactory(
        email="clerk.fk@example.org", with_totp=True, unit=OrgUnitFactory(slug="familienkasse")
    )
    sign_in(page, "clerk.fk@example.org", start="/backoffice/")
    page.get_by_role("link", name="Kindergeldbeträge").click()
    assert_accessible(page)
    page.get_by_role("link", name="Betrag hinzufügen").click()
    page.get_by_label("Erster Monat").fill("2026-12")
    page.get_by_label("Letzter Monat").fill("2027-12")
    page.get_by_label("Betrag je Kind und Monat in Euro").fill("265,00")
    page.get_by_role("button", name="Speichern").click()

    expect(
        page.get_by_text(
            "Diese Monate überschneiden sich mit dem Betrag für jedes Kind von Januar 2026 bis "
            "Dezember 2026."
        )
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Erster Monat").fill("2027-01")
    page.get_by_role("button", name="Speichern").click()

    expect(page.get_by_text("Der Betrag wurde gespeichert.")).to_be_visible()
    expect(page.get_by_role("row", name="Januar 2027").get_by_text("265,00 €")).to_be_visible()
    assert BenefitAmount.objects.filter(valid_from="2027-01-01").exists()
    assert_accessible(page)


def test_an_administrator_hands_child_benefit_over(page, assert_accessible):
    StaffFactory(
        email="admin.ikt@example.org",
        with_totp=True,
        unit=OrgUnitFactory(slug="ikt"),
        unit__role=Role.ADMINISTRATOR,
    )
    sign_in(page, "admin.ikt@example.org", start="/backoffice/")
    page.get_by_role("link", name="Kindergeld: Rolle der Stadt").click()
    assert_accessible(page)

    page.get_by_label("Die Stadt gibt vollständige digitale Anträge").check()
    page.get_by_role("button", name="Speichern").click()

    expect(page.get_by_text("Die Rolle der Stadt wurde gespeichert.")).to_be_visible()
    assert benefit_role() is BenefitRole.HANDOVER
    assert_accessible(page)
