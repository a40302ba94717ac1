"""Answers as people read them: the review page, the receipt, the clerk's case view."""

from __future__ import annotations

from django.utils import translation

from rathaus.eservices.fieldtypes import Row, field_type
from rathaus.eservices.formschema import FormSchema, visible_answers, visible_steps


def summary_sections(schema: FormSchema, answers: dict) -> list[tuple[str, str, list[Row]]]:
    """(step key, step title, rows) for every shown step."""
    language = translation.get_language() or "de"
    shown = visible_answers(schema, answers)
    sections = []
    for step in visible_steps(schema, shown):
        rows = [
            field_type(item.type).summary_row(item, shown[item.key], language)
            for item in step.fields
            if item.key in shown
        ]
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
