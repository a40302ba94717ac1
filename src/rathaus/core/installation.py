"""What a city needs on day one, installed by `manage.py install_services` (and by the demo).

Each domain registers an installer in its `AppConfig.ready()`; the command runs them in order and
knows no domain. An installer must be idempotent and must never overwrite what the city changed
(see docs/eservices.md, "Installing the services"). It returns a short line for the log.

    register_installer("dogtax.statute", statute_install, order=30)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction


@dataclass(frozen=True)
class Installer:
    name: str
    run: Callable[[], str]
    order: int


_INSTALLERS: dict[str, Installer] = {}


def register_installer(name: str, run: Callable[[], str], *, order: int) -> None:
    """Register a step; lower `order` first (organisation 10, catalogue 20, domains 30+)."""
    _INSTALLERS[name] = Installer(name=name, run=run, order=order)


def installers() -> list[Installer]:
    return sorted(_INSTALLERS.values(), key=lambda step: (step.order, step.name))


@transaction.atomic
def install_all() -> list[tuple[str, str]]:
    """Run every installer in one transaction; (name, what it did) per step."""
    return [(step.name, step.run()) for step in installers()]
