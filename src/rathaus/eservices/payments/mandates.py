"""SEPA direct-debit mandates: the debtor's IBAN and BIC, and the mandate reference."""

from __future__ import annotations

from django.utils.translation import gettext as _
from schwifty import IBAN
from schwifty.exceptions import (
    InvalidAccountCode,
    InvalidBankCode,
    InvalidBBANChecksum,
    InvalidBranchCode,
    InvalidChecksumDigits,
    InvalidCountryCode,
    InvalidLength,
    InvalidStructure,
    SchwiftyException,
)

from rathaus.eservices.payments.charset import is_sepa_identifier

MANDATE_REFERENCE_MAX_LENGTH = 35
MANDATE_NUMBER_DIGITS = 6


def _iban_error_message(error: SchwiftyException) -> str:
    if isinstance(error, InvalidCountryCode):
        return _("The IBAN does not start with a known country code.")
    if isinstance(error, InvalidLength):
        return _("The IBAN has the wrong number of characters for its country.")
    if isinstance(error, InvalidChecksumDigits):
        return _("The IBAN's check digits do not match. Please check it for typing errors.")
    if isinstance(error, InvalidBankCode | InvalidBranchCode):
        return _("The IBAN contains a bank code that does not exist.")
    if isinstance(error, InvalidAccountCode | InvalidBBANChecksum):
        return _("The account number in the IBAN is not valid.")
    if isinstance(error, InvalidStructure):
        return _("The IBAN contains characters that are not allowed at their position.")
    return _("This is not a valid IBAN.")


def normalize_iban(text: str, *, sepa_only: bool = True) -> str:
    """The IBAN in ``text`` in its compact form (``DE02120300000000202051``).

    Spaces and lower case are accepted. Raises ``ValueError`` with a translated message when the
    IBAN is invalid or, with ``sepa_only`` (the default: direct debits need it), when its country
    is outside the SEPA area.
    """
    if not (text or "").strip():
        raise ValueError(_("Please enter an IBAN."))
    try:
        iban = IBAN(text)
    except SchwiftyException as error:
        raise ValueError(_iban_error_message(error)) from error
    if sepa_only and not iban.in_sepa_zone:
        raise ValueError(_("Direct debits are only possible from an account in the SEPA area."))
    return str(iban.compact)


def format_iban(iban: str) -> str:
    """An IBAN in groups of four for printing (``DE02 1203 0000 0000 2020 51``)."""
    compact = "".join(iban.split()).upper()
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def bic_for_iban(iban: str) -> str | None:
    """The BIC of the bank behind ``iban`` from schwifty's bank registry, or None if unknown."""
    try:
        bic = IBAN(iban).bic
    except SchwiftyException:
        return None
    return str(bic) if bic else None


def new_mandate_reference(*, prefix: str, number: int) -> str:
    """A mandate reference such as ``HUND-000042``: the prefix, a hyphen, the zero-padded number.

    The result uses only the SEPA identifier characters and has at most 35 characters; the
    caller keeps ``number`` unique (e.g. a database sequence), which makes the reference unique
    for the creditor as the rulebook requires.
    """
    if number < 0:
        raise ValueError("The mandate number must not be negative.")
    prefix = prefix.strip().upper()
    reference = f"{prefix}-{number:0{MANDATE_NUMBER_DIGITS}d}" if prefix else f"{number:06d}"
    if not is_sepa_identifier(reference, max_length=MANDATE_REFERENCE_MAX_LENGTH):
        raise ValueError(
            f"Mandate reference {reference!r} is longer than 35 characters or uses characters "
            "outside the SEPA set."
        )
    return reference
