"""Where the platform's parts announce their entry points.

Domains add their links in `AppConfig.ready()`: to the back office start page (for the staff
who may use them) and to the citizen's "My account" page. The core templates only iterate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

Predicate = Callable[[object], bool]


@dataclass(frozen=True)
class Link:
    title: str
    url_name: str
    description: str = ""
    allowed: Predicate = field(default=lambda user: True)
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_BACKOFFICE: list[Link] = []
_ACCOUNT: list[Link] = []

# The main navigation: the four sections and the URL namespaces that belong to each.
SECTIONS = {
    "services": ("eservices", "dogtax", "childbenefit"),
    "participation": ("participation", "voting"),
    "maps": ("geodata", "opendata", "ogc"),
    "account": ("accounts", "mailbox", "account", "socialaccount", "mfa"),
}


def register_backoffice_link(link: Link) -> None:
    if link.url_name not in {known.url_name for known in _BACKOFFICE}:
        _BACKOFFICE.append(link)


def register_account_link(link: Link) -> None:
    if link.url_name not in {known.url_name for known in _ACCOUNT}:
        _ACCOUNT.append(link)


def backoffice_links(user) -> list[Link]:
    return sorted((link for link in _BACKOFFICE if link.allowed(user)), key=lambda link: link.order)


def account_links(user) -> list[Link]:
    return sorted((link for link in _ACCOUNT if link.allowed(user)), key=lambda link: link.order)


def section_of(namespace: str | None) -> str | None:
    top = (namespace or "").split(":")[0]
    for section, namespaces in SECTIONS.items():
        if top in namespaces:
            return section
    return None


_HOME_PANELS: list[tuple[int, str]] = []
_HOME_TOPICS: set[str] = set()


def register_home_panel(
    template_name: str, *, order: int = 100, topics: tuple[str, ...] = ()
) -> None:
    """A template included on the start page (it receives the page's context).

    For visitors who are not signed in, the start page keeps its panels as one cached fragment
    keyed by the data versions of every panel's `topics` (ADR 0441): what a panel shows such a
    visitor must depend only on those topics and the language (and on time only within a
    minute); anything personal is shown to signed-in people only.
    """
    if template_name not in {name for _, name in _HOME_PANELS}:
        _HOME_PANELS.append((order, template_name))
    _HOME_TOPICS.update(topics)


def home_panels() -> list[str]:
    return [name for _, name in sorted(_HOME_PANELS)]


def home_topics() -> tuple[str, ...]:
    """The topics of all start-page panels, in a stable order (for the fragment's key)."""
    return tuple(sorted(_HOME_TOPICS))
