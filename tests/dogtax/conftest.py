"""Fixtures of the dog-tax app: the stored statute and the people who work on it (the
departments and their clerks are in the root conftest)."""

import pytest

from rathaus.dogtax.services import statute_seed
from tests.factories import StaffFactory, UserFactory


@pytest.fixture
def stored_statute(db):
    return statute_seed()


@pytest.fixture
def english_tax_clerk(tax_office):
    return StaffFactory(
        email="tax.clerk.en@example.org", with_totp=True, unit=tax_office, english=True
    )


@pytest.fixture
def anyone(db):
    return UserFactory(email="resident@example.org")
