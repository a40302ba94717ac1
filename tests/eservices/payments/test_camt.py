import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from rathaus.eservices.payments.camt import (
    BookedEntry,
    CamtError,
    PaymentRequestRecord,
    match_entries,
    parse_camt053,
)

DATA = Path(__file__).parent / "data"


def statement(name: str) -> list[BookedEntry]:
    return parse_camt053((DATA / name).read_bytes())


def entry(**changes) -> BookedEntry:
    values = {
        "amount": Decimal("120.00"),
        "currency": "EUR",
        "booking_date": dt.date(2026, 3, 3),
        "value_date": dt.date(2026, 3, 3),
        "end_to_end_id": "",
        "remittance": "KL-2026-000123 Hundesteuer 2026",
        "debtor_name": "Anna Schmidt",
        "debtor_iban": "DE89370400440532013000",
        "credit": True,
    }
    return BookedEntry(**{**values, **changes})


def request(request_id, reference, amount) -> PaymentRequestRecord:
    return PaymentRequestRecord(request_id=request_id, reference=reference, amount=Decimal(amount))


def test_a_version_02_statement_yields_its_booked_entries_only():
    entries = statement("camt053_v02_march.xml")

    assert [(e.amount, e.credit) for e in entries] == [
        (Decimal("120.00"), True),
        (Decimal("60.00"), True),
        (Decimal("30.50"), True),
        (Decimal("50.00"), True),
        (Decimal("18.25"), False),
    ]


def test_a_transfer_entry_carries_payer_dates_and_remittance():
    transfer = statement("camt053_v02_march.xml")[0]

    assert transfer == BookedEntry(
        amount=Decimal("120.00"),
        currency="EUR",
        booking_date=dt.date(2026, 3, 3),
        value_date=dt.date(2026, 3, 3),
        end_to_end_id="",
        remittance="KL-2026-000123 Hundesteuer 2026",
        debtor_name="Anna Schmidt",
        debtor_iban="DE89370400440532013000",
        credit=True,
        account_iban="DE02120300000000202051",
        bank_reference="2026030312000001",
    )


def test_a_batch_booking_is_split_into_its_transactions():
    _, first, second, *_ = statement("camt053_v02_march.xml")

    assert (first.amount, first.end_to_end_id, first.debtor_name) == (
        Decimal("60.00"),
        "KL-2026-000130-1",
        "Juergen Mueller",
    )
    assert (second.amount, second.end_to_end_id, second.debtor_iban) == (
        Decimal("30.50"),
        "KL-2026-000131-1",
        "DE12500105170648489890",
    )
    assert first.value_date == dt.date(2026, 3, 2)
    assert first.bank_reference != second.bank_reference


def test_a_version_08_statement_reads_parties_structured_references_and_timestamps():
    structured, wrapped, returned = statement("camt053_v08_april.xml")

    assert (structured.debtor_name, structured.remittance) == ("John Miller", "RF18539007547034")
    assert structured.end_to_end_id == "E2E-20260415-4711"
    assert wrapped.booking_date == dt.date(2026, 4, 15)
    assert wrapped.remittance == "Bewohnerparkausweis KL-2026- 000207 Zone B"
    assert (returned.credit, returned.reversal) == (False, True)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            (DATA / "camt054_notification.xml").read_bytes(),
            "camt.054.001.02 message, not a camt.053",
        ),
        (
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"/>',
            "pain.008.001.02 message",
        ),
        (
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"/>',
            "version camt.053.001.04, which cannot be read",
        ),
        (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>', "not a camt.053"),
        (b"<html><body>Kontoauszug</body></html>", "not a camt.053 bank statement"),
        (b"%PDF-1.7 Kontoauszug", "not a readable XML document"),
        (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><d>&x;</d>', "readable XML"),
    ],
)
def test_anything_but_a_camt053_statement_is_refused_with_a_clear_error(content, message):
    with translation.override("en"), pytest.raises(CamtError, match=message):
        parse_camt053(content)


def test_matching_settles_requests_by_reference_and_amount():
    open_requests = [
        request(1, "KL-2026-000123", "120.00"),
        request(2, "KL-2026-000130", "60.00"),
        request(3, "KL-2026-000131", "30.50"),
        request(4, "KL-2026-000124", "75.00"),
        request(5, "KL-2026-000125", "99.00"),
    ]

    matches = match_entries(statement("camt053_v02_march.xml"), open_requests)

    assert [(e.amount, request_id) for e, request_id in matches] == [
        (Decimal("120.00"), 1),
        (Decimal("60.00"), 2),
        (Decimal("30.50"), 3),
    ]


def test_matching_finds_creditor_references_and_wrapped_references():
    open_requests = [
        request("parking", "KL-2026-000207", "114.50"),
        request("fee", "RF18 5390 0754 7034", "75.00"),
    ]

    matches = match_entries(statement("camt053_v08_april.xml"), open_requests)

    assert [request_id for _, request_id in matches] == ["fee", "parking"]


def test_case_and_separators_do_not_matter():
    typed = entry(remittance="kl 2026/000123 hundesteuer")

    assert match_entries([typed], [request(1, "KL-2026-000123", "120.00")]) == [(typed, 1)]


def test_a_reference_inside_a_longer_one_does_not_match():
    longer = entry(remittance="KL-2026-0001234 Hundesteuer")
    prefixed = entry(remittance="XKL-2026-000123")

    assert match_entries([longer, prefixed], [request(1, "KL-2026-000123", "120.00")]) == []


def test_a_different_amount_does_not_settle_the_request():
    partial = entry(amount=Decimal("119.99"))

    assert match_entries([partial], [request(1, "KL-2026-000123", "120.00")]) == []


def test_one_entry_settles_at_most_one_request_the_first_given():
    payment = entry()
    instalments = [
        request("older", "KL-2026-000123", "120.00"),
        request("newer", "KL-2026-000123", "120.00"),
    ]

    assert match_entries([payment], instalments) == [(payment, "older")]


def test_one_request_is_settled_at_most_once():
    first, second = entry(bank_reference="A"), entry(bank_reference="B")

    matches = match_entries([first, second], [request(1, "KL-2026-000123", "120.00")])

    assert matches == [(first, 1)]


def test_money_going_out_reversals_and_other_currencies_settle_nothing():
    entries = [
        entry(credit=False),
        entry(reversal=True),
        entry(currency="CHF"),
    ]

    assert match_entries(entries, [request(1, "KL-2026-000123", "120.00")]) == []


def test_the_end_to_end_id_of_a_direct_debit_is_matched_too():
    collected = entry(
        remittance="Hundesteuer 2026 1. Rate",
        end_to_end_id="KL-2026-000130-1",
        amount=Decimal("60.00"),
    )

    assert match_entries([collected], [request(2, "KL-2026-000130", "60.00")]) == [(collected, 2)]
