"""A registry of declared items (charts, datasets); their live parts may be replaced later.

Each item is declared by the app that owns its data, and the registry remembers the module
that declared it (`declared_by`), so a test can check that no app declares another's entries.
A connection (`connect`) made before the declaration is kept and applied on declaration, so
INSTALLED_APPS order does not matter.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class SlotRegistry(Generic[T]):
    def __init__(self) -> None:
        self._items: dict[str, T] = {}
        self._pending: dict[str, dict] = {}
        self._owners: dict[str, str] = {}

    def declare(self, item: T, owner: str) -> None:
        """Add an item (a frozen dataclass with an `id`), or replace the one with its id.

        `owner` is the dotted name of the declaring module (e.g. "rathaus.dogtax.opendata").
        """
        self._items[item.id] = dataclasses.replace(item, **self._pending.pop(item.id, {}))
        self._owners[item.id] = owner

    def connect(self, item_id: str, **changes) -> None:
        """Set fields of a declared item, or of one declared later."""
        if item_id in self._items:
            self._items[item_id] = dataclasses.replace(self._items[item_id], **changes)
        else:
            self._pending.setdefault(item_id, {}).update(changes)

    def get(self, item_id: str) -> T | None:
        return self._items.get(item_id)

    def declared_by(self, item_id: str) -> str | None:
        """The module that declared the item, or None if it is not declared."""
        return self._owners.get(item_id)

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._items.values()))

    def snapshot(self) -> tuple[dict, dict, dict]:
        """The registry's state, to restore later (tests)."""
        pending = {key: dict(value) for key, value in self._pending.items()}
        return dict(self._items), pending, dict(self._owners)

    def restore(self, state: tuple[dict, dict, dict]) -> None:
        self._items, self._pending, self._owners = dict(state[0]), dict(state[1]), dict(state[2])


def caller_module(depth: int = 2) -> str:
    """The dotted name of the module `depth` frames up; by default the caller of the function
    that calls this one (`register_chart` and `register_dataset` record who declared an entry)."""
    return sys._getframe(depth).f_globals.get("__name__", "")
