"""Changes the form builder makes to a schema, as pure functions returning a new schema.

Fields inside a repeating group are addressed with `group=<key of the group>`.
"""

from __future__ import annotations

import copy


def _steps(schema: dict) -> list[dict]:
    return schema.setdefault("steps", [])


def _step(schema: dict, key: str) -> dict:
    for step in _steps(schema):
        if step.get("key") == key:
            return step
    raise KeyError(key)


def _fields(schema: dict, step_key: str, group: str | None) -> list[dict]:
    fields = _step(schema, step_key).setdefault("fields", [])
    if group is None:
        return fields
    for item in fields:
        if item.get("key") == group and item.get("type") == "repeat":
            return item.setdefault("fields", [])
    raise KeyError(group)


def _index(items: list[dict], key: str) -> int:
    for index, item in enumerate(items):
        if item.get("key") == key:
            return index
    raise KeyError(key)


def _move(items: list, index: int, offset: int) -> None:
    target = index + offset
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]


def step_add(schema: dict, step: dict) -> dict:
    changed = copy.deepcopy(schema)
    _steps(changed).append({"fields": [], **step})
    return changed


def step_update(schema: dict, key: str, changes: dict) -> dict:
    changed = copy.deepcopy(schema)
    step = _step(changed, key)
    step.update(changes)
    for name, value in changes.items():
        if value is None:
            step.pop(name, None)
    return changed


def step_remove(schema: dict, key: str) -> dict:
    changed = copy.deepcopy(schema)
    steps = _steps(changed)
    del steps[_index(steps, key)]
    return changed


def step_move(schema: dict, key: str, offset: int) -> dict:
    changed = copy.deepcopy(schema)
    steps = _steps(changed)
    _move(steps, _index(steps, key), offset)
    return changed


def field_add(schema: dict, step_key: str, field: dict, *, group: str | None = None) -> dict:
    changed = copy.deepcopy(schema)
    _fields(changed, step_key, group).append(field)
    return changed


def field_replace(
    schema: dict, step_key: str, key: str, field: dict, *, group: str | None = None
) -> dict:
    changed = copy.deepcopy(schema)
    fields = _fields(changed, step_key, group)
    index = _index(fields, key)
    if field.get("type") == "repeat" and "fields" not in field:
        field = {**field, "fields": fields[index].get("fields", [])}
    fields[index] = field
    return changed


def field_remove(schema: dict, step_key: str, key: str, *, group: str | None = None) -> dict:
    changed = copy.deepcopy(schema)
    fields = _fields(changed, step_key, group)
    del fields[_index(fields, key)]
    return changed


def field_move(
    schema: dict, step_key: str, key: str, offset: int, *, group: str | None = None
) -> dict:
    changed = copy.deepcopy(schema)
    fields = _fields(changed, step_key, group)
    _move(fields, _index(fields, key), offset)
    return changed


def rule_add(schema: dict, rule: dict) -> dict:
    changed = copy.deepcopy(schema)
    changed.setdefault("rules", []).append(rule)
    return changed


def rule_remove(schema: dict, index: int) -> dict:
    changed = copy.deepcopy(schema)
    rules = changed.setdefault("rules", [])
    if not 0 <= index < len(rules):
        raise KeyError(index)
    del rules[index]
    return changed
