import pytest

from rathaus.childbenefit.benefitrules import AmountSchedule, load_default_amounts
from rathaus.organization.models import Role
from tests.factories import OrgUnitFactory, StaffFactory


@pytest.fixture(scope="session")
def amounts() -> AmountSchedule:
    return load_default_amounts()


@pytest.fixture
def familienkasse(db):
    return OrgUnitFactory(slug="familienkasse", name_de="Familienkasse", name_en="Family Benefits")


@pytest.fixture
def family_clerk(familienkasse):
    return StaffFactory(email="clerk.fk@example.org", with_totp=True, unit=familienkasse)


@pytest.fixture
def family_lead(familienkasse):
    return StaffFactory(
        email="lead.fk@example.org", with_totp=True, unit=familienkasse, unit__role=Role.LEAD
    )


@pytest.fixture
def tax_clerk(db):
    return StaffFactory(
        email="clerk.tax@example.org", with_totp=True, unit=OrgUnitFactory(slug="steueramt")
    )


@pytest.fixture
def administrator(db):
    return StaffFactory(
        email="admin.ikt@example.org",
        with_totp=True,
        unit=OrgUnitFactory(slug="ikt"),
        unit__role=Role.ADMINISTRATOR,
    )
