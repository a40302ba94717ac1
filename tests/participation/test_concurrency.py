"""Parallel requests on PostgreSQL: one support per person even when two arrive at once."""

import threading

import pytest
from django.db import connection

from rathaus.participation.models import Proposal, Support
from rathaus.participation.services.proposals import proposal_support
from tests.participation.factories import ProposalFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


def test_parallel_supports_of_one_person_count_once(citizen):
    proposal = ProposalFactory()
    barrier = threading.Barrier(4)
    errors = []

    def support():
        try:
            barrier.wait()
            proposal_support(actor=citizen, proposal=proposal)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=support) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Support.objects.filter(proposal=proposal).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1
