"""The annual dog-tax notice (Jahresveranlagung): its letter context and the PDF/A.

The letter is the toolkit's DIN 5008 letter (``eservices/documents/letter.html``) with the dog
lines, the instalments, the payment section (GiroCode for the first amount due, or the note that
it is collected under the household's mandate) and the legal remedy for a levy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from rathaus.dogtax.models import TaxAccount, TaxNotice
from rathaus.dogtax.notice_outlook import next_year_amount, next_year_context
from rathaus.eservices.documents.pdf import render_pdf

TEMPLATE = "dogtax/assessment/annual_notice.html"


@dataclass(frozen=True)
class Payable:
    """One amount the notice asks for: what the finance system and the bank files carry."""

    index: int
    due_on: date
    amount: Decimal
    covers: tuple[int, ...]

    def as_json(self) -> dict:
        return {
            "index": self.index,
            "due_on": self.due_on.isoformat(),
            "amount": str(self.amount),
            "covers": list(self.covers),
        }

    @classmethod
    def from_json(cls, data: dict) -> Payable:
        return cls(
            index=data["index"],
            due_on=date.fromisoformat(data["due_on"]),
            amount=Decimal(data["amount"]),
            covers=tuple(data["covers"]),
        )


def payment_reference(account: TaxAccount, year: int) -> str:
    """The reference a transfer quotes: tax account number and year (``HSt-000123-2027``)."""
    return f"{account.number}-{year}"


def month_ranges(months: list[int]) -> str:
    """``[1, 2, 3, 7]`` → "January–March, July" in the active language."""
    months = sorted(set(months))
    parts, start = [], None
    for position, month in enumerate(months):
        if start is None:
            start = month
        following = months[position + 1] if position + 1 < len(months) else None
        if following != month + 1:
            first, last = str(MONTHS[start]), str(MONTHS[month])
            parts.append(first if start == month else f"{first}–{last}")
            start = None
    return ", ".join(parts)


def _dog_rows(notice: TaxNotice) -> list[dict]:
    rows = []
    for line in notice.dogs:
        liable = [item["month"] for item in line["months"]]
        exempt = [item["month"] for item in line["months"] if item["exempt"]]
        rows.append(
            {
                "name": line["name"],
                "tag": line["tag"],
                "months": month_ranges(liable),
                "month_count": len(liable),
                "exempt": month_ranges(exempt),
                "amount": Decimal(line["amount"]),
                "next_year_amount": next_year_amount(line),
            }
        )
    return rows


def notice_context(
    *,
    account: TaxAccount,
    notice: TaxNotice,
    payables: list[Payable],
    mandate=None,
    department: str,
    contact: dict,
) -> dict:
    """The letter's context; call it with the recipient's language active."""
    reference = payment_reference(account, notice.year)
    first = next((item for item in payables if item.amount > 0), None)
    payment = None
    if first is not None:
        payment = {
            "amount": first.amount,
            "reference": reference,
            "text": _("Dog tax %(year)s") % {"year": notice.year},
            "due_on": first.due_on,
        }
        if mandate is not None:
            payment["direct_debit"] = {
                "mandate_reference": mandate.reference,
                "iban": mandate.iban,
            }
    return {
        "subject": _("Dog tax notice %(year)s (annual assessment)") % {"year": notice.year},
        "reference": account.number,
        "date": notice.issued_on,
        "department": department,
        "contact": contact,
        "recipient": {"name": account.keeper_name, **account.address},
        "year": notice.year,
        "account": account,
        "dogs": _dog_rows(notice),
        "total": notice.total,
        "previous_total": notice.previous_total,
        **next_year_context(notice.year, notice.dogs),
        "installments": [
            {
                "due_on": item.due_on,
                "months": month_ranges(list(item.covers)),
                "amount": item.amount,
            }
            for item in payables
            if item.amount > 0
        ],
        "mandate": mandate,
        "payment": payment,
        "legal_remedy": {"levy": True},
    }


def render_notice(*, language: str, **context_args) -> bytes:
    with translation.override(language):
        context = notice_context(**context_args)
        return render_pdf(template=TEMPLATE, context=context, language=language)
