import io
import shutil
import subprocess
from decimal import Decimal

import pytest

from rathaus.eservices.payments.girocode import girocode_payload, girocode_qr, girocode_svg

CITY = {
    "beneficiary": "Stadtkasse Kaiserslautern",
    "iban": "DE02 1203 0000 0000 2020 51",
    "bic": "BYLADEM1001",
}


def test_a_notice_payment_puts_reference_and_text_into_the_unstructured_remittance():
    payload = girocode_payload(
        **CITY, amount=Decimal("120.00"), reference="KL-2026-000123", text="Hundesteuer 2026"
    )

    assert payload.split("\n") == [
        "BCD",
        "002",
        "1",
        "SCT",
        "BYLADEM1001",
        "Stadtkasse Kaiserslautern",
        "DE02120300000000202051",
        "EUR120.00",
        "",
        "",
        "KL-2026-000123 Hundesteuer 2026",
    ]


def test_the_epc_guidelines_sample_transfer_in_version_002():
    # The sample of EPC069-12 (a donation to the Belgian Red Cross), written as version 002:
    # purpose code, unstructured remittance and the note to the payer in the last line.
    payload = girocode_payload(
        beneficiary="Red Cross of Belgium",
        iban="BE72000000001616",
        bic="BPOTBEB1",
        amount=Decimal("1.00"),
        reference="",
        text="Urgency fund",
        purpose="CHAR",
        information="Sample EPC QR code",
    )

    assert payload == (
        "BCD\n002\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR1.00\nCHAR\n\n"
        "Urgency fund\nSample EPC QR code"
    )


def test_a_creditor_reference_goes_into_the_structured_remittance():
    payload = girocode_payload(
        **CITY, amount=Decimal("75"), reference="RF18 5390 0754 7034", text=""
    )

    lines = payload.split("\n")
    assert lines[7:] == ["EUR75.00", "", "RF18539007547034"]


def test_the_bic_may_be_left_out_inside_the_eea():
    payload = girocode_payload(
        beneficiary="Stadtkasse",
        iban="DE02120300000000202051",
        bic="",
        amount=Decimal("9.99"),
        reference="KL-2026-000001",
    )

    assert payload.split("\n")[4] == ""


def test_umlauts_are_sent_as_utf8():
    payload = girocode_payload(
        **{**CITY, "beneficiary": "Stadtkasse Zweibrücken"},
        amount=Decimal("1.00"),
        reference="Gebühr",
    )

    assert "Stadtkasse Zweibrücken" in payload
    assert payload.split("\n")[2] == "1"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": Decimal("0.00")}, "between"),
        ({"amount": Decimal("-5.00")}, "between"),
        ({"amount": Decimal("1000000000.00")}, "between"),
        ({"amount": Decimal("12.345")}, "two decimals"),
        ({"beneficiary": "X" * 71}, "beneficiary"),
        ({"beneficiary": "  "}, "beneficiary"),
        ({"iban": "DE02120300000000202052"}, "bank details"),
        ({"bic": "BYLA"}, "bank details"),
        ({"reference": "", "text": ""}, "reference or a remittance text"),
        ({"text": "x" * 130}, "at most 140"),
        ({"reference": "RF18539007547034", "text": "Hundesteuer"}, "cannot both"),
        ({"purpose": "tax"}, "purpose"),
        ({"information": "x" * 71}, "at most 70"),
    ],
)
def test_invalid_elements_are_refused(changes, message):
    payment = {**CITY, "amount": Decimal("10.00"), "reference": "KL-2026-000123", **changes}

    with pytest.raises(ValueError, match=message):
        girocode_payload(**payment)


def test_amounts_must_be_decimals_not_floats():
    with pytest.raises(TypeError):
        girocode_payload(**CITY, amount=12.5, reference="KL-2026-000123")


def test_a_payload_longer_than_331_bytes_is_refused():
    with pytest.raises(ValueError, match="331 bytes"):
        girocode_payload(
            beneficiary="Ä" * 70,
            iban="DE02120300000000202051",
            bic="BYLADEM1001",
            amount=Decimal("1.00"),
            reference="",
            text="ü" * 140,
            information="ö" * 70,
        )


def test_the_qr_code_uses_error_level_m_in_byte_mode_within_version_13():
    largest = {
        **CITY,
        "beneficiary": "B" * 70,
        "amount": Decimal("999999999.99"),
        "reference": "",
        "text": "T" * 140,
        "purpose": "GOVT",
        "information": "I" * 40,
    }
    assert len(girocode_payload(**largest).encode()) > 300

    qr = girocode_qr(**largest)

    assert qr.error == "M"
    assert qr.mode == "byte"
    assert qr.version <= 13


def test_the_svg_has_a_title_for_the_alternative_text_and_no_fixed_size():
    svg = girocode_svg(
        **CITY, amount=Decimal("120.00"), reference="KL-2026-000123", title="GiroCode 120 EUR"
    )

    assert svg.startswith("<svg")
    assert "<title>GiroCode 120 EUR</title>" in svg
    assert "viewBox" in svg
    assert " width=" not in svg


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools (zbarimg) not installed")
def test_the_qr_code_decodes_back_to_the_payload():
    payment = {
        **CITY,
        "amount": Decimal("120.00"),
        "reference": "KL-2026-000123",
        "text": "Hundesteuer 2026 für Bello",
    }
    image = io.BytesIO()
    girocode_qr(**payment).save(image, kind="png", scale=6)

    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sbinary", "-"],
        input=image.getvalue(),
        capture_output=True,
        check=True,
    ).stdout

    assert decoded.decode("utf-8").rstrip("\n") == girocode_payload(**payment)
