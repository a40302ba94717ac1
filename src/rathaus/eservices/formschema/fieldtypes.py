"""The registry of field types: one class per type, registered by its kind (no Django import).

A field's `type` in a schema names a registered kind. The pure core asks a type how to check
and normalise an answer (`check`) and what an empty, optional answer becomes (`empty_value`);
the Django side (`rathaus.eservices.fieldtypes`) registers subclasses that also know how the
type becomes a form field, how it reads in a summary and how the form builder offers it. A
domain adds a type of its own by registering a subclass in its `AppConfig.ready()`.

The built-in types are registered by `formschema.values` when the package is imported.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rathaus.eservices.formschema.schema import Field
    from rathaus.eservices.formschema.values import Issue


class ValueType:
    """What the core knows about a field type: how its answers are checked."""

    kind: str = ""
    # Whether the type may stand inside a repeating group.
    in_group: bool = True
    # The issue code when a required answer is missing.
    required_code: str = "required"
    # Whether the answer is an uploaded file (stored by the view, not typed into the form).
    is_file: bool = False
    # Whether the field is a repeating group of entries (its `fields`), checked entry by entry.
    is_group: bool = False

    def empty_value(self, field: Field) -> Any:
        """What an optional field left empty stores."""
        return None

    def definition_problems(self, field: Field) -> list[tuple[str, dict]]:
        """What is wrong with the field's definition for this type, as (code, params) pairs;
        the publish check (`problems.schema_problems`) reports them at the field."""
        return []

    def check(self, field: Field, raw: Any, *, path: str, today: date) -> tuple[Any, Issue | None]:
        """The normalised answer and the first problem with it (None when fine)."""
        raise ValueError(f"check_value does not handle {self.kind!r}")


_TYPES: dict[str, ValueType] = {}


def register_value_type(value_type: ValueType) -> ValueType:
    """Register (or replace, keeping its place in the order) the type of `value_type.kind`."""
    if not value_type.kind:
        raise ValueError("A field type needs a kind.")
    _TYPES[value_type.kind] = value_type
    return value_type


def value_type(kind: str) -> ValueType:
    try:
        return _TYPES[kind]
    except KeyError:
        raise ValueError(f"Unknown field type {kind!r}") from None


def field_kinds(*, in_group: bool = False) -> tuple[str, ...]:
    """The registered kinds in registration order; inside a group only those allowed there."""
    return tuple(kind for kind, item in _TYPES.items() if item.in_group or not in_group)
