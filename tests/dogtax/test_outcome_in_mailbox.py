"""A dog-tax decision names the tax of the year in the mailbox and the timeline (issue 14)."""

import pytest
from django.test import Client
from django.utils import translation

from rathaus.dogtax.models import TaxNotice
from rathaus.eservices.outcomes import euro
from tests.dogtax.factories import YEAR, RegistrationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "prefix", "label"),
    [("de", "", "bewilligt – Hundesteuer"), ("en", "/en", "granted – Dog tax")],
)
def test_the_registration_names_the_tax_of_the_year(services, language, prefix, label):
    keeper = UserFactory(email=f"keeper-{language}@example.org", language=language)
    case = RegistrationFactory(applicant=keeper)
    notice = TaxNotice.objects.get(case_reference=case.reference)
    with translation.override(language):
        expected = f"{label} {YEAR}: {euro(notice.total)}"
    client = Client()
    client.force_login(keeper)

    assert expected in client.get(f"{prefix}/services/mailbox/").content.decode()
    assert expected in client.get(f"{prefix}/services/cases/{case.reference}/").content.decode()
