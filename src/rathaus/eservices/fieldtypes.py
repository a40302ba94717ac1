"""Field types of the form engine: one class per type, registered by its kind.

Each class extends the pure core's value type (how an answer is checked, see
`formschema.values`) with what the Django side needs: the form field for a step (with its
bounds), how a value read from the browser becomes a JSON answer, how an answer reads on the
review page, the receipt and the clerk's case page (documents use the same text), and the
label the form builder offers. A domain adds its own type by subclassing `FieldType` (or a
built-in type) and calling `register_field_type` in its `AppConfig.ready()`, as it registers
form field sources (ADR 111).

Most types are one Django field named after the field's key; an address is three fields and a
repeating group is a formset, so a type also says how it is added to a `StepForm`, relaxed when
its condition does not hold, and read back (`stepforms` calls these, never branching on kinds).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from rathaus.eservices.formschema import Field
from rathaus.eservices.formschema import values as core
from rathaus.eservices.formschema.fieldtypes import field_kinds, register_value_type, value_type
from rathaus.eservices.formschema.schema import ADDRESS_PARTS

RADIO_LIMIT = 6
# A field that contributes no answer of its own to a step (e.g. a file: the view stores it).
NOTHING = object()


@dataclass
class Row:
    """One answer as people read it; a repeating group has rows per entry."""

    key: str
    label: str
    value: str = ""
    items: list[list[Row]] = field(default_factory=list)


class FieldType(core.ValueType):
    """A field type on the Django side; the defaults describe a single Django form field."""

    label: Any = ""

    # -- one Django form field ---------------------------------------------------------------

    def form_field(self, item: Field, *, language: str, uploaded: dict | None = None):
        raise NotImplementedError(f"No Django field for {self.kind!r}")

    def raw(self, data, name: str):
        """A raw value from the POST data, shaped like an answer, for evaluating conditions."""
        return data.get(name)

    def answer(self, value):
        """A cleaned Django value as the JSON answer the core expects (not None)."""
        return value

    def display(self, item: Field, value, language: str) -> str:
        """A non-empty answer in the active language."""
        return str(value)

    # -- the field within a step's form ------------------------------------------------------

    def add_to(self, form, item: Field, value, data, files) -> None:
        form.fields[item.key] = self.form_field(item, language=form.language)
        form.fields[item.key].initial = value

    def relax(self, form, item: Field) -> None:
        """The field's condition does not hold: nothing of it is required."""
        if item.key in form.fields:
            form.fields[item.key].required = False

    def raw_answer(self, form, item: Field):
        return self.raw(form.data, item.key)

    def step_answer(self, form, item: Field, cleaned: dict):
        if item.key not in cleaned:
            return NOTHING
        return json_answer(item, cleaned[item.key])

    def partial_answer(self, form, item: Field, cleaned: dict):
        """The answer when the field has no error, for a step saved incomplete."""
        return self.step_answer(form, item, cleaned)

    def merge_files(self, answers: dict, key: str, files) -> None:
        """Put the files stored for the field into the step's answers."""
        answers[key] = files

    def layout(self, form, item: Field) -> dict:
        return {"kind": "field", "field": form[item.key]}

    def summary_row(self, item: Field, value, language: str) -> Row:
        return Row(key=item.key, label=item.label_in(language), value=format_value(item, value))


class TextType(FieldType, core.TextValue):
    label = gettext_lazy("Text (one line)")

    def form_field(self, item, *, language, uploaded=None):
        return forms.CharField(
            max_length=item.max_length or core.DEFAULT_MAX_LENGTH["text"],
            widget=forms.TextInput(),
            **_common(item, language),
        )


class TextareaType(FieldType, core.TextareaValue):
    label = gettext_lazy("Text (several lines)")

    def form_field(self, item, *, language, uploaded=None):
        return forms.CharField(
            max_length=item.max_length or core.DEFAULT_MAX_LENGTH["textarea"],
            widget=forms.Textarea(attrs={"rows": 5}),
            **_common(item, language),
        )


class NumberType(FieldType, core.NumberValue):
    label = pgettext_lazy("form field type", "Number")

    def form_field(self, item, *, language, uploaded=None):
        return forms.CharField(
            max_length=30,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            **_common(item, language),
        )

    def display(self, item, value, language):
        return formats.number_format(Decimal(value), use_l10n=True)


