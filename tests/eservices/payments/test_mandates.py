import pytest
from django.utils import translation

from rathaus.eservices.payments.mandates import (
    bic_for_iban,
    format_iban,
    new_mandate_reference,
    normalize_iban,
)


@pytest.mark.parametrize(
    ("typed", "compact"),
    [
        ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        ("de02120300000000202051", "DE02120300000000202051"),
        ("  DE75 5121 0800 1245 1261 99 ", "DE75512108001245126199"),
        ("AT61 1904 3002 3457 3201", "AT611904300234573201"),
    ],
)
def test_valid_ibans_are_returned_compact(typed, compact):
    assert normalize_iban(typed) == compact


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("DE89 3704 0044 0532 0130 01", "check digits do not match"),
        ("DE89 3704 0044 0532 0130 0", "wrong number of characters"),
        ("XY89 3704 0044 0532 0130 00", "known country code"),
        ("DE89 3704 0044 0532 01$0 00", "not allowed"),
        ("", "Please enter an IBAN"),
        ("TR33 0006 1005 1978 6457 8413 26", "SEPA area"),
    ],
)
def test_invalid_ibans_are_refused_with_a_reason(typed, message):
    with translation.override("en"), pytest.raises(ValueError, match=message):
        normalize_iban(typed)


def test_an_iban_outside_sepa_is_accepted_when_sepa_is_not_required():
    assert normalize_iban("TR330006100519786457841326", sepa_only=False).startswith("TR33")


def test_ibans_are_printed_in_groups_of_four():
    assert format_iban("DE02120300000000202051") == "DE02 1203 0000 0000 2020 51"


def test_the_bic_comes_from_the_bank_registry():
    assert bic_for_iban("DE89370400440532013000") == "COBADEFFXXX"
    assert bic_for_iban("DE12 5001 0517 0648 4898 90") == "INGDDEFFXXX"


def test_no_bic_for_an_unknown_bank_code_or_an_invalid_iban():
    assert bic_for_iban("DE25123456791234567890") is None
    assert bic_for_iban("DE00 nonsense") is None


def test_mandate_references_pad_the_number_behind_the_prefix():
    assert new_mandate_reference(prefix="hund", number=42) == "HUND-000042"
    assert new_mandate_reference(prefix="KL-DOGTAX", number=1234567) == "KL-DOGTAX-1234567"


@pytest.mark.parametrize(
    ("prefix", "number"),
    [
        ("A" * 30, 1),  # 30 + 1 + 6 characters > 35
        ("HUND STEUER", 1),  # no spaces in identifiers
        ("HUND_1", 1),  # underscore is outside the SEPA set
        ("/HUND", 1),  # must not start with a slash
        ("HUND", -1),
    ],
)
def test_mandate_references_outside_the_sepa_rules_are_refused(prefix, number):
    with pytest.raises(ValueError):
        new_mandate_reference(prefix=prefix, number=number)
