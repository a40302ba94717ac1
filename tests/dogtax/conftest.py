"""Fixtures of the dog-tax app: the stored statute and the people who work on it."""

import pytest

from rathaus.dogtax.services import statute_seed
from rathaus.organization.models import Role
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory


@pytest.fixture
def stored_statute(db):
    return statute_seed()


@pytest.fixture
def tax_office(db):
    return OrgUnitFactory(slug="steueramt", name_de="Steueramt", name_en="Tax Office")


@pytest.fixture
def tax_clerk(tax_office):
    return StaffFactory(email="tax.clerk@example.org", with_totp=True, unit=tax_office)


@pytest.fixture
def tax_lead(tax_office):
    return StaffFactory(
        email="tax.lead@example.org", with_totp=True, unit=tax_office, unit__role=Role.LEAD
    )


@pytest.fixture
def english_tax_clerk(tax_office):
    return StaffFactory(
        email="tax.clerk.en@example.org", with_totp=True, unit=tax_office, english=True
    )


@pytest.fixture
def family_clerk(db):
    return StaffFactory(
        email="family.clerk@example.org",
        with_totp=True,
        unit=OrgUnitFactory(slug="familienkasse"),
    )


@pytest.fixture
def anyone(db):
    return UserFactory(email="resident@example.org")
