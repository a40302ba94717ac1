"""SEPA core direct debits: a pain.008.001.02 file for the bank, checked against its schema.

The XML is built by ``sepaxml`` (it also ships the ISO 20022 schemas); this module checks the
input first, puts names and texts into the SEPA character set, stamps the caller's message id and
creation time, and validates the result against the XSD plus the totals the XSD cannot check.
Debits are grouped into one payment information block per sequence type (FRST, RCUR, OOFF, FNAL),
as the rulebook requires, all with the one collection date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files

from lxml import etree
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException
from sepaxml import SepaDD
from stdnum.eu import at_02

from rathaus.eservices.payments.charset import is_sepa_identifier, to_sepa_text
from rathaus.eservices.payments.xml import UnsafeXmlError, parse_untrusted

SCHEMA = "pain.008.001.02"
NAMESPACE = f"urn:iso:std:iso:20022:tech:xsd:{SCHEMA}"
SEQUENCE_TYPES = ("FRST", "RCUR", "OOFF", "FNAL")
MAX_NAME = 70
MAX_REMITTANCE = 140
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Creditor:
    name: str
    iban: str
    bic: str
    creditor_id: str  # Gläubiger-Identifikationsnummer, e.g. DE98ZZZ09999999999


@dataclass(frozen=True)
class DirectDebit:
    mandate_reference: str
    mandate_signed_on: dt.date
    debtor_name: str
    debtor_iban: str
    debtor_bic: str | None
    amount: Decimal
    end_to_end_id: str
    remittance: str
    sequence_type: str  # FRST, RCUR, OOFF or FNAL


class SepaSchemaError(ValueError):
    """A pain.008 document that the bank would reject; ``messages`` says why, one per problem."""

    def __init__(self, messages: Sequence[str]):
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))


def _compact_iban(value: str, what: str) -> str:
    try:
        return str(IBAN(value).compact)
    except SchwiftyException as error:
        raise ValueError(f"{what}: invalid IBAN ({error}).") from error


def _compact_bic(value: str, what: str) -> str:
    try:
        return str(BIC(value))
    except SchwiftyException as error:
        raise ValueError(f"{what}: invalid BIC ({error}).") from error


def _identifier(value: str, what: str) -> str:
    if not is_sepa_identifier(value):
        raise ValueError(f"{what} {value!r} must have 1 to 35 SEPA characters and no spaces.")
    return value


def _cents(amount: Decimal, what: str) -> int:
    if not isinstance(amount, Decimal) or amount != amount.quantize(CENT) or amount <= 0:
        raise ValueError(
            f"{what}: the amount must be a positive Decimal with at most two decimals."
        )
    return int(amount * 100)


def _creditor_config(creditor: Creditor) -> dict:
    if not at_02.is_valid(creditor.creditor_id):
        raise ValueError(f"Invalid SEPA creditor identifier {creditor.creditor_id!r}.")
    return {
        "name": to_sepa_text(creditor.name, max_length=MAX_NAME),
        "IBAN": _compact_iban(creditor.iban, "Creditor"),
        "BIC": _compact_bic(creditor.bic, "Creditor"),
        "batch": True,
        "creditor_id": at_02.compact(creditor.creditor_id),
        "currency": "EUR",
    }


def _payment(debit: DirectDebit, *, collection_date: dt.date) -> dict:
    what = f"Debit {debit.end_to_end_id!r}"
    if debit.sequence_type not in SEQUENCE_TYPES:
        raise ValueError(f"{what}: sequence type must be one of {', '.join(SEQUENCE_TYPES)}.")
    if debit.mandate_signed_on > collection_date:
        raise ValueError(f"{what}: the mandate is signed after the collection date.")
    name = to_sepa_text(debit.debtor_name, max_length=MAX_NAME)
    if not name:
        raise ValueError(f"{what}: the debtor needs a name.")
    payment = {
        "name": name,
        "IBAN": _compact_iban(debit.debtor_iban, what),
        "amount": _cents(debit.amount, what),
        "type": debit.sequence_type,
        "collection_date": collection_date,
        "mandate_id": _identifier(debit.mandate_reference, f"{what}: mandate reference"),
        "mandate_date": debit.mandate_signed_on,
        "description": to_sepa_text(debit.remittance, max_length=MAX_REMITTANCE),
        "endtoend_id": _identifier(debit.end_to_end_id, "End-to-end id"),
    }
    if debit.debtor_bic:
        payment["BIC"] = _compact_bic(debit.debtor_bic, what)
    return payment


def _stamp_header(xml: bytes, *, message_id: str, created_at: dt.datetime) -> bytes:
    root = parse_untrusted(xml)
    header = root.find(f"{{{NAMESPACE}}}CstmrDrctDbtInitn/{{{NAMESPACE}}}GrpHdr")
    header.find(f"{{{NAMESPACE}}}MsgId").text = message_id
    header.find(f"{{{NAMESPACE}}}CreDtTm").text = created_at.isoformat(timespec="seconds")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def build_pain008(
    *,
    creditor: Creditor,
    collection_date: dt.date,
    debits: Sequence[DirectDebit],
    message_id: str,
    created_at: dt.datetime | None = None,
) -> bytes:
    """The pain.008.001.02 document collecting ``debits`` on ``collection_date``.

    Raises ``ValueError`` for invalid input (IBAN, BIC, creditor id, amounts, identifiers,
    sequence types) and ``SepaSchemaError`` should the result not validate.
    """
    if not debits:
        raise ValueError("A direct-debit file needs at least one debit.")
    if created_at is None:
        created_at = dt.datetime.now(dt.UTC)
    if created_at.tzinfo is None:
        raise ValueError("created_at must be an aware datetime.")
    _identifier(message_id, "Message id")
    end_to_end_ids = [debit.end_to_end_id for debit in debits]
    if len(set(end_to_end_ids)) != len(end_to_end_ids):
        raise ValueError("Every debit needs its own end-to-end id.")
    document = SepaDD(_creditor_config(creditor), schema=SCHEMA, clean=True)
    for debit in debits:
        document.add_payment(_payment(debit, collection_date=collection_date))
    xml = _stamp_header(
        document.export(validate=False), message_id=message_id, created_at=created_at
    )
    validate_pain008(xml)
    return xml


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    with (files("sepaxml") / "schemas" / f"{SCHEMA}.xsd").open("rb") as handle:
        return etree.XMLSchema(etree.parse(handle))


def _count_and_sum_messages(element: etree._Element, label: str, amounts: list[Decimal]):
    ns = {"p": NAMESPACE}
    count = element.findtext("p:NbOfTxs", namespaces=ns)
    total = element.findtext("p:CtrlSum", namespaces=ns)
    if count is not None and int(count) != len(amounts):
        yield f"{label}: NbOfTxs is {count}, but there are {len(amounts)} transactions."
    if total is not None and Decimal(total) != sum(amounts, Decimal(0)):
        yield f"{label}: CtrlSum {total} is not the sum of its amounts."


def _rulebook_messages(root: etree._Element) -> list[str]:
    """What the SEPA core rulebook requires beyond the ISO schema: counts and control sums that
    add up, a sequence type and the creditor identifier per block, and the mandate reference and
    its date of signature per transaction (all optional in the ISO XSD)."""
    ns = {"p": NAMESPACE}
    messages: list[str] = []
    all_amounts: list[Decimal] = []
    for block in root.iterfind("p:CstmrDrctDbtInitn/p:PmtInf", ns):
        label = f"PmtInf {block.findtext('p:PmtInfId', namespaces=ns)}"
        transactions = block.findall("p:DrctDbtTxInf", ns)
        amounts = [Decimal(t.findtext("p:InstdAmt", namespaces=ns)) for t in transactions]
        all_amounts.extend(amounts)
        messages.extend(_count_and_sum_messages(block, label, amounts))
        if block.findtext("p:PmtTpInf/p:SeqTp", namespaces=ns) is None:
            messages.append(f"{label}: SeqTp is missing.")
        if block.find("p:CdtrSchmeId", ns) is None:
            messages.append(f"{label}: CdtrSchmeId (creditor identifier) is missing.")
        for transaction in transactions:
            end_to_end = transaction.findtext("p:PmtId/p:EndToEndId", namespaces=ns)
            for element in ("MndtId", "DtOfSgntr"):
                if transaction.find(f"p:DrctDbtTx/p:MndtRltdInf/p:{element}", ns) is None:
                    messages.append(f"Transaction {end_to_end}: {element} is missing.")
    header = root.find("p:CstmrDrctDbtInitn/p:GrpHdr", ns)
    messages.extend(_count_and_sum_messages(header, "GrpHdr", all_amounts))
    return messages


def validate_pain008(xml: bytes) -> None:
    """Raise ``SepaSchemaError`` unless ``xml`` is a pain.008.001.02 document valid against the
    ISO 20022 schema shipped with sepaxml and the rulebook checks of ``_rulebook_messages``."""
    try:
        root = parse_untrusted(xml)
    except (etree.XMLSyntaxError, UnsafeXmlError) as error:
        raise SepaSchemaError([f"Not a readable XML document: {error}"]) from error
    if root.tag != f"{{{NAMESPACE}}}Document":
        raise SepaSchemaError([f"Expected a {SCHEMA} Document, found {root.tag}."])
    schema = _schema()
    if not schema.validate(root):
        raise SepaSchemaError([f"line {e.line}: {e.message}" for e in schema.error_log])
    if messages := _rulebook_messages(root):
        raise SepaSchemaError(messages)
