"""Factories for the people and departments tests need (factory_boy)."""

import time

import factory
import pyotp
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from rathaus.accounts.models import User
from rathaus.organization.installation import units as shipped_units
from rathaus.organization.models import Membership, OrgUnit, Role, UnitDuty, UnitKind

PASSWORD = "Correct-Horse-Battery-9"
SHIPPED_DUTIES = {unit["slug"]: unit.get("duties", []) for unit in shipped_units()}
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name", locale="de_DE")
    language = "de"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
            self.save()

    class Params:
        english = factory.Trait(language="en")


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"department-{n}")
    name_de = factory.LazyAttribute(lambda unit: f"Abteilung {unit.slug}")
    name_en = factory.LazyAttribute(lambda unit: f"Department {unit.slug}")
    kind = UnitKind.DEPARTMENT
    handles_cases = True

    @factory.post_generation
    def duties(self, create, extracted, **kwargs):
        """`duties=[…]` gives the unit these duties; by default a unit with the slug of a shipped
        department (steueramt, familienkasse, …) has that department's duties."""
        if not create:
            return
        codes = SHIPPED_DUTIES.get(self.slug, ()) if extracted is None else extracted
        for code in codes:
            UnitDuty.objects.get_or_create(unit=self, duty=code)


class StaffFactory(UserFactory):
    """A staff member; `with_totp=True` also sets up TOTP with TOTP_SECRET."""

    is_staff = True

    @factory.post_generation
    def unit(self, create, extracted, **kwargs):
        if create:
            Membership.objects.create(
                user=self, unit=extracted or OrgUnitFactory(), role=kwargs.get("role", Role.CLERK)
            )

    @factory.post_generation
    def with_totp(self, create, extracted, **kwargs):
        if create and extracted:
            TOTP.activate(self, TOTP_SECRET)


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def current_totp_code(secret: str = TOTP_SECRET) -> str:
    """The TOTP code now, kept clear of the end of its 30-second window.

    allauth accepts only the current code (no tolerance), so a code computed just before the
    window turns would be refused by the time the form arrives.
    """
    if 30 - time.time() % 30 < 3:
        time.sleep(3.5)
    return pyotp.TOTP(secret).now()


def sign_in(client, user, *, password: str = PASSWORD):
    """Sign in through allauth's real forms, answering the TOTP step when the user has one."""
    client.logout()
    response = client.post("/accounts/login/", {"login": user.email, "password": password})
    if response.get("Location") == "/accounts/2fa/authenticate/":
        response = client.post("/accounts/2fa/authenticate/", {"code": current_totp_code()})
    assert response.status_code == 302, "sign-in failed"
    return response


def staff_member(email: str, unit: str, role: str = Role.CLERK):
    """A staff member with TOTP and ``role`` in the unit with the slug ``unit``."""
    return StaffFactory(
        email=email, with_totp=True, unit=OrgUnitFactory(slug=unit), unit__role=role
    )


def platform_administrator():
    """The superuser who administers the platform, with TOTP but no department role."""
    return StaffFactory(
        email="admin@example.org",
        is_superuser=True,
        with_totp=True,
        unit=OrgUnitFactory(slug="ikt"),
        unit__role=Role.ADMINISTRATOR,
    )
