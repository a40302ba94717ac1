from datetime import timedelta

import pytest
from django.utils import timezone

from rathaus.eservices.models import Delivery
from rathaus.eservices.outboxes import Outbox, outbox_for, register_outbox
from rathaus.eservices.outboxes.folder import FolderOutbox
from rathaus.eservices.services.handoff import (
    deliveries_retry_due,
    deliveries_schedule,
    delivery_attempt,
    parcel_for,
    retry_pause,
)

CALLS: list[str] = []


@register_outbox
class FlakyOutbox(Outbox):
    """Fails twice, then accepts; records every case reference it received."""

    key = "test.flaky"
    failures_left = 0

    def deliver(self, parcel):
        if FlakyOutbox.failures_left > 0:
            FlakyOutbox.failures_left -= 1
            raise ConnectionError("specialist system not reachable")
        CALLS.append(parcel.reference)


@pytest.fixture
def flaky_case(service, make_case):
    CALLS.clear()
    FlakyOutbox.failures_left = 2
    service.outboxes = ["test.flaky"]
    service.save()
    return make_case()


def test_a_failed_delivery_is_retried_later_until_it_succeeds_once(flaky_case):
    delivery = deliveries_schedule(case=flaky_case)[0]

    delivery = delivery_attempt(delivery=delivery)
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert "ConnectionError" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now()

    later = timezone.now() + timedelta(hours=7)
    deliveries_retry_due(now=later)
    deliveries_retry_due(now=later)
    deliveries_retry_due(now=later)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("delivered", 3)
    assert [flaky_case.reference] == CALLS


def test_scheduling_again_never_creates_a_second_delivery(flaky_case):
    deliveries_schedule(case=flaky_case)
    deliveries_schedule(case=flaky_case)

    assert Delivery.objects.filter(case=flaky_case).count() == 1


def test_a_delivery_gives_up_after_the_configured_attempts(flaky_case, settings):
    settings.ESERVICES_DELIVERY_ATTEMPTS = 2
    delivery = deliveries_schedule(case=flaky_case)[0]

    delivery_attempt(delivery=delivery)
    delivery = delivery_attempt(delivery=delivery)

    assert delivery.status == "failed"
    assert delivery.next_attempt_at is None


def test_pauses_between_attempts_grow_and_are_capped():
    assert [retry_pause(n).total_seconds() // 60 for n in (1, 2, 3, 10, 20)] == [1, 2, 4, 360, 360]


def test_the_folder_outbox_replaces_an_earlier_delivery_of_the_same_case(make_case, settings):
    from pathlib import Path

    case = make_case()
    outbox = outbox_for("folder")
    assert isinstance(outbox, FolderOutbox)

    outbox.deliver(parcel_for(case))
    outbox.deliver(parcel_for(case))

    folders = [path.name for path in Path(settings.ESERVICES_OUTBOX_DIR).iterdir()]
    assert folders == [case.reference]


def test_unknown_outboxes_and_duplicate_keys_are_errors():
    with pytest.raises(LookupError):
        outbox_for("nowhere")

    class Other(Outbox):
        key = "folder"

    with pytest.raises(ValueError):
        register_outbox(Other)
