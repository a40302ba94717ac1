from decimal import Decimal

import pytest

from rathaus.eservices.formschema import check_upload, check_value, parse_schema
from tests.eservices.formschema.conftest import TODAY

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 32


def field(**data):
    data.setdefault("key", "x")
    return parse_schema({"steps": [{"key": "s", "fields": [data]}]}).steps[0].fields[0]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12,50", "12.50"),
        ("1.234,5", "1234.5"),
        ("7", "7"),
        (" 3.0 ", "3"),
        (Decimal("0.1"), "0.1"),
    ],
)
def test_numbers_accept_german_and_english_notation(raw, expected):
    value, issue = check_value(field(type="number"), raw, path="x", today=TODAY)

    assert issue is None
    assert value == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("abc", "invalid_number"),
        ("1.234", "decimals"),
        ("-1", "min_value"),
        ("101", "max_value"),
        ("NaN", "invalid_number"),
    ],
)
def test_numbers_outside_the_field_limits_are_refused(raw, code):
    number = field(type="number", min="0", max="100", decimals=2)

    _, issue = check_value(number, raw, path="x", today=TODAY)

    assert issue.code == code


def test_an_address_needs_every_part_and_a_german_postal_code():
    address = field(type="address", required=True)

    _, missing = check_value(address, {"street": "Markt 1", "city": "KL"}, path="home", today=TODAY)
    _, wrong = check_value(
        address,
        {"street": "Markt 1", "postal_code": "6765", "city": "KL"},
        path="home",
        today=TODAY,
    )
    value, fine = check_value(
        address,
        {"street": " Markt 1", "postal_code": "67657", "city": "KL"},
        path="home",
        today=TODAY,
    )

    assert (missing.path, missing.code) == ("home.postal_code", "required")
    assert (wrong.path, wrong.code) == ("home.postal_code", "invalid_postal_code")
    assert fine is None
    assert value == {"street": "Markt 1", "postal_code": "67657", "city": "KL"}


def test_a_required_checkbox_must_be_ticked():
    _, issue = check_value(field(type="checkbox", required=True), False, path="x", today=TODAY)

    assert issue.code == "must_check"


def test_texts_longer_than_allowed_are_refused():
    _, issue = check_value(field(type="text", max_length=5), "abcdef", path="x", today=TODAY)

    assert (issue.code, issue.params) == ("max_length", {"limit": 5})


def test_uploads_are_judged_by_content_not_by_name():
    assert check_upload(PDF, size=len(PDF), accept=("pdf",), max_size_mb=1) == "pdf"
    assert check_upload(PNG, size=len(PNG), accept=("pdf", "png"), max_size_mb=1) == "png"
    with pytest.raises(ValueError, match="file_type"):
        check_upload(b"MZ\x90\x00 this is an exe", size=20, accept=("pdf",), max_size_mb=1)
    with pytest.raises(ValueError, match="file_type"):
        check_upload(PNG, size=len(PNG), accept=("pdf",), max_size_mb=1)
    with pytest.raises(ValueError, match="file_size"):
        check_upload(PDF, size=2 * 1024 * 1024, accept=("pdf",), max_size_mb=1)
