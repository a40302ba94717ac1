"""A form as data: steps, fields, show-conditions and cross-field rules (no Django import).

A schema is the JSON a form version stores. `parse_schema` turns it into frozen dataclasses;
everything else in this package reads those. Texts shown to people are `{"de": ..., "en": ...}`
pairs chosen by the caller's language.

    {"steps": [{"key": "dog", "title": {"de": "Hund", "en": "Dog"},
                "show_if": {"field": "kind", "op": "equals", "value": "register"},
                "fields": [{"key": "born_on", "type": "date", "required": true,
                            "label": {...}, "help": {...}, "not_future": true},
                           {"key": "tag_number", "type": "choice",
                            "choices_from": "dogtax.own_dogs"}]}],
     "rules": [{"kind": "compare", "left": "given_up_on", "op": "ge",
                "right": {"field": "kept_since"}, "message": {...}}]}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rathaus.eservices.formschema.fieldtypes import field_kinds, value_type

# The languages every text shown to people must have before a form is published.
LANGUAGES = ("de", "en")
# The highest number of entries a repeating group may allow (the builder offers no more).
MAX_GROUP_ITEMS = 50
ADDRESS_PARTS = ("street", "postal_code", "city")
FILE_KINDS = ("pdf", "jpg", "png")


class SchemaError(ValueError):
    """The schema itself is malformed (not the answers)."""


def text_in(texts: dict | str | None, language: str) -> str:
    """The text in `language`, falling back to German, then to any language given."""
    if not texts:
        return ""
    if isinstance(texts, str):
        return texts
    return texts.get(language) or texts.get("de") or next(iter(texts.values()), "")


def texts_complete(texts: dict) -> bool:
    """Whether a text is given in every language."""
    return all(texts.get(language) for language in LANGUAGES)


@dataclass(frozen=True)
class Option:
    value: str
    label: dict


@dataclass(frozen=True)
class Field:
    key: str
    type: str
    label: dict
    help: dict = field(default_factory=dict)
    required: bool = False
    show_if: dict | None = None
    options: tuple[Option, ...] = ()
    widget: str = ""
    min: str | None = None
    max: str | None = None
    decimals: int | None = None
    max_length: int | None = None
    not_future: bool = False
    accept: tuple[str, ...] = FILE_KINDS
    max_size_mb: int = 10
    min_items: int = 0
    max_items: int = 20
    fields: tuple[Field, ...] = ()
    # Named sources registered by the Django side: where a choice's options come from (the
    # person's own records, e.g. "dogtax.own_dogs") and what a new application pre-fills.
    choices_from: str = ""
    prefill: str = ""
    check: str = ""

    def label_in(self, language: str) -> str:
        return text_in(self.label, language)

    def help_in(self, language: str) -> str:
        return text_in(self.help, language)

    @property
    def is_file(self) -> bool:
        return value_type(self.type).is_file

    @property
    def is_group(self) -> bool:
        return value_type(self.type).is_group

    def option_label(self, value: str, language: str) -> str:
        for option in self.options:
            if option.value == value:
                return text_in(option.label, language)
        return value


@dataclass(frozen=True)
class Step:
    key: str
    title: dict
    fields: tuple[Field, ...]
    show_if: dict | None = None
    intro: dict = field(default_factory=dict)

    def title_in(self, language: str) -> str:
        return text_in(self.title, language)

    def field(self, key: str) -> Field | None:
        return next((item for item in self.fields if item.key == key), None)


@dataclass(frozen=True)
class Rule:
    kind: str
    left: str
    op: str
    right: dict
    message: dict
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormSchema:
    steps: tuple[Step, ...]
    rules: tuple[Rule, ...] = ()

    def step(self, key: str) -> Step:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)

    def field(self, key: str) -> Field | None:
        for step in self.steps:
            found = step.field(key)
            if found is not None:
                return found
        return None

    @property
    def has_files(self) -> bool:
        return any(step_has_files(step) for step in self.steps)


def step_has_files(step: Step) -> bool:
    """Whether the step asks for a file, directly or inside a repeating group."""
    return any(item.is_file or any(sub.is_file for sub in item.fields) for item in step.fields)


def _text(value: Any) -> dict:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"de": value}
    if isinstance(value, dict):
        return {str(lang): str(text) for lang, text in value.items() if text}
    raise SchemaError(f"A text must be a string or a {{language: text}} object, not {value!r}.")


def _optional_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _field(data: dict, *, inside_group: bool = False) -> Field:
    if not isinstance(data, dict) or not data.get("key"):
        raise SchemaError(f"A field needs a key: {data!r}")
    kind = data.get("type", "text")
    allowed = field_kinds(in_group=inside_group)
    if kind not in allowed:
        raise SchemaError(f"Field {data['key']!r}: type {kind!r} is not allowed here.")
    return Field(
        key=str(data["key"]),
        type=kind,
        label=_text(data.get("label")) or {"de": str(data["key"])},
        help=_text(data.get("help")),
        required=bool(data.get("required", False)),
        show_if=data.get("show_if") or None,
        options=tuple(
            Option(value=str(option["value"]), label=_text(option.get("label", option["value"])))
            for option in data.get("options", ())
        ),
        widget=str(data.get("widget", "")),
        min=_optional_str(data.get("min")),
        max=_optional_str(data.get("max")),
        decimals=None if data.get("decimals") is None else int(data["decimals"]),
        max_length=None if data.get("max_length") is None else int(data["max_length"]),
        not_future=bool(data.get("not_future", False)),
        accept=tuple(data.get("accept") or FILE_KINDS),
        max_size_mb=int(data.get("max_size_mb", 10)),
        min_items=int(data.get("min_items", 0)),
        max_items=int(data.get("max_items", 20)),
        fields=tuple(_field(item, inside_group=True) for item in data.get("fields", ())),
        choices_from=str(data.get("choices_from") or ""),
        prefill=str(data.get("prefill") or ""),
        check=str(data.get("check") or ""),
    )


def parse_schema(data: dict) -> FormSchema:
    """The schema as dataclasses; raises SchemaError when its structure is broken."""
    if not isinstance(data, dict):
        raise SchemaError("A form schema is an object with steps.")
    steps = []
    for raw in data.get("steps", ()):
        if not isinstance(raw, dict) or not raw.get("key"):
            raise SchemaError(f"A step needs a key: {raw!r}")
        steps.append(
            Step(
                key=str(raw["key"]),
                title=_text(raw.get("title")) or {"de": str(raw["key"])},
                fields=tuple(_field(item) for item in raw.get("fields", ())),
                show_if=raw.get("show_if") or None,
                intro=_text(raw.get("intro")),
            )
        )
    rules = tuple(
        Rule(
            kind=str(raw.get("kind", "compare")),
            left=str(raw.get("left", "")),
            op=str(raw.get("op", "")),
            right=dict(raw.get("right") or {}),
            message=_text(raw.get("message")),
            fields=tuple(raw.get("fields", ())),
        )
        for raw in data.get("rules", ())
    )
    return FormSchema(steps=tuple(steps), rules=rules)
