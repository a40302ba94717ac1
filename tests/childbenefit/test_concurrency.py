"""Two decisions for the same child at the same moment: only one may pay the months.

Run with DATABASE_URL=postgres://… (skipped on SQLite, whose single writer serialises anyway).
"""

import pytest
from django.db import connection

from rathaus.childbenefit.models import DecisionLine
from rathaus.childbenefit.services import GrantConflict, amount_defaults_seed, claim_decide
from rathaus.core import audit
from tests.childbenefit.applications import CHILD_TAX_IDS, kindergeld_service
from tests.childbenefit.factories import ClaimFactory
from tests.eservices.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    amount_defaults_seed(actor=None)  # transactional tests flush the seeded rows


def test_two_claims_for_one_child_decided_at_once_grant_each_month_only_once(
    family_office, family_clerk, monkeypatch
):
    service = kindergeld_service(family_office)
    claims = [ClaimFactory(service=service) for _ in range(2)]
    original = audit.audit_record

    def slow(**kwargs):
        import time

        time.sleep(0.2)
        return original(**kwargs)

    monkeypatch.setattr("rathaus.childbenefit.services.claims.audit_record", slow)

    results = run_together(
        *[
            lambda claim=claim: claim_decide(claim=claim, choices={}, actor=family_clerk)
            for claim in claims
        ]
    )

    conflicts = [result for result in results if isinstance(result, GrantConflict)]
    assert len(conflicts) == 1, results
    granted = DecisionLine.objects.filter(child_tax_id=CHILD_TAX_IDS[0], granted=True)
    assert granted.values("recipient").distinct().count() == 1
    assert granted.count() == granted.values("month").distinct().count() > 0
