"""Sections other apps add to a process page (e.g. the votes of its voting phase).

An app registers a template in its `AppConfig.ready()`; the process page includes it with the
page's context (`process`, `current_phase`, ...).
"""

from __future__ import annotations

_PROCESS_PANELS: list[tuple[int, str]] = []


def register_process_panel(template_name: str, *, order: int = 100) -> None:
    if template_name not in {name for _, name in _PROCESS_PANELS}:
        _PROCESS_PANELS.append((order, template_name))


def process_panels() -> list[str]:
    return [name for _, name in sorted(_PROCESS_PANELS)]