class DateType(FieldType, core.DateValue):
    label = gettext_lazy("Date")

    def form_field(self, item, *, language, uploaded=None):
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            input_formats=["%Y-%m-%d", "%d.%m.%Y"],
            **_common(item, language),
        )

    def answer(self, value):
        return value.isoformat()

    def display(self, item, value, language):
        return formats.date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")


class ChoiceType(FieldType, core.ChoiceValue):
    label = gettext_lazy("Choice")

    def form_field(self, item, *, language, uploaded=None):
        choices = [
            (option.value, item.option_label(option.value, language)) for option in item.options
        ]
        if item.widget == "select" or (item.widget != "radio" and len(choices) > RADIO_LIMIT):
            return forms.ChoiceField(choices=[("", "–"), *choices], **_common(item, language))
        return forms.ChoiceField(
            choices=choices, widget=forms.RadioSelect, **_common(item, language)
        )

    def display(self, item, value, language):
        return item.option_label(value, language)


class CheckboxType(FieldType, core.CheckboxValue):
    label = gettext_lazy("Checkbox")

    def form_field(self, item, *, language, uploaded=None):
        return forms.BooleanField(**_common(item, language))

    def raw(self, data, name):
        return data.get(name) in ("on", "true", "True", "1")

    def answer(self, value):
        return bool(value)

    def display(self, item, value, language):
        return _("Yes") if value else _("No")


class IbanType(FieldType, core.IbanValue):
    label = gettext_lazy("IBAN")

    def form_field(self, item, *, language, uploaded=None):
        return forms.CharField(
            max_length=42,
            widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            **_common(item, language),
        )

    def display(self, item, value, language):
        return " ".join(value[index : index + 4] for index in range(0, len(value), 4))


class SteuerIdType(FieldType, core.SteuerIdValue):
    label = gettext_lazy("Tax identification number (Steuer-ID)")

    def form_field(self, item, *, language, uploaded=None):
        return forms.CharField(
            max_length=20,
            widget=forms.TextInput(attrs={"inputmode": "numeric"}),
            **_common(item, language),
        )


class FileType(FieldType, core.FileValue):
    label = gettext_lazy("File upload")

    def form_field(self, item, *, language, uploaded=None):
        accept = ",".join(
            {"pdf": ".pdf", "jpg": ".jpg,.jpeg", "png": ".png"}[k] for k in item.accept
        )
        common = _common(item, language)
        if uploaded:
            current = _("Uploaded: %(name)s. Choose another file to replace it.") % {
                "name": uploaded.get("name", "")
            }
            common["help_text"] = f"{common['help_text']} {current}".strip()
        common["required"] = item.required and not uploaded
        return forms.FileField(widget=forms.FileInput(attrs={"accept": accept}), **common)

    def add_to(self, form, item, value, data, files):
        uploaded = value if isinstance(value, dict) else None
        form.fields[item.key] = self.form_field(item, language=form.language, uploaded=uploaded)

    def raw_answer(self, form, item):
        return NOTHING

    def step_answer(self, form, item, cleaned):
        return NOTHING

    def display(self, item, value, language):
        return value.get("name", "")


def address_labels() -> dict[str, str]:
    return {
        "street": _("Street and house number"),
        "postal_code": _("Postal code"),
        "city": _("City"),
    }


ADDRESS_AUTOCOMPLETE = {
    "street": "street-address",
    "postal_code": "postal-code",
    "city": "address-level2",
}


