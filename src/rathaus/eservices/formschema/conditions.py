"""Show-conditions: when a field or a step is shown, evaluated on the answers given so far.

A condition is data:

    {"field": "kind", "op": "equals", "value": "register"}
    {"all": [cond, ...]}   {"any": [cond, ...]}   {"not": cond}

Operators: equals, not_equals, in, not_in, filled, empty, checked, not_checked, gt, ge, lt, le
(numbers compare as decimals, dates as ISO dates). Inside a repeating group a condition first
looks at the fields of the same item, then at the rest of the form.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from rathaus.eservices.formschema.schema import FormSchema, Step

OPERATORS = (
    "equals",
    "not_equals",
    "in",
    "not_in",
    "filled",
    "empty",
    "checked",
    "not_checked",
    "gt",
    "ge",
    "lt",
    "le",
)
ORDERING = {
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
}


def is_empty(value: Any) -> bool:
    if value is None or value == "" or value == [] or value is False:
        return True
    if isinstance(value, dict):
        return all(is_empty(part) for part in value.values())
    return False


def comparable(value: Any) -> Decimal | date | str | None:
    """A value as something orderable: a decimal, a date, or else its text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).strip()
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        pass
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return bool(left) == bool(right)
    a, b = comparable(left), comparable(right)
    if type(a) is type(b):
        return a == b
    return str(left) == str(right)


def condition_fields(condition: dict | None) -> set[str]:
    """Every field key a condition reads."""
    if not condition:
        return set()
    if "all" in condition or "any" in condition:
        parts = condition.get("all") or condition.get("any") or []
        return set().union(*(condition_fields(part) for part in parts))
    if "not" in condition:
        return condition_fields(condition["not"])
    return {condition["field"]} if condition.get("field") else set()


def evaluate(condition: dict | None, answers: dict, item: dict | None = None) -> bool:
    """Whether the condition holds (no condition always holds)."""
    if not condition:
        return True
    if "all" in condition:
        return all(evaluate(part, answers, item) for part in condition["all"])
    if "any" in condition:
        return any(evaluate(part, answers, item) for part in condition["any"])
    if "not" in condition:
        return not evaluate(condition["not"], answers, item)
    key = condition.get("field", "")
    value = item[key] if item is not None and key in item else answers.get(key)
    op = condition.get("op", "equals")
    expected = condition.get("value")
    if op == "equals":
        return _same(value, expected)
    if op == "not_equals":
        return not _same(value, expected)
    if op in ("in", "not_in"):
        options = expected if isinstance(expected, list | tuple) else [expected]
        found = any(_same(value, option) for option in options)
        return found if op == "in" else not found
    if op == "filled":
        return not is_empty(value)
    if op == "empty":
        return is_empty(value)
    if op == "checked":
        return value is True
    if op == "not_checked":
        return value is not True
    if op in ORDERING:
        a, b = comparable(value), comparable(expected)
        if a is None or b is None or type(a) is not type(b):
            return False
        return ORDERING[op](a, b)
    raise ValueError(f"Unknown condition operator {op!r}.")


def visible_steps(schema: FormSchema, answers: dict) -> list[Step]:
    """The steps shown for these answers, in order."""
    return [step for step in schema.steps if evaluate(step.show_if, answers)]


def visible_answers(schema: FormSchema, answers: dict) -> dict:
    """The answers without those of hidden steps and hidden fields (what is really submitted).

    Repeated until nothing changes, so that a field shown only because of a hidden field's
    value disappears too.
    """
    current = dict(answers)
    for _ in range(len(schema.steps) + 8):
        kept = _visible_once(schema, current)
        if kept == current:
            break
        current = kept
    return current


def _visible_once(schema: FormSchema, answers: dict) -> dict:
    kept: dict = {}
    for step in visible_steps(schema, answers):
        for field in step.fields:
            if field.key not in answers or not evaluate(field.show_if, answers):
                continue
            value = answers[field.key]
            if field.is_group and isinstance(value, list):
                value = [
                    {
                        sub.key: entry[sub.key]
                        for sub in field.fields
                        if sub.key in entry and evaluate(sub.show_if, answers, entry)
                    }
                    for entry in value
                    if isinstance(entry, dict)
                ]
            kept[field.key] = value
    return kept
