"""Fixtures of the dog-tax app: the stored statute, the dog-tax services, a keeper and the
people who work on the register (the departments and their clerks are in the root conftest)."""

import pytest

from rathaus.dogtax.services import statute_seed
from tests.dogtax.factories import DOG_FORMS, dog_service
from tests.factories import StaffFactory, UserFactory


@pytest.fixture
def stored_statute(db):
    return statute_seed()


@pytest.fixture
def services(tax_office, stored_statute):
    """The dog-tax services by slug (see DOG_FORMS), with the statute their handlers apply."""
    return {slug: dog_service(slug) for slug in DOG_FORMS}


@pytest.fixture
def keeper(db):
    return UserFactory(email="keeper@example.org")


@pytest.fixture
def english_tax_clerk(tax_office):
    return StaffFactory(
        email="tax.clerk.en@example.org", with_totp=True, unit=tax_office, english=True
    )


@pytest.fixture
def anyone(db):
    return UserFactory(email="resident@example.org")
