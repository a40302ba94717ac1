import io

import pytest
from django.core.management import call_command

from rathaus.childbenefit.models import BenefitClaim, DecisionLine
from rathaus.eservices.models import FormVersion

pytestmark = pytest.mark.django_db


def test_load_demo_twice_publishes_the_forms_once_and_decides_one_application():
    for _ in range(2):
        call_command(
            "load_demo",
            only=["accounts", "organization", "eservices", "childbenefit"],
            stdout=io.StringIO(),
        )

    assert FormVersion.objects.filter(service__slug="kindergeld").count() == 1
    assert FormVersion.objects.filter(service__slug="kindergeld-aenderung").count() == 1
    claim = BenefitClaim.objects.get()
    assert claim.case.applicant.email == "anna.schmidt@example.org"
    assert claim.case.status == "decided"
    assert DecisionLine.objects.filter(granted=True).exists()
