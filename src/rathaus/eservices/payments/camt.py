"""Bank statements (camt.053, versions .001.02 and .001.08): booked entries and their matching.

A statement entry (``Ntry``) may be a batch booking with one ``TxDtls`` per transaction, as banks
book the collection of a direct-debit file; such an entry becomes one ``BookedEntry`` per
transaction with that transaction's amount, so each can be matched to its own payment request.
Only booked entries are returned (status BOOK); pending or informational ones are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Protocol

from django.utils.translation import gettext as _
from lxml import etree

from rathaus.eservices.payments.xml import UnsafeXmlError, parse_untrusted

STATEMENT_NAMESPACES = {
    "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02": "02",
    "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08": "08",
}
ISO20022_MESSAGE = re.compile(r"urn:iso:std:iso:20022:tech:xsd:([a-z]{4}\.\d{3}\.\d{3}\.\d{2})$")
NOT_PROVIDED = "NOTPROVIDED"


@dataclass(frozen=True)
class BookedEntry:
    amount: Decimal
    currency: str
    booking_date: dt.date
    value_date: dt.date | None
    end_to_end_id: str
    remittance: str
    debtor_name: str
    debtor_iban: str
    credit: bool  # money came in (CRDT); False for money going out (DBIT)
    reversal: bool = False  # a reversal (e.g. a returned direct debit) of an earlier booking
    account_iban: str = ""  # the statement's account, i.e. the municipality's own
    bank_reference: str = ""  # the bank's own reference (AcctSvcrRef), for idempotent imports


class CamtError(ValueError):
    """The file is not a camt.053 bank statement this module can read; the message says why."""


class _Reader:
    """XPath-free navigation in one camt namespace."""

    def __init__(self, namespace: str):
        self.ns = {"c": namespace}

    def find(self, element, path: str):
        return element.find(self._qualified(path), self.ns)

    def findall(self, element, path: str):
        return element.findall(self._qualified(path), self.ns)

    def text(self, element, *paths: str) -> str:
        for path in paths:
            found = element.find(self._qualified(path), self.ns)
            if found is not None and found.text and found.text.strip():
                return found.text.strip()
        return ""

    def date(self, element, path: str) -> dt.date | None:
        value = self.text(element, f"{path}/Dt", f"{path}/DtTm")
        return dt.date.fromisoformat(value[:10]) if value else None

    @staticmethod
    def _qualified(path: str) -> str:
        return "/".join(f"c:{step}" for step in path.split("/"))


def _statement_root(xml: bytes) -> tuple[etree._Element, str]:
    try:
        root = parse_untrusted(xml)
    except (etree.XMLSyntaxError, UnsafeXmlError) as error:
        raise CamtError(_("The file is not a readable XML document.")) from error
    namespace = etree.QName(root).namespace or ""
    if namespace not in STATEMENT_NAMESPACES:
        found = ISO20022_MESSAGE.match(namespace)
        if found and found.group(1).startswith("camt.053."):
            raise CamtError(
                _(
                    "The bank statement is in version %(version)s, which cannot be read. "
                    "Please download it as camt.053.001.02 or camt.053.001.08."
                )
                % {"version": found.group(1)}
            )
        if found:
            raise CamtError(
                _("The file is a %(message)s message, not a camt.053 bank statement.")
                % {"message": found.group(1)}
            )
        raise CamtError(_("The file is not a camt.053 bank statement."))
    if (
        etree.QName(root).localname != "Document"
        or root.find(f"{{{namespace}}}BkToCstmrStmt") is None
    ):
        raise CamtError(_("The file is not a camt.053 bank statement."))
    return root, namespace


def _amount(reader: _Reader, element, path: str) -> tuple[Decimal, str] | None:
    found = reader.find(element, path)
    if found is None or not (found.text or "").strip():
        return None
    try:
        return Decimal(found.text.strip()), found.get("Ccy", "")
    except InvalidOperation as error:
        raise CamtError(_("The statement contains an amount that is not a number.")) from error


def _transaction_amount(reader: _Reader, details) -> tuple[Decimal, str] | None:
    # .08 has TxDtls/Amt; both versions may carry AmtDtls/TxAmt/Amt (.02 only that).
    return _amount(reader, details, "Amt") or _amount(reader, details, "AmtDtls/TxAmt/Amt")


def _party_name(reader: _Reader, details, role: str) -> str:
    # .02: RltdPties/Dbtr/Nm; .08: RltdPties/Dbtr/Pty/Nm
    return reader.text(details, f"RltdPties/{role}/Nm", f"RltdPties/{role}/Pty/Nm")


def _remittance(reader: _Reader, details) -> str:
    parts = [part.text.strip() for part in reader.findall(details, "RmtInf/Ustrd") if part.text]
    parts += [
        part.text.strip()
        for part in reader.findall(details, "RmtInf/Strd/CdtrRefInf/Ref")
        if part.text
    ]
    return " ".join(parts)


def _entries_of(reader: _Reader, entry, account_iban: str) -> Iterable[BookedEntry]:
    status = reader.text(entry, "Sts", "Sts/Cd")
    if status != "BOOK":
        return
    entry_amount = _amount(reader, entry, "Amt")
    booking_date = reader.date(entry, "BookgDt")
    if entry_amount is None or booking_date is None:
        raise CamtError(_("A booked entry of the statement has no amount or no booking date."))
    common = {
        "booking_date": booking_date,
        "value_date": reader.date(entry, "ValDt"),
        "credit": reader.text(entry, "CdtDbtInd") == "CRDT",
        "reversal": reader.text(entry, "RvslInd").lower() == "true",
        "account_iban": account_iban,
    }
    transactions = reader.findall(entry, "NtryDtls/TxDtls")
    for details in transactions:
        amount, currency = _transaction_amount(reader, details) or (
            entry_amount if len(transactions) == 1 else (None, "")
        )
        if amount is None:
            raise CamtError(_("A transaction in a batch booking has no amount of its own."))
        end_to_end_id = reader.text(details, "Refs/EndToEndId")
        yield BookedEntry(
            amount=amount,
            currency=currency,
            end_to_end_id="" if end_to_end_id == NOT_PROVIDED else end_to_end_id,
            remittance=_remittance(reader, details) or reader.text(entry, "AddtlNtryInf"),
            debtor_name=_party_name(reader, details, "Dbtr"),
            debtor_iban=reader.text(details, "RltdPties/DbtrAcct/Id/IBAN"),
            bank_reference=reader.text(details, "Refs/AcctSvcrRef")
            or reader.text(entry, "AcctSvcrRef"),
            **common,
        )
    if not transactions:
        yield BookedEntry(
            amount=entry_amount[0],
            currency=entry_amount[1],
            end_to_end_id="",
            remittance=reader.text(entry, "AddtlNtryInf"),
            debtor_name="",
            debtor_iban="",
            bank_reference=reader.text(entry, "AcctSvcrRef"),
            **common,
        )


def parse_camt053(xml: bytes) -> list[BookedEntry]:
    """The booked entries of every statement in a camt.053 document, in file order.

    Raises ``CamtError`` (with a translated message) for anything that is not a camt.053
    statement in version .001.02 or .001.08, including other camt messages such as camt.052
    account reports or camt.054 notifications.
    """
    root, namespace = _statement_root(xml)
    reader = _Reader(namespace)
    entries: list[BookedEntry] = []
    for statement in reader.findall(root, "BkToCstmrStmt/Stmt"):
        account_iban = reader.text(statement, "Acct/Id/IBAN")
        for entry in reader.findall(statement, "Ntry"):
            entries.extend(_entries_of(reader, entry, account_iban))
    return entries


class OpenRequest(Protocol):
    """What matching needs of a payment request (a model instance or a plain record)."""

    request_id: object
    reference: str
    amount: Decimal


@dataclass(frozen=True)
class PaymentRequestRecord:
    request_id: object
    reference: str
    amount: Decimal


def _reference_pattern(reference: str) -> re.Pattern[str] | None:
    """The reference as found in free text: case-insensitive, with any separator (or none)
    where the reference has one and with spaces anywhere (banks wrap remittance lines), but
    not as part of a longer run of letters and digits."""
    groups = re.findall(r"[A-Z0-9]+", reference.upper())
    if not groups:
        return None
    body = r"[^A-Z0-9]*".join(r"\s*".join(map(re.escape, group)) for group in groups)
    return re.compile(rf"(?<![A-Z0-9]){body}(?![A-Z0-9])")


def _mentions(entry: BookedEntry, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(text.upper()) for text in (entry.remittance, entry.end_to_end_id))


def match_entries(
    entries: Sequence[BookedEntry], open_requests: Sequence[OpenRequest]
) -> list[tuple[BookedEntry, object]]:
    """Pairs (entry, request_id) of incoming EUR payments and the requests they settle.

    An entry settles a request when it is a credit (not a reversal), its amount equals the
    request's amount exactly, and the request's reference appears in the entry's remittance
    text or end-to-end id (separators and case do not matter; the reference must not be part
    of a longer reference). Each entry and each request is matched at most once; when several
    open requests fit one entry, the first in ``open_requests`` wins, so pass them oldest
    first. Entries that fit no request are left for a person to look at.
    """
    patterns = [(request, _reference_pattern(request.reference)) for request in open_requests]
    settled: set[int] = set()
    matches: list[tuple[BookedEntry, object]] = []
    for entry in entries:
        if not entry.credit or entry.reversal or entry.currency not in ("EUR", ""):
            continue
        for index, (request, pattern) in enumerate(patterns):
            if index in settled or pattern is None or request.amount != entry.amount:
                continue
            if _mentions(entry, pattern):
                settled.add(index)
                matches.append((entry, request.request_id))
                break
    return matches
