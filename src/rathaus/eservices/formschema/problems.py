"""What is wrong with a schema before it may be published (no Django import).

The form builder shows these problems and refuses to publish while there are any, so a citizen
never meets a form with a condition on a field that does not exist or a choice without options.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rathaus.eservices.formschema.conditions import OPERATORS, condition_fields
from rathaus.eservices.formschema.fieldtypes import value_type
from rathaus.eservices.formschema.schema import (
    Field,
    FormSchema,
    SchemaError,
    parse_schema,
    texts_complete,
)
from rathaus.eservices.formschema.validation import COMPARE_OPS, RULE_KINDS

KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
# The highest maximum length a definition may state (the builder offers no more): no real
# case needs more, and it bounds what one submission can cost (groups: `MAX_GROUP_ITEMS`).
MAX_TEXT_LENGTH = 4000


@dataclass(frozen=True)
class Problem:
    code: str
    where: str
    params: dict = field(default_factory=dict)


def _condition_problems(condition: dict | None, where: str, allowed: set[str]) -> list[Problem]:
    problems = []
    for key in sorted(condition_fields(condition)):
        if key not in allowed:
            problems.append(Problem("condition_unknown_field", where, {"field": key}))
    stack = [condition] if condition else []
    while stack:
        part = stack.pop()
        if "all" in part or "any" in part:
            stack.extend(part.get("all") or part.get("any") or [])
        elif "not" in part:
            stack.append(part["not"])
        elif part.get("op", "equals") not in OPERATORS:
            problems.append(Problem("condition_unknown_operator", where, {"op": part.get("op")}))
    return problems


def _bounds_problem(item: Field, where: str) -> Problem | None:
    if item.min is None or item.max is None:
        return None
    try:
        low, high = Decimal(item.min), Decimal(item.max)
    except InvalidOperation:
        low, high = item.min, item.max  # ISO dates order as text
    return Problem("min_above_max", where) if low > high else None


def _field_problems(item: Field, where: str, earlier: set[str]) -> list[Problem]:
    problems = []
    if not KEY.match(item.key):
        problems.append(Problem("bad_key", where, {"key": item.key}))
    if not texts_complete(item.label):
        problems.append(Problem("label_missing", where))
    problems += [
        Problem(code, where, params)
        for code, params in value_type(item.type).definition_problems(item)
    ]
    if item.max_length is not None and item.max_length > MAX_TEXT_LENGTH:
        problems.append(Problem("limit_too_high", where, {"limit": MAX_TEXT_LENGTH}))
    bounds = _bounds_problem(item, where)
    if bounds:
        problems.append(bounds)
    problems += _condition_problems(item.show_if, where, earlier)
    return problems


def schema_problems(data: dict) -> list[Problem]:
    """Every problem found; an empty list means the schema can be published."""
    try:
        schema: FormSchema = parse_schema(data)
    except SchemaError as error:
        return [Problem("malformed", "", {"detail": str(error)})]
    problems: list[Problem] = []
    if not schema.steps:
        problems.append(Problem("no_steps", ""))
    seen_steps: set[str] = set()
    known: set[str] = set()
    for step in schema.steps:
        where = step.key
        if step.key in seen_steps:
            problems.append(Problem("duplicate_key", where, {"key": step.key}))
        seen_steps.add(step.key)
        if not KEY.match(step.key):
            problems.append(Problem("bad_key", where, {"key": step.key}))
        if not texts_complete(step.title):
            problems.append(Problem("label_missing", where))
        if not step.fields:
            problems.append(Problem("step_needs_fields", where))
        problems += _condition_problems(step.show_if, where, known)
        step_keys = {item.key for item in step.fields}
        for item in step.fields:
            item_where = f"{step.key}.{item.key}"
            if item.key in known:
                problems.append(Problem("duplicate_key", item_where, {"key": item.key}))
            problems += _field_problems(item, item_where, known | step_keys - {item.key})
            sub_keys = {sub.key for sub in item.fields}
            for sub in item.fields:
                allowed = known | step_keys | sub_keys - {sub.key}
                problems += _field_problems(sub, f"{item_where}.{sub.key}", allowed)
        known |= step_keys
    for index, rule in enumerate(schema.rules):
        where = f"rules[{index}]"
        if rule.kind not in RULE_KINDS:
            problems.append(Problem("rule_unknown_kind", where, {"kind": rule.kind}))
            continue
        fields = set(rule.fields) if rule.kind == "one_of" else {rule.left}
        if rule.kind == "compare":
            if rule.op not in COMPARE_OPS:
                problems.append(Problem("condition_unknown_operator", where, {"op": rule.op}))
            if "field" in rule.right:
                fields.add(rule.right["field"])
        for key in sorted(fields - known):
            problems.append(Problem("condition_unknown_field", where, {"field": key}))
        if not texts_complete(rule.message):
            problems.append(Problem("label_missing", where))
    return problems
