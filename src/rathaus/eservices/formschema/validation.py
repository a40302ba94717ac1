"""Answers against a whole schema: fields, repeating groups and cross-field rules.

Only what is shown is checked: hidden steps and fields (their conditions do not hold) are
dropped from the result, so a submission never carries answers the person could not see.

Cross-field rules:

    {"kind": "compare", "left": "moved_out_on", "op": "ge",
     "right": {"field": "moved_in_on"} | {"value": "2026-01-01"} | {"today": true},
     "message": {"de": ..., "en": ...}}
    {"kind": "one_of", "fields": ["phone", "email"], "message": {...}}
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rathaus.eservices.formschema.conditions import (
    ORDERING,
    comparable,
    evaluate,
    is_empty,
    visible_answers,
    visible_steps,
)
from rathaus.eservices.formschema.schema import Field, FormSchema, Rule, Step
from rathaus.eservices.formschema.values import Issue, check_value

RULE_KINDS = ("compare", "one_of")
COMPARE_OPS = ("gt", "ge", "lt", "le", "equals", "not_equals")


def check_group(
    field: Field, raw: Any, answers: dict, *, today: date
) -> tuple[list[dict], list[Issue]]:
    """A repeating group: the number of items and every shown field of every item."""
    items = raw if isinstance(raw, list) else []
    issues: list[Issue] = []
    if field.required and not items:
        issues.append(Issue(field.key, "too_few_items", {"limit": max(field.min_items, 1)}))
    elif items and len(items) < field.min_items:
        issues.append(Issue(field.key, "too_few_items", {"limit": field.min_items}))
    if len(items) > field.max_items:
        issues.append(Issue(field.key, "too_many_items", {"limit": field.max_items}))
    values = []
    for index, item in enumerate(items):
        entry = item if isinstance(item, dict) else {}
        value = {}
        for sub in field.fields:
            if not evaluate(sub.show_if, answers, entry):
                continue
            normal, issue = check_value(
                sub, entry.get(sub.key), path=f"{field.key}[{index}].{sub.key}", today=today
            )
            value[sub.key] = normal
            if issue:
                issues.append(issue)
        values.append(value)
    return values, issues


def _rule_value(rule: Rule, answers: dict, today: date) -> Any:
    if "field" in rule.right:
        return answers.get(rule.right["field"])
    if rule.right.get("today"):
        return today.isoformat()
    return rule.right.get("value")


def check_rule(rule: Rule, answers: dict, *, today: date) -> Issue | None:
    """The issue a rule finds, or None; rules over empty answers hold (required is separate)."""
    if rule.kind == "one_of":
        if all(is_empty(answers.get(key)) for key in rule.fields):
            return Issue(rule.fields[0] if rule.fields else "", "rule", message=rule.message)
        return None
    if rule.kind != "compare":
        raise ValueError(f"Unknown rule kind {rule.kind!r}.")
    left, right = comparable(answers.get(rule.left)), comparable(_rule_value(rule, answers, today))
    if left is None or right is None or type(left) is not type(right):
        return None
    if rule.op == "equals":
        holds = left == right
    elif rule.op == "not_equals":
        holds = left != right
    else:
        holds = ORDERING[rule.op](left, right)
    return None if holds else Issue(rule.left, "rule", message=rule.message)


def _rule_fields(rule: Rule) -> set[str]:
    if rule.kind == "one_of":
        return set(rule.fields)
    return {rule.left} | ({rule.right["field"]} if "field" in rule.right else set())


def validate_step(
    schema: FormSchema, step: Step, answers: dict, *, today: date
) -> tuple[dict, list[Issue]]:
    """The step's shown fields checked and normalised, plus the rules this step completes.

    `answers` holds everything known so far (earlier steps and this step's new values), so
    conditions and rules can look back.
    """
    values: dict = {}
    issues: list[Issue] = []
    for field in step.fields:
        if not evaluate(field.show_if, answers):
            continue
        if field.is_group:
            value, found = check_group(field, answers.get(field.key), answers, today=today)
            issues.extend(found)
        else:
            value, issue = check_value(field, answers.get(field.key), path=field.key, today=today)
            if issue:
                issues.append(issue)
        values[field.key] = value
    merged = {**answers, **values}
    step_keys = {field.key for field in step.fields}
    known = {field.key for earlier in schema.steps for field in earlier.fields}
    for rule in schema.rules:
        fields = _rule_fields(rule)
        if not fields & step_keys or not fields <= known:
            continue
        # A rule belongs to the last step among its fields' steps.
        last = max(_step_index(schema, key) for key in fields)
        if schema.steps[last].key != step.key:
            continue
        issue = check_rule(rule, visible_answers(schema, merged), today=today)
        if issue:
            issues.append(issue)
    return values, issues


def _step_index(schema: FormSchema, key: str) -> int:
    for index, step in enumerate(schema.steps):
        if step.field(key):
            return index
    return -1


def validate_answers(schema: FormSchema, answers: dict, *, today: date) -> tuple[dict, list[Issue]]:
    """Every shown step checked: the clean answers to submit and all issues found."""
    shown = visible_answers(schema, answers)
    clean: dict = {}
    issues: list[Issue] = []
    for step in visible_steps(schema, shown):
        values, found = validate_step(schema, step, {**shown, **clean}, today=today)
        clean.update(values)
        issues.extend(found)
    return visible_answers(schema, clean), issues


def first_incomplete_step(schema: FormSchema, answers: dict, *, today: date) -> Step | None:
    """The first shown step whose answers are not yet valid (None when all are)."""
    shown = visible_answers(schema, answers)
    for step in visible_steps(schema, shown):
        _, issues = validate_step(schema, step, shown, today=today)
        if issues:
            return step
    return None
