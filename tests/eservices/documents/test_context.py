from decimal import Decimal

import pytest
from django.utils import translation

from rathaus.eservices.documents.context import (
    document_context,
    format_euros,
    legal_remedy_section,
    payment_section,
)
from tests.eservices.documents.conftest import kaiserslautern


def test_amounts_are_written_the_way_each_language_writes_them():
    with translation.override("de"):
        german = format_euros(Decimal("1234.5"))
    with translation.override("en"):
        english = format_euros(Decimal("1234.5"))

    assert "1.234,50" in german
    assert english == "EUR 1,234.50"


def test_a_payment_defaults_to_the_authoritys_account_and_gets_a_girocode():
    with translation.override("en"):
        section = payment_section(
            {"amount": Decimal("120.00"), "reference": "KL-2026-000123"}, kaiserslautern()
        )

    assert section["beneficiary"] == "Stadtkasse Kaiserslautern"
    assert section["iban_display"] == "DE02 1203 0000 0000 2020 51"
    assert section["bic"] == "BYLADEM1001"
    assert section["amount_display"] == "EUR 120.00"
    assert section["girocode"].startswith('<svg viewBox="0 0 ')
    assert "<title>GiroCode for the transfer of EUR 120.00</title>" in section["girocode"]


def test_a_payment_by_direct_debit_gets_no_girocode():
    section = payment_section(
        {
            "amount": Decimal("60.00"),
            "reference": "KL-2026-000130",
            "direct_debit": {"mandate_reference": "HUND-1", "iban": "DE89370400440532013000"},
        },
        kaiserslautern(),
    )

    assert section["girocode"] == ""
    assert section["direct_debit"]["iban_display"] == "DE89 3704 0044 0532 0130 00"


def test_an_invalid_payment_is_refused_before_anything_is_printed():
    with pytest.raises(ValueError):
        payment_section({"amount": Decimal("0.00"), "reference": "KL-1"}, kaiserslautern())


def test_the_legal_remedy_defaults_to_an_objection_to_the_authority():
    assert legal_remedy_section(True, kaiserslautern()) == {
        "kind": "widerspruch",
        "authority": "Stadtverwaltung Kaiserslautern",
        "street": "Willy-Brandt-Platz 1",
        "postal_code": "67657",
        "city": "Kaiserslautern",
        "levy": False,
    }


def test_an_unknown_legal_remedy_is_refused():
    with pytest.raises(ValueError, match="Klage"):
        legal_remedy_section({"kind": "Klage"}, kaiserslautern())


def test_the_context_keeps_the_callers_values_and_adds_the_authority():
    profile = kaiserslautern()

    context = document_context(
        {"reference": "KL-2026-000123", "subject": "Bescheid"}, language="en", profile=profile
    )

    assert context["reference"] == "KL-2026-000123"
    assert context["municipality"] is profile
    assert context["language"] == "en"
    assert context["bank"]["iban"] == "DE02 1203 0000 0000 2020 51"
    assert context["date"] is not None
    assert "payment" not in context
