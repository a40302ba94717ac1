"""Each trait of the dog factories makes a dog (and household) in the state it names; the
registration factory makes a registration processed through the engine."""

from datetime import timedelta

import pytest

from rathaus.dogtax.models import Dog, DogEvent, TagInvalidation, TaxNotice
from rathaus.eservices import workflow
from rathaus.eservices.handlers import Outcome
from tests.dogtax.factories import DogFactory, RegistrationFactory, TaxAccountFactory
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


def test_a_registration_is_processed_and_decided_with_a_tax_notice():
    case = RegistrationFactory()

    assert (case.status, case.outcome) == (workflow.DECIDED, Outcome.GRANTED)
    assert case.service.handler == "dogtax.registration"
    assert Dog.objects.get().name == "Bello"
    assert TaxNotice.objects.get().case_reference == case.reference


def test_a_registration_with_a_shelter_exemption_brings_its_evidence_and_waits_for_a_clerk():
    case = RegistrationFactory(answers={"exemption": "shelter"})

    assert case.status == workflow.SUBMITTED
    assert case.answers["evidence"]["name"] == "evidence.pdf"
    assert not Dog.objects.exists()
