"""The mailbox and the case timeline say how a case was decided, with the amounts (issue 14)."""

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation

from rathaus.eservices.handlers import Decision, Outcome
from rathaus.eservices.services.decisions import case_decide
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _language_reset():
    """Pages under /en/ activate English in this thread; later tests expect the default."""
    yield
    translation.deactivate()


def mailbox_pages(case, user, prefix=""):
    client = Client()
    client.force_login(user)
    index = client.get(f"{prefix}/services/mailbox/").content.decode()
    page = client.get(f"{prefix}/services/cases/{case.reference}/").content.decode()
    return index, page


@pytest.mark.parametrize(
    ("outcome", "amount", "german", "english"),
    [
        (
            Outcome.GRANTED,
            Decimal("1030.70"),
            "bewilligt – Zu zahlender Betrag: 1.030,70 €",
            "granted – Amount to pay: €1,030.70",
        ),
        (Outcome.PARTLY_GRANTED, None, "teilweise bewilligt", "partly granted"),
        (Outcome.REJECTED, None, "abgelehnt", "rejected"),
    ],
)
def test_mailbox_and_timeline_name_the_outcome_and_amount(
    make_case, tax_clerk, outcome, amount, german, english
):
    for language, expected, prefix in (("de", german, ""), ("en", english, "/en")):
        user = UserFactory(language=language)
        case = make_case(user)
        case_decide(
            case=case, decision=Decision(outcome=outcome, text="", amount=amount), actor=tax_clerk
        )

        index, page = mailbox_pages(case, user, prefix)

        assert expected in index
        assert expected in page
        status = "entschieden" if language == "de" else "decided"
        assert f"Status: {status} ({expected})" in page
