"""A registry of declared items (charts, datasets) whose live parts other apps connect later.

An app that is ready before opendata may connect a slot before opendata declares it: the
connection is kept and applied on declaration, so INSTALLED_APPS order does not matter.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class SlotRegistry(Generic[T]):
    def __init__(self) -> None:
        self._items: dict[str, T] = {}
        self._pending: dict[str, dict] = {}

    def declare(self, item: T) -> None:
        """Add an item (a frozen dataclass with an `id`), or replace the one with its id."""
        self._items[item.id] = dataclasses.replace(item, **self._pending.pop(item.id, {}))

    def connect(self, item_id: str, **changes) -> None:
        """Set fields of a declared item, or of one declared later."""
        if item_id in self._items:
            self._items[item_id] = dataclasses.replace(self._items[item_id], **changes)
        else:
            self._pending.setdefault(item_id, {}).update(changes)

    def get(self, item_id: str) -> T | None:
        return self._items.get(item_id)

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._items.values()))

    def snapshot(self) -> tuple[dict, dict]:
        """The registry's state, to restore later (tests)."""
        return dict(self._items), {key: dict(value) for key, value in self._pending.items()}

    def restore(self, state: tuple[dict, dict]) -> None:
        self._items, self._pending = dict(state[0]), dict(state[1])