class AddressType(FieldType, core.AddressValue):
    """Three text fields named `<key>__street`, `<key>__postal_code`, `<key>__city`."""

    label = gettext_lazy("Address")

    @staticmethod
    def names(item: Field) -> list[str]:
        return [f"{item.key}__{part}" for part in ADDRESS_PARTS]

    def add_to(self, form, item, value, data, files):
        labels = address_labels()
        for part in ADDRESS_PARTS:
            form.fields[f"{item.key}__{part}"] = forms.CharField(
                label=labels[part],
                required=item.required,
                max_length=10 if part == "postal_code" else core.ADDRESS_MAX_LENGTH,
                widget=forms.TextInput(attrs={"autocomplete": ADDRESS_AUTOCOMPLETE[part]}),
                initial=(value or {}).get(part) if isinstance(value, dict) else None,
            )

    def relax(self, form, item):
        for name in self.names(item):
            if name in form.fields:
                form.fields[name].required = False

    def raw_answer(self, form, item):
        return {part: form.data.get(f"{item.key}__{part}", "") for part in ADDRESS_PARTS}

    def step_answer(self, form, item, cleaned):
        return {part: cleaned.get(f"{item.key}__{part}", "") for part in ADDRESS_PARTS}

    def partial_answer(self, form, item, cleaned):
        if not all(name in cleaned for name in self.names(item)):
            return NOTHING
        return {part: cleaned[f"{item.key}__{part}"] for part in ADDRESS_PARTS}

    def layout(self, form, item):
        return {"kind": "address", "fields": [form[name] for name in self.names(item)]}

    def display(self, item, value, language):
        return f"{value.get('street', '')}, {value.get('postal_code', '')} {value.get('city', '')}"


class RepeatType(FieldType, core.RepeatValue):
    """A repeating group: a formset of entries, each a form of the group's fields."""

    label = gettext_lazy("Repeating group (e.g. several children)")

    def add_to(self, form, item, value, data, files):
        form.add_group(item, value, data, files)

    def relax(self, form, item):
        form.groups.pop(item.key, None)

    def raw_answer(self, form, item):
        group = form.groups.get(item.key)
        if group is None:
            return NOTHING
        return [entry.raw_entry(form.data) for entry in group.forms]

    def step_answer(self, form, item, cleaned):
        group = form.groups.get(item.key)
        if group is None:
            return []
        return [entry.item_answers() for entry in group.forms if hasattr(entry, "cleaned_data")]

    def partial_answer(self, form, item, cleaned):
        group = form.groups.get(item.key)
        if group is None or not group.is_valid():
            return NOTHING
        return [entry.item_answers() for entry in group.forms]

    def merge_files(self, answers, key, files):
        # `files` is {entry index: {key: file}}; entries the person removed are dropped.
        entries = [dict(entry) for entry in answers.get(key) or []]
        for index, entry_files in files.items():
            if index < len(entries):
                entries[index].update(entry_files)
        if key in answers:
            answers[key] = entries

    def layout(self, form, item):
        return {
            "kind": "repeat",
            "formset": form.groups.get(item.key),
            "max_items": item.max_items,
        }

    def summary_row(self, item, value, language):
        return Row(
            key=item.key,
            label=item.label_in(language),
            items=[
                [
                    Row(
                        key=sub.key,
                        label=sub.label_in(language),
                        value=format_value(sub, entry.get(sub.key)),
                    )
                    for sub in item.fields
                    if sub.key in entry
                ]
                for entry in value
            ],
        )


def register_field_type(cls: type[FieldType]) -> type[FieldType]:
    """Register a field type (usable as a class decorator); it replaces the core's entry."""
    register_value_type(cls())
    return cls


for _cls in (
    TextType,
    TextareaType,
    NumberType,
    DateType,
    ChoiceType,
    CheckboxType,
    AddressType,
    IbanType,
    SteuerIdType,
    FileType,
    RepeatType,
):
    register_field_type(_cls)


def field_type(kind: str) -> FieldType:
    found = value_type(kind)
    if not isinstance(found, FieldType):
        raise ValueError(f"Field type {kind!r} has no Django side; register a FieldType.")
    return found


def type_choices(*, in_group: bool = False) -> list[tuple[str, Any]]:
    """(kind, label) for the form builder's type select box."""
    return [(kind, field_type(kind).label) for kind in field_kinds(in_group=in_group)]


def json_answer(item: Field, value):
    """A cleaned Django value as the JSON answer the core expects."""
    if value is None:
        return None
    return field_type(item.type).answer(value)


def format_value(item: Field, value) -> str:
    """One answer in the active language; "–" when empty."""
    if value is None or value == "" or value == []:
        return "–"
    return field_type(item.type).display(item, value, translation.get_language() or "de")


def _common(item: Field, language: str) -> dict:
    return {
        "label": item.label_in(language),
        "help_text": item.help_in(language),
        "required": item.required,
    }
