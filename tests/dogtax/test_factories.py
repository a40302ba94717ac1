"""Each trait of the dog factories makes a dog (and household) in the state it names."""

from datetime import timedelta

import pytest

from rathaus.dogtax.models import DogEvent, TagInvalidation
from tests.dogtax.factories import DogFactory, TaxAccountFactory
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _statute(stored_statute):
    return stored_statute


def test_an_account_is_opened_with_a_number_and_an_address():
    keeper = UserFactory()
    account = TaxAccountFactory(keeper=keeper, district="Innenstadt")

    assert account.number.startswith("HSt-") and account.keeper == keeper
    assert (account.city, account.district) == ("Kaiserslautern", "Innenstadt")


def test_a_registered_dog_is_kept_with_a_valid_tag_in_its_own_household():
    dog = DogFactory()

    assert dog.given_up_on is None and dog.exemption_code == ""
    assert dog.tags.get().invalidated_on is None
    assert DogEvent.objects.filter(dog=dog, kind=DogEvent.Kind.REGISTERED).exists()


def test_an_untagged_dog_has_no_tag():
    assert not DogFactory(untagged=True).tags.exists()


def test_a_deregistered_dog_was_given_up_and_its_tag_returned():
    dog = DogFactory(deregistered=True)

    assert dog.given_up_on == dog.kept_since + timedelta(days=30)
    assert dog.deregistered_on is not None
    assert dog.tags.get().invalidation_reason == TagInvalidation.RETURNED


def test_an_exempt_dog_has_the_exemption_granted_from_the_day_it_was_kept():
    dog = DogFactory(exempt=True)

    assert (dog.exemption_code, dog.exemption_from) == ("shelter", dog.kept_since)
    assert DogEvent.objects.filter(dog=dog, kind=DogEvent.Kind.EXEMPTION_GRANTED).exists()
