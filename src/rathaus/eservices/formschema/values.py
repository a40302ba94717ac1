"""One answer against its field: parse, normalise and check it (no Django import).

Answers are JSON values: text as strings, numbers as decimal strings ("12.50"), dates as ISO
strings, checkboxes as booleans, an address as {street, postal_code, city}, an IBAN in its
compact form, a Steuer-ID as its eleven digits, a file as {upload, name, size, kind}, a
repeating group as a list of objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import filetype
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum.de import idnr
from stdnum.exceptions import ValidationError as StdnumError

from rathaus.eservices.formschema.conditions import is_empty
from rathaus.eservices.formschema.fieldtypes import ValueType, register_value_type, value_type
from rathaus.eservices.formschema.schema import FILE_KINDS, MAX_GROUP_ITEMS, Field, texts_complete

POSTAL_CODE = re.compile(r"^\d{5}$")
DEFAULT_MAX_LENGTH = {"text": 200, "textarea": 4000}
ADDRESS_MAX_LENGTH = 200


@dataclass(frozen=True)
class Issue:
    """A problem with the answers: where (`path`), what (`code`), details for the message."""

    path: str
    code: str
    params: dict = field(default_factory=dict)
    message: dict = field(default_factory=dict)


def _number(field: Field, raw: Any, path: str) -> tuple[Any, Issue | None]:
    text = str(raw).strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return raw, Issue(path, "invalid_number")
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        return raw, Issue(path, "invalid_number")
    places = field.decimals if field.decimals is not None else 2
    if number != number.quantize(Decimal(1).scaleb(-places)):
        return raw, Issue(path, "decimals", {"places": places})
    if field.min is not None and number < Decimal(field.min):
        return raw, Issue(path, "min_value", {"limit": field.min})
    if field.max is not None and number > Decimal(field.max):
        return raw, Issue(path, "max_value", {"limit": field.max})
    return str(int(number)) if number == number.to_integral() else str(number), None


def _date(field: Field, raw: Any, path: str, today: date) -> tuple[Any, Issue | None]:
    try:
        value = raw if isinstance(raw, date) else date.fromisoformat(str(raw).strip())
    except ValueError:
        return raw, Issue(path, "invalid_date")
    if field.not_future and value > today:
        return raw, Issue(path, "future")
    if field.min and value < date.fromisoformat(field.min):
        return raw, Issue(path, "date_min", {"limit": field.min})
    if field.max and value > date.fromisoformat(field.max):
        return raw, Issue(path, "date_max", {"limit": field.max})
    return value.isoformat(), None


def _address(raw: Any, path: str) -> tuple[Any, Issue | None]:
    if not isinstance(raw, dict):
        return raw, Issue(path, "invalid_address")
    value = {part: str(raw.get(part) or "").strip() for part in ("street", "postal_code", "city")}
    for part, text in value.items():
        if not text:
            return value, Issue(f"{path}.{part}", "required")
        if len(text) > ADDRESS_MAX_LENGTH:
            return value, Issue(f"{path}.{part}", "max_length", {"limit": ADDRESS_MAX_LENGTH})
    if not POSTAL_CODE.match(value["postal_code"]):
        return value, Issue(f"{path}.postal_code", "invalid_postal_code")
    return value, None


def _iban(raw: Any, path: str) -> tuple[Any, Issue | None]:
    try:
        return IBAN(str(raw)).compact, None
    except SchwiftyException:
        return raw, Issue(path, "invalid_iban")


def _steuer_id(raw: Any, path: str) -> tuple[Any, Issue | None]:
    try:
        return idnr.validate(str(raw)), None
    except StdnumError:
        return raw, Issue(path, "invalid_steuer_id")


def _file(raw: Any, path: str) -> tuple[Any, Issue | None]:
    if not isinstance(raw, dict) or not raw.get("upload"):
        return raw, Issue(path, "invalid_file")
    return raw, None


class TextValue(ValueType):
    kind = "text"

    def check(self, field, raw, *, path, today):
        text = str(raw).strip()
        limit = field.max_length or DEFAULT_MAX_LENGTH[self.kind]
        if len(text) > limit:
            return text, Issue(path, "max_length", {"limit": limit})
        return text, None


class TextareaValue(TextValue):
    kind = "textarea"


class NumberValue(ValueType):
    kind = "number"

    def check(self, field, raw, *, path, today):
        return _number(field, raw, path)


class DateValue(ValueType):
    kind = "date"

    def check(self, field, raw, *, path, today):
        return _date(field, raw, path, today)


class ChoiceValue(ValueType):
    kind = "choice"

    def definition_problems(self, field):
        problems = []
        values = [option.value for option in field.options]
        if len(values) < 2 and not field.choices_from:
            problems.append(("choice_needs_options", {}))
        if len(values) != len(set(values)):
            problems.append(("duplicate_option", {}))
        if not all(texts_complete(option.label) for option in field.options):
            problems.append(("label_missing", {}))
        return problems

    def check(self, field, raw, *, path, today):
        value = str(raw)
        if value not in {option.value for option in field.options}:
            return value, Issue(path, "invalid_choice")
        return value, None


class CheckboxValue(ValueType):
    kind = "checkbox"
    required_code = "must_check"

    def empty_value(self, field):
        return False

    def check(self, field, raw, *, path, today):
        return raw is True or str(raw).lower() in ("true", "on", "1"), None


class AddressValue(ValueType):
    kind = "address"

    def check(self, field, raw, *, path, today):
        return _address(raw, path)


class IbanValue(ValueType):
    kind = "iban"

    def check(self, field, raw, *, path, today):
        return _iban(raw, path)


class SteuerIdValue(ValueType):
    kind = "steuer_id"

    def check(self, field, raw, *, path, today):
        return _steuer_id(raw, path)


class FileValue(ValueType):
    kind = "file"
    is_file = True

    def check(self, field, raw, *, path, today):
        return _file(raw, path)


class RepeatValue(ValueType):
    """A repeating group: its entries are checked by `validation.check_group`."""

    kind = "repeat"
    in_group = False
    is_group = True

    def definition_problems(self, field):
        problems = []
        if not field.fields:
            problems.append(("group_needs_fields", {}))
        if field.min_items > field.max_items:
            problems.append(("min_above_max", {}))
        if field.max_items > MAX_GROUP_ITEMS:
            problems.append(("limit_too_high", {"limit": MAX_GROUP_ITEMS}))
        return problems


for _type in (
    TextValue,
    TextareaValue,
    NumberValue,
    DateValue,
    ChoiceValue,
    CheckboxValue,
    AddressValue,
    IbanValue,
    SteuerIdValue,
    FileValue,
    RepeatValue,
):
    register_value_type(_type())


def check_value(field: Field, raw: Any, *, path: str, today: date) -> tuple[Any, Issue | None]:
    """The normalised value and the first problem with it (None when fine).

    Empty values only fail when the field is required; a repeating group checks its items with
    `validation.check_group`.
    """
    kind = value_type(field.type)
    if is_empty(raw):
        if field.required:
            return raw, Issue(path, kind.required_code)
        return kind.empty_value(field), None
    return kind.check(field, raw, path=path, today=today)


def check_upload(head: bytes, *, size: int, accept: tuple[str, ...], max_size_mb: int) -> str:
    """The kind of an uploaded file judged by its content ("pdf", "jpg", "png").

    Raises ValueError("file_size" / "file_type") when it is too large or not an accepted kind;
    the file name and the browser's content type are never trusted.
    """
    if size > max_size_mb * 1024 * 1024:
        raise ValueError("file_size")
    guessed = filetype.guess(head)
    kind = guessed.extension if guessed is not None else ""
    kind = "jpg" if kind == "jpeg" else kind
    if kind not in FILE_KINDS or kind not in accept:
        raise ValueError("file_type")
    return kind
