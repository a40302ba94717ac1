"""Who may see and change the dog-tax statute: the tax office's clerks and lead, nobody else."""

import pytest
from django.contrib.auth.models import AnonymousUser

from rathaus.organization.models import Role
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

PERMISSIONS = ["dogtax.view_statute", "dogtax.change_statute"]


def person(kind: str):
    tax_office = OrgUnitFactory(slug="steueramt")
    return {
        "tax clerk": lambda: StaffFactory(unit=tax_office),
        "tax lead": lambda: StaffFactory(unit=tax_office, unit__role=Role.LEAD),
        "tax office moderator": lambda: StaffFactory(unit=tax_office, unit__role=Role.MODERATOR),
        "family clerk": lambda: StaffFactory(unit=OrgUnitFactory(slug="familienkasse")),
        "administrator": lambda: StaffFactory(
            unit=OrgUnitFactory(slug="ikt"), unit__role=Role.ADMINISTRATOR
        ),
        "citizen": UserFactory,
        "anonymous": AnonymousUser,
    }[kind]()


@pytest.mark.parametrize(
    ("kind", "allowed"),
    [
        ("tax clerk", True),
        ("tax lead", True),
        ("tax office moderator", False),
        ("family clerk", False),
        ("administrator", False),
        ("citizen", False),
        ("anonymous", False),
    ],
)
@pytest.mark.parametrize("permission", PERMISSIONS)
def test_only_the_tax_office_works_on_the_statute(kind, allowed, permission):
    assert person(kind).has_perm(permission) is allowed


def test_a_former_tax_clerk_who_is_no_longer_staff_is_refused():
    clerk = StaffFactory(unit=OrgUnitFactory(slug="steueramt"), is_active=False)

    assert not clerk.has_perm("dogtax.change_statute")
