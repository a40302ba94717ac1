import pytest

from rathaus.organization.models import Role
from tests.factories import OrgUnitFactory, StaffFactory

pytestmark = pytest.mark.django_db

PEOPLE = ["citizen", "tax_clerk", "family_clerk", "family_lead", "administrator"]


@pytest.mark.parametrize(
    ("person", "allowed"),
    list(zip(PEOPLE, [False, False, True, True, False], strict=True)),
)
def test_only_the_familienkasse_manages_the_amounts(request, person, allowed):
    user = request.getfixturevalue(person)

    assert user.has_perm("childbenefit.manage_amounts") is allowed


@pytest.mark.parametrize(
    ("person", "allowed"),
    list(zip(PEOPLE, [False, False, False, True, True], strict=True)),
)
def test_the_role_of_the_city_is_set_by_administrators_and_the_familienkasse_lead(
    request, person, allowed
):
    user = request.getfixturevalue(person)

    assert user.has_perm("childbenefit.set_role") is allowed


def test_a_lead_of_another_department_may_not_set_the_role(db):
    lead = StaffFactory(unit=OrgUnitFactory(slug="steueramt"), unit__role=Role.LEAD)

    assert not lead.has_perm("childbenefit.set_role")
    assert not lead.has_perm("childbenefit.manage_amounts")
