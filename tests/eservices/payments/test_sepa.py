import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from lxml import etree

from rathaus.eservices.payments.sepa import (
    Creditor,
    DirectDebit,
    SepaSchemaError,
    build_pain008,
    validate_pain008,
)

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"}
CREDITOR = Creditor(
    name="Stadtkasse Kaiserslautern",
    iban="DE02 1203 0000 0000 2020 51",
    bic="BYLADEM1001",
    creditor_id="DE98ZZZ09999999999",
)
COLLECTION = dt.date(2026, 3, 2)


def debit(number: int, **changes) -> DirectDebit:
    values = {
        "mandate_reference": f"HUND-{number:06d}",
        "mandate_signed_on": dt.date(2025, 1, 10),
        "debtor_name": "Anna Schmidt",
        "debtor_iban": "DE89370400440532013000",
        "debtor_bic": "COBADEFFXXX",
        "amount": Decimal("30.00"),
        "end_to_end_id": f"KL-2026-{number:06d}-1",
        "remittance": f"Hundesteuer 2026 KL-2026-{number:06d}",
        "sequence_type": "RCUR",
    }
    return DirectDebit(**{**values, **changes})


def build(debits, **changes) -> bytes:
    arguments = {
        "creditor": CREDITOR,
        "collection_date": COLLECTION,
        "debits": debits,
        "message_id": "KL-DD-20260302-01",
        "created_at": dt.datetime(2026, 2, 20, 9, 30, tzinfo=dt.UTC),
        **changes,
    }
    return build_pain008(**arguments)


def parsed(xml: bytes):
    return etree.fromstring(xml)


def test_a_built_file_validates_against_the_schema():
    xml = build([debit(1), debit(2, sequence_type="FRST", debtor_bic=None)])

    validate_pain008(xml)
    assert xml.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


def test_debits_are_grouped_by_sequence_type_with_their_counts_and_sums():
    xml = build(
        [
            debit(1, sequence_type="FRST", amount=Decimal("60.00")),
            debit(2, sequence_type="RCUR", amount=Decimal("30.50")),
            debit(3, sequence_type="FRST", amount=Decimal("9.50")),
            debit(4, sequence_type="OOFF", amount=Decimal("25.00")),
        ]
    )

    blocks = {
        block.findtext("p:PmtTpInf/p:SeqTp", namespaces=NS): (
            block.findtext("p:NbOfTxs", namespaces=NS),
            block.findtext("p:CtrlSum", namespaces=NS),
            block.findtext("p:ReqdColltnDt", namespaces=NS),
        )
        for block in parsed(xml).iterfind("p:CstmrDrctDbtInitn/p:PmtInf", NS)
    }
    assert blocks == {
        "FRST": ("2", "69.50", "2026-03-02"),
        "RCUR": ("1", "30.50", "2026-03-02"),
        "OOFF": ("1", "25.00", "2026-03-02"),
    }


def test_the_header_carries_message_id_time_totals_and_creditor_id():
    root = parsed(build([debit(1), debit(2, amount=Decimal("12.34"))]))

    header = root.find("p:CstmrDrctDbtInitn/p:GrpHdr", NS)
    assert header.findtext("p:MsgId", namespaces=NS) == "KL-DD-20260302-01"
    assert header.findtext("p:CreDtTm", namespaces=NS) == "2026-02-20T09:30:00+00:00"
    assert header.findtext("p:NbOfTxs", namespaces=NS) == "2"
    assert header.findtext("p:CtrlSum", namespaces=NS) == "42.34"
    assert root.findtext(".//p:CdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id", namespaces=NS) == (
        "DE98ZZZ09999999999"
    )


