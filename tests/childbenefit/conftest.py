import pytest

from rathaus.childbenefit.benefitrules import AmountSchedule, load_default_amounts
from rathaus.organization.models import Role
from tests.factories import StaffFactory


@pytest.fixture(scope="session")
def amounts() -> AmountSchedule:
    return load_default_amounts()


@pytest.fixture
def family_lead(family_office):
    return StaffFactory(
        email="lead.fk@example.org", with_totp=True, unit=family_office, unit__role=Role.LEAD
    )
