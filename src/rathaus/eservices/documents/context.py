"""What every document template gets besides the caller's context: the authority, its bank
details, and the prepared payment (with its GiroCode) and legal remedy sections."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from rathaus.core.models import MunicipalityProfile
from rathaus.eservices.payments.girocode import girocode_svg
from rathaus.eservices.payments.mandates import format_iban

LEGAL_REMEDY_KINDS = ("widerspruch", "einspruch")


def format_euros(amount: Decimal) -> str:
    """``amount`` in the active language: "1.234,50 EUR" in German, "EUR 1,234.50" in English."""
    digits = number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    return _("EUR %(amount)s") % {"amount": digits}


def payment_section(payment: Mapping, profile: MunicipalityProfile) -> dict:
    """The payment details to print, defaulting to the authority's own account, with the
    GiroCode as inline SVG; or, when ``direct_debit`` ({mandate_reference, iban}) is given,
    the note that the amount will be collected."""
    section = {
        "beneficiary": profile.bank_account_holder,
        "iban": profile.iban,
        "bic": profile.bic,
        "text": "",
        **payment,
    }
    amount = section["amount"]
    section["amount_display"] = format_euros(amount)
    section["iban_display"] = format_iban(section["iban"])
    if section.get("direct_debit"):
        # Collected by direct debit: no GiroCode, which would invite paying twice.
        debit = dict(section["direct_debit"])
        debit["iban_display"] = format_iban(debit["iban"])
        section["direct_debit"] = debit
        section["girocode"] = ""
        return section
    section["girocode"] = girocode_svg(
        beneficiary=section["beneficiary"],
        iban=section["iban"],
        bic=section["bic"] or "",
        amount=amount,
        reference=section["reference"],
        text=section["text"],
        title=_("GiroCode for the transfer of %(amount)s") % {"amount": section["amount_display"]},
    )
    return section


def legal_remedy_section(legal_remedy: Mapping | bool, profile: MunicipalityProfile) -> dict:
    """Which legal remedy the notice names and where it is lodged.

    ``True`` means an objection (Widerspruch, §§ 68 ff. VwGO) to the authority of the profile.
    A mapping may set ``kind`` ("widerspruch" or "einspruch", the latter for notices under the
    Fiscal Code such as child benefit), ``authority``, ``street``, ``postal_code``, ``city``,
    and ``levy`` (True for notices assessing public charges: the objection does not suspend
    the duty to pay, § 80 (2) no. 1 VwGO).
    """
    given = {} if legal_remedy is True else dict(legal_remedy)
    section = {
        "kind": "widerspruch",
        "authority": profile.official_name_de,
        "street": profile.street,
        "postal_code": profile.postal_code,
        "city": profile.city,
        "levy": False,
        **given,
    }
    if section["kind"] not in LEGAL_REMEDY_KINDS:
        raise ValueError(f"Unknown legal remedy {section['kind']!r}.")
    return section


def document_context(context: Mapping, *, language: str, profile: MunicipalityProfile) -> dict:
    full = {
        **context,
        "municipality": profile,
        "language": language,
        "date": context.get("date") or timezone.localdate(),
        "bank": {
            "holder": profile.bank_account_holder,
            "name": profile.bank_name,
            "iban": format_iban(profile.iban),
            "bic": profile.bic,
        },
    }
    if context.get("payment"):
        full["payment"] = payment_section(context["payment"], profile)
    if context.get("legal_remedy"):
        full["legal_remedy"] = legal_remedy_section(context["legal_remedy"], profile)
    return full
