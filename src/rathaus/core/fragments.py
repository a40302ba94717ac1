"""Data versions of topics, so a rendered page fragment can be cached until its data changes.

A page part that many people see alike (the start page's panels, the service catalogue, a
poll's results) is rendered once and kept in the shared cache with Django's ``{% cache %}`` tag,
keyed by the language and the *versions of the topics it shows*::

    {% load fragments cache %}
    {% data_version "participation" "voting" as version %}
    {% cache 600 home.panels version LANGUAGE_CODE %} ... {% endcache %}

A topic's version is a token in the same shared cache (file cache, or Redis when scaled out), so
every process sees a change at once. Writes announce a change with ``changed("participation")``:
models are connected to their topics once (``connect_topic``, in ``AppConfig.ready()``), so every
save and delete through the ORM changes the topic after its transaction commits; a service that
writes with ``QuerySet.update()`` or ``bulk_create`` calls ``changed`` itself. The fragment's
timeout bounds what a missed change or a passing time (a poll closing) can leave stale.
See docs/adr/0371-fragments-cached-by-data-version.md.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

PREFIX = "fragments.version."
# A version outlives every fragment keyed by it (fragments keep at most hours).
VERSION_TIMEOUT = 7 * 24 * 3600


def version(*topics: str) -> str:
    """One token for the current versions of `topics` (a new token after any of them changed)."""
    keys = [PREFIX + topic for topic in topics]
    known = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex[:12] for key in keys if key not in known}
    if missing:
        # add(), not set(): two processes starting a topic at once agree on the first token.
        for key, token in missing.items():
            if not cache.add(key, token, VERSION_TIMEOUT):
                token = cache.get(key) or token
            known[key] = token
    return "-".join(known[key] for key in keys)


def changed(*topics: str) -> None:
    """`topics` changed: fragments showing them are rendered afresh.

    The versions are renewed at once (this transaction's own later reads, and tests, which never
    commit) and again when the transaction commits: a reader that took the first new version
    before the commit may have cached the old rows under it.
    """

    def renew() -> None:
        cache.set_many({PREFIX + t: uuid.uuid4().hex[:12] for t in topics}, VERSION_TIMEOUT)

    renew()
    transaction.on_commit(renew, robust=True)


def connect_topic(topic: str, models: Iterable[type[Model]]) -> None:
    """Every save and delete of a row of `models` changes `topic`."""

    def on_change(sender, **kwargs) -> None:
        changed(topic)

    for model in models:
        uid = f"fragments:{topic}:{model._meta.label}"
        post_save.connect(on_change, sender=model, weak=False, dispatch_uid=uid + ":save")
        post_delete.connect(on_change, sender=model, weak=False, dispatch_uid=uid + ":delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                on_change,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"{uid}:{field.name}:m2m",
            )
