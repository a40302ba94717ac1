"""GiroCode: the EPC QR code for a SEPA credit transfer (EPC069-12, version 002, UTF-8).

The payload has one element per line:

    BCD / 002 / 1 (UTF-8) / SCT / BIC / beneficiary / IBAN / amount ("EUR12.34") / purpose /
    structured remittance (ISO 11649 creditor reference "RF…") / unstructured remittance / note

Only one of the two remittance lines may be filled. A ``reference`` that is a valid ISO 11649
creditor reference goes into the structured line; any other reference (a case number such as
``KL-2026-000123`` or a tax account) goes, followed by ``text``, into the unstructured line,
which every German banking app shows and carries through to the bank statement. Trailing empty
lines are left out, as the guidelines ask. The QR code uses error correction level M and at most
version 13, as the guidelines require.
"""

from __future__ import annotations

from decimal import Decimal

import segno
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException
from stdnum import iso11649

SERVICE_TAG = "BCD"
VERSION = "002"
CHARACTER_SET_UTF8 = "1"
IDENTIFICATION = "SCT"
MIN_AMOUNT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999.99")
MAX_BENEFICIARY = 70
MAX_STRUCTURED = 35
MAX_UNSTRUCTURED = 140
MAX_INFORMATION = 70
MAX_PAYLOAD_BYTES = 331
MAX_QR_VERSION = 13
ERROR_LEVEL = "M"


def format_amount(amount: Decimal) -> str:
    """``EUR`` and the amount with a point and two decimals (``EUR12.30``)."""
    if not isinstance(amount, Decimal):
        raise TypeError("The amount must be a Decimal.")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"The amount {amount} has more than two decimals.")
    if not MIN_AMOUNT <= amount <= MAX_AMOUNT:
        raise ValueError(f"The amount must lie between {MIN_AMOUNT} and {MAX_AMOUNT} EUR.")
    return f"EUR{amount:.2f}"


def _remittance(reference: str, text: str) -> tuple[str, str]:
    """(structured, unstructured) remittance lines; exactly one of them is filled."""
    reference, text = reference.strip(), " ".join(text.split())
    if reference and iso11649.is_valid(reference):
        if text:
            raise ValueError(
                "A creditor reference (RF…) and a text cannot both be sent; "
                "put the text into `information`."
            )
        return iso11649.compact(reference), ""
    unstructured = " ".join(part for part in (reference, text) if part)
    if not unstructured:
        raise ValueError("A GiroCode needs a reference or a remittance text.")
    if len(unstructured) > MAX_UNSTRUCTURED:
        raise ValueError(
            f"Reference and text have {len(unstructured)} characters; "
            f"at most {MAX_UNSTRUCTURED} are allowed."
        )
    return "", unstructured


def girocode_payload(
    *,
    beneficiary: str,
    iban: str,
    bic: str,
    amount: Decimal,
    reference: str,
    text: str = "",
    purpose: str = "",
    information: str = "",
) -> str:
    """The EPC QR payload (lines separated by LF) for a transfer of ``amount`` euros.

    ``bic`` may be empty (version 002 inside the EEA). ``purpose`` is an optional four-letter
    ISO 20022 purpose code (e.g. ``GOVT``), ``information`` an optional note to the payer.
    Raises ``ValueError`` when an element is invalid or too long.
    """
    beneficiary = " ".join(beneficiary.split())
    if not 0 < len(beneficiary) <= MAX_BENEFICIARY:
        raise ValueError(f"The beneficiary name must have 1 to {MAX_BENEFICIARY} characters.")
    try:
        iban_compact = str(IBAN(iban).compact)
        bic_compact = str(BIC(bic)) if bic.strip() else ""
    except SchwiftyException as error:
        raise ValueError(f"Invalid bank details: {error}") from error
    if purpose and not (len(purpose) == 4 and purpose.isalpha() and purpose.isupper()):
        raise ValueError("The purpose must be a four-letter upper-case code.")
    information = " ".join(information.split())
    if len(information) > MAX_INFORMATION:
        raise ValueError(f"The note to the payer may have at most {MAX_INFORMATION} characters.")
    structured, unstructured = _remittance(reference, text)
    lines = [
        SERVICE_TAG,
        VERSION,
        CHARACTER_SET_UTF8,
        IDENTIFICATION,
        bic_compact,
        beneficiary,
        iban_compact,
        format_amount(amount),
        purpose,
        structured,
        unstructured,
        information,
    ]
    while lines[-1] == "":
        lines.pop()
    payload = "\n".join(lines)
    if len(payload.encode("utf-8")) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"The GiroCode payload is longer than {MAX_PAYLOAD_BYTES} bytes.")
    return payload


def girocode_qr(**payment) -> segno.QRCode:
    """The QR code for ``girocode_payload(**payment)``: byte mode, UTF-8, level M, version ≤ 13."""
    qr = segno.make_qr(
        girocode_payload(**payment), error=ERROR_LEVEL, boost_error=False, encoding="utf-8"
    )
    if qr.version > MAX_QR_VERSION:  # cannot happen within 331 bytes; kept as the rule
        raise ValueError(f"The GiroCode needs QR version {qr.version}; at most 13 is allowed.")
    return qr


def girocode_svg(*, title: str = "GiroCode", **payment) -> str:
    """The GiroCode for ``girocode_payload(**payment)`` as inline SVG markup for an HTML (and so
    PDF) document.

    Black modules on a transparent ground with the quiet zone of four modules; no width or
    height, so the stylesheet sizes it. ``title`` becomes the SVG's <title>, which WeasyPrint's
    PDF tagging uses as the figure's alternative text.
    """
    return girocode_qr(**payment).svg_inline(
        border=4, title=title, omitsize=True, svgclass="girocode-qr"
    )
