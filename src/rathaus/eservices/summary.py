"""Answers as people read them: the review page, the receipt, the clerk's case view."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext as _

from rathaus.eservices.formschema import Field, FormSchema, visible_answers, visible_steps


@dataclass
class Row:
    key: str
    label: str
    value: str = ""
    items: list[list[Row]] = field(default_factory=list)


def format_value(item: Field, value) -> str:
    """One answer in the active language; "–" when empty."""
    if value is None or value == "" or value == []:
        return "–"
    language = translation.get_language() or "de"
    kind = item.type
    if kind == "checkbox":
        return _("Yes") if value else _("No")
    if kind == "choice":
        return item.option_label(value, language)
    if kind == "date":
        return formats.date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
    if kind == "number":
        return formats.number_format(Decimal(value), use_l10n=True)
    if kind == "address":
        return f"{value.get('street', '')}, {value.get('postal_code', '')} {value.get('city', '')}"
    if kind == "iban":
        return " ".join(value[index : index + 4] for index in range(0, len(value), 4))
    if kind == "file":
        return value.get("name", "")
    return str(value)


def summary_sections(schema: FormSchema, answers: dict) -> list[tuple[str, str, list[Row]]]:
    """(step key, step title, rows) for every shown step."""
    language = translation.get_language() or "de"
    shown = visible_answers(schema, answers)
    sections = []
    for step in visible_steps(schema, shown):
        rows = []
        for item in step.fields:
            if item.key not in shown:
                continue
            if item.type == "repeat":
                rows.append(
                    Row(
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
                            for entry in shown[item.key]
                        ],
                    )
                )
            else:
                rows.append(
                    Row(
                        key=item.key,
                        label=item.label_in(language),
                        value=format_value(item, shown[item.key]),
                    )
                )
        sections.append((step.key, step.title_in(language), rows))
    return sections


def summary_pairs(schema: FormSchema, answers: dict) -> list[tuple[str, str]]:
    """Flat (label, value) pairs, e.g. for the receipt: "Children 2: First name"."""
    pairs = []
    for _key, _title, rows in summary_sections(schema, answers):
        for row in rows:
            if row.items:
                for number, entry in enumerate(row.items, start=1):
                    for sub in entry:
                        pairs.append((f"{row.label} {number}: {sub.label}", sub.value))
            else:
                pairs.append((row.label, row.value))
    return pairs