def test_each_transaction_carries_mandate_debtor_and_remittance():
    root = parsed(build([debit(7, debtor_name="Jürgen Müller", debtor_bic=None)]))

    transaction = root.find(".//p:DrctDbtTxInf", NS)
    assert transaction.findtext("p:PmtId/p:EndToEndId", namespaces=NS) == "KL-2026-000007-1"
    assert transaction.findtext("p:InstdAmt", namespaces=NS) == "30.00"
    assert transaction.find("p:InstdAmt", NS).get("Ccy") == "EUR"
    assert transaction.findtext(".//p:MndtId", namespaces=NS) == "HUND-000007"
    assert transaction.findtext(".//p:DtOfSgntr", namespaces=NS) == "2025-01-10"
    assert transaction.findtext("p:Dbtr/p:Nm", namespaces=NS) == "Juergen Mueller"
    assert transaction.findtext("p:DbtrAcct/p:Id/p:IBAN", namespaces=NS) == (
        "DE89370400440532013000"
    )
    assert transaction.findtext("p:DbtrAgt/p:FinInstnId/p:Othr/p:Id", namespaces=NS) == (
        "NOTPROVIDED"
    )
    assert transaction.findtext("p:RmtInf/p:Ustrd", namespaces=NS) == (
        "Hundesteuer 2026 KL-2026-000007"
    )


def _without(xml: bytes, path: str) -> bytes:
    root = parsed(xml)
    element = root.find(path, NS)
    element.getparent().remove(element)
    return etree.tostring(root)


def _with_text(xml: bytes, path: str, text: str) -> bytes:
    root = parsed(xml)
    root.find(path, NS).text = text
    return etree.tostring(root)


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda xml: _without(xml, ".//p:MndtId"), "MndtId"),
        (lambda xml: _without(xml, ".//p:DtOfSgntr"), "DtOfSgntr"),
        (lambda xml: _without(xml, ".//p:SeqTp"), "SeqTp"),
        (lambda xml: _with_text(xml, ".//p:DbtrAcct/p:Id/p:IBAN", "de89 3704"), "IBAN"),
        (lambda xml: _with_text(xml, ".//p:SeqTp", "LAST"), "SeqTp"),
        (lambda xml: _with_text(xml, ".//p:InstdAmt", "30,00"), "InstdAmt"),
        (lambda xml: _with_text(xml, ".//p:MsgId", "M" * 36), "MsgId"),
        (lambda xml: _with_text(xml, ".//p:PmtInf/p:CtrlSum", "31.00"), "CtrlSum"),
        (lambda xml: _with_text(xml, ".//p:GrpHdr/p:NbOfTxs", "3"), "NbOfTxs"),
    ],
)
def test_broken_files_do_not_validate(break_it, message):
    broken = break_it(build([debit(1), debit(2)]))

    with pytest.raises(SepaSchemaError) as raised:
        validate_pain008(broken)

    assert any(message in text for text in raised.value.messages)


def test_other_documents_are_refused():
    with pytest.raises(SepaSchemaError, match=r"Expected a pain\.008\.001\.02"):
        validate_pain008(b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>')
    with pytest.raises(SepaSchemaError, match="Not a readable XML"):
        validate_pain008(b"MsgId;Amount\n1;30.00\n")


def test_documents_with_a_dtd_are_refused():
    xml = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><d>&x;</d>'

    with pytest.raises(SepaSchemaError, match="DTD"):
        validate_pain008(xml)


@pytest.mark.parametrize(
    ("debits", "changes", "message"),
    [
        ([], {}, "at least one debit"),
        ([debit(1, amount=Decimal("30.001"))], {}, "two decimals"),
        ([debit(1, amount=Decimal("0.00"))], {}, "positive"),
        ([debit(1, sequence_type="LAST")], {}, "sequence type"),
        ([debit(1, debtor_iban="DE89370400440532013001")], {}, "invalid IBAN"),
        ([debit(1, debtor_bic="NOBIC")], {}, "invalid BIC"),
        ([debit(1, mandate_signed_on=dt.date(2026, 3, 3))], {}, "signed after"),
        ([debit(1, mandate_reference="HUND 1")], {}, "mandate reference"),
        ([debit(1), debit(2, end_to_end_id="KL-2026-000001-1")], {}, "own end-to-end id"),
        ([debit(1, debtor_name="  ")], {}, "needs a name"),
        ([debit(1)], {"message_id": "KL DD 1"}, "Message id"),
        ([debit(1)], {"created_at": dt.datetime(2026, 2, 20, 9, 30)}, "aware"),
        (
            [debit(1)],
            {"creditor": dataclasses.replace(CREDITOR, creditor_id="DE98ZZZ09999999998")},
            "creditor identifier",
        ),
    ],
)
def test_invalid_input_is_refused_before_building(debits, changes, message):
    with pytest.raises(ValueError, match=message):
        build(debits, **changes)
