"""Factories for the dog-tax tests: a keeper's tax account and a registered dog with its tax
tag, made through the register's services (numbers, events, audit rows as in production)."""

from __future__ import annotations

from datetime import date, timedelta

import factory

from rathaus.dogtax.models import Dog, GivenUpReason, TaxAccount
from rathaus.dogtax.services import (
    account_for_keeper,
    dog_deregister,
    dog_register,
    exemption_grant,
)

ADDRESS = {"street": "Marktstraße 1", "postal_code": "67655", "city": "Kaiserslautern"}


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
