"""The child-benefit decision pages cost the same queries for one child as for two.

Query counts, not times (performance is measured by `make bench`, issue 15): the citizen's
payment schedule and the clerk's decision page read the claim, its children and their decision
lines once each, however many children and months there are.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rathaus.childbenefit.models import BenefitClaim
from rathaus.childbenefit.services import claim_decide
from rathaus.core.models import AuditEntry
from rathaus.eservices.handlers import handler_for
from tests.childbenefit.applications import CHILD_TAX_IDS, apply, child, kindergeld_service
from tests.factories import UserFactory, sign_in
from tests.pages import second_view_queries as queries

pytestmark = pytest.mark.django_db


# Each child once (one benefit per child and month): one child in the small case, two in the
# large one.
ONE = [child("Ida", "2019-07-23", CHILD_TAX_IDS[2])]
TWO = [child("Mia", "2015-04-01", CHILD_TAX_IDS[0]), child("Leo", "2012-02-10", CHILD_TAX_IDS[1])]


@pytest.fixture
def service(family_office):
    return kindergeld_service(family_office)


def decided_case(service, clerk, children):
    case = apply(service, UserFactory(), children)
    handler_for(case.service).decide_automatically(case=case)
    claim_decide(claim=BenefitClaim.objects.get(case=case), choices={}, actor=clerk)
    return case


def test_the_payment_schedule_costs_the_same_queries_for_one_and_two_children(
    client, service, family_clerk
):
    few = decided_case(service, family_clerk, ONE)
    many = decided_case(service, family_clerk, TWO)

    sign_in(client, few.applicant)
    one = queries(client, f"/childbenefit/cases/{few.reference}/schedule/", fresh=few.applicant)
    client.logout()
    sign_in(client, many.applicant)
    url = f"/childbenefit/cases/{many.reference}/schedule/"
    two = queries(client, url, fresh=many.applicant)

    assert two <= one <= 7
    # Kept until the person's data changes: the session and the user, nothing of the page.
    assert queries(client, url) <= 3


def test_the_decision_page_costs_the_same_queries_for_one_and_two_children(
    client, service, family_clerk
):
    few = decided_case(service, family_clerk, ONE)
    many = decided_case(service, family_clerk, TWO)
    sign_in(client, family_clerk)

    one = queries(client, f"/backoffice/childbenefit/cases/{few.reference}/decide/")
    two = queries(client, f"/backoffice/childbenefit/cases/{many.reference}/decide/")

    assert two <= one


def test_every_read_of_the_decision_page_is_audited_in_one_insert(client, service, family_clerk):
    case = decided_case(service, family_clerk, TWO)
    sign_in(client, family_clerk)
    url = f"/backoffice/childbenefit/cases/{case.reference}/decide/"
    client.get(url)

    with CaptureQueriesContext(connection) as captured:
        client.get(url)

    assert AuditEntry.objects.filter(action="childbenefit.decision.read").count() == 2
    writes = [q["sql"] for q in captured if not q["sql"].lstrip().startswith("SELECT")]
    assert len(writes) == 1 and writes[0].startswith('INSERT INTO "core_auditentry"')
