"""Factories for the dog-tax tests: a keeper's tax account and a registered dog with its tax
tag, made through the register's services (numbers, events, audit rows as in production), and
the keeper's applications to the dog-tax services, submitted and processed through the engine.
"""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.utils import timezone

from rathaus.dogtax.models import Dog, GivenUpReason, TaxAccount
from rathaus.dogtax.services import (
    account_for_keeper,
    dog_deregister,
    dog_register,
    exemption_grant,
)
from rathaus.eservices import demo_forms
from rathaus.eservices.models import Service
from tests.eservices.factories import CaseFactory, ServiceFactory
from tests.factories import OrgUnitFactory

ADDRESS = {"street": "Marktstraße 1", "postal_code": "67655", "city": "Kaiserslautern"}
APPLICANT = {"given_name": "Clara", "family_name": "Citizen", "address": ADDRESS}
YEAR = timezone.localdate().year

# The dog-tax services by slug: their handler and form.
DOG_FORMS = {
    "anmeldung": ("dogtax.registration", demo_forms.DOG_REGISTRATION),
    "abmeldung": ("dogtax.deregistration", demo_forms.DOG_DEREGISTRATION),
    "marke": ("dogtax.tag_lost", demo_forms.DOG_TAG_LOST),
    "adresse": ("dogtax.address_change", demo_forms.DOG_ADDRESS_CHANGE),
    "befreiung": ("dogtax.exemption", demo_forms.DOG_EXEMPTION),
}


def dog_service(slug: str) -> Service:
    """The dog-tax service ``slug`` of DOG_FORMS, offered by the Steueramt with its demo form
    published (made once per test; the dog-tax handlers need the stored statute)."""
    handler, schema = DOG_FORMS[slug]
    return Service.objects.filter(slug=slug).first() or ServiceFactory(
        unit=OrgUnitFactory(slug="steueramt"), slug=slug, schema=schema, handler=handler
    )


class DogCaseFactory(CaseFactory):
    """A keeper's application to a dog-tax service (``service``, see ``dog_service``):
    ``answers`` over the applicant's name and address, submitted and processed (the handler
    decides it, or leaves it for a clerk when evidence must be looked at)."""

    service = factory.LazyFunction(lambda: dog_service("anmeldung"))
    defaults = factory.Dict(APPLICANT)
    processed = True


class RegistrationFactory(DogCaseFactory):
    """The registration of a dog (Bello, a male cross-breed born four years before this year,
    kept since 10 May three years ago, no exemption); ``answers`` change any of these."""

    defaults = factory.Dict(
        {
            **APPLICANT,
            "dog_name": "Bello",
            "breed": "Mischling",
            "sex": "male",
            "born_on": date(YEAR - 4, 1, 1).isoformat(),
            "kept_since": date(YEAR - 3, 5, 10).isoformat(),
            "exemption": "none",
        }
    )


class TaxAccountFactory(factory.Factory):
    """A household's tax account opened by ``account_for_keeper`` (``keeper=None`` for a
    household without a user account)."""

    class Meta:
        model = TaxAccount

    keeper = None
    name = factory.Sequence(lambda n: f"Haushalt {n}")
    address = factory.Dict(ADDRESS)
    district = ""

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("Accounts are opened through account_for_keeper.")

    @classmethod
    def _create(cls, model_class, *, keeper, **values):
        return account_for_keeper(user=keeper, **values)


class DogFactory(factory.Factory):
    """A dog registered by ``dog_register`` with a tax tag. Traits: ``deregistered`` (died 30
    days after it was kept; its tag returned), ``exempt`` (a ``shelter`` exemption granted by
    ``exemption_grant`` from the day it was kept; needs the stored statute) and ``untagged``."""

    class Meta:
        model = Dog

    account = factory.SubFactory(TaxAccountFactory)
    name = factory.Sequence(lambda n: f"Hund {n}")
    kept_since = date(2024, 5, 10)
    with_tag = True
    given_up_on = None
    exemption = ""

    class Params:
        deregistered = factory.Trait(
            given_up_on=factory.LazyAttribute(lambda dog: dog.kept_since + timedelta(days=30))
        )
        exempt = factory.Trait(exemption="shelter")
        untagged = factory.Trait(with_tag=False)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("Dogs are registered through dog_register.")

    @classmethod
    def _create(cls, model_class, *, given_up_on, exemption, **values):
        dog = dog_register(**values)
        if exemption:
            dog = exemption_grant(dog=dog, code=exemption, granted_from=dog.kept_since)
        if given_up_on:
            dog = dog_deregister(dog=dog, given_up_on=given_up_on, reason=GivenUpReason.DIED)
        return dog
