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
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

T = TypeVar("T")

PREFIX = "fragments.version."
# Django's `{% cache %}` tag keeps fragments in this cache when it exists (ADR 0371).
FRAGMENT_CACHE = "template_fragments"
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


def connect_topic(topic: str, models: Iterable[type[Model]], *, unseen: Iterable[str] = ()) -> None:
    """Every save and delete of a row of `models` changes `topic`, except a save of only
    `unseen` fields (named in `update_fields`), which no fragment of the topic shows: e.g. the
    `last_login` that every sign-in saves."""
    ignored = frozenset(unseen)

    def on_change(sender, update_fields=None, **kwargs) -> None:
        if update_fields and ignored.issuperset(update_fields):
            return
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


# Personal fragments (ADR 0421): a page part showing one person's own data (their mailbox, a
# case, a payment schedule) is kept under a key naming that person and the version of their own
# topic, which every write of data they see changes. Nobody else's request can reach the key,
# and the page is rendered afresh after any change.
PERSON_PREFIX = "person."
PERSONAL_TIMEOUT = 900  # a visit's reloads and returns; the shared cache is not a store
# What `{% csrf_token %}` writes into a personal fragment instead of the request's token; the
# view puts the request's own token in its place (`with_csrf_token`).
CSRF_PLACEHOLDER = "csrf-placeholder-7c41e0"


def person_topic(user_id: int) -> str:
    return f"{PERSON_PREFIX}{user_id}"


def changed_for(*user_ids: int | None) -> None:
    """The own data of these people changed: their personal fragments are rendered afresh."""
    topics = sorted({person_topic(user_id) for user_id in user_ids if user_id is not None})
    if topics:
        changed(*topics)


def connect_person(model: type[Model], people: Callable[[Model], Iterable[int | None]]) -> None:
    """Every save and delete of a row of `model` changes the topic of `people(row)`."""

    def on_change(sender, instance, **kwargs) -> None:
        changed_for(*people(instance))

    uid = f"fragments:person:{model._meta.label}"
    post_save.connect(on_change, sender=model, weak=False, dispatch_uid=uid + ":save")
    post_delete.connect(on_change, sender=model, weak=False, dispatch_uid=uid + ":delete")


def personal(
    user_id: int,
    name: str,
    parts: Iterable[object],
    produce: Callable[[], T | None],
    *,
    topics: Iterable[str] = (),
    timeout: int = PERSONAL_TIMEOUT,
) -> T | None:
    """What `produce()` returns for this person, kept until their data or `topics` change.

    The key holds the person, the versions of their topic and of `topics` (taken *before*
    producing, so a write while producing leaves the value under an old version), the
    language, the time zone and `parts` (what else selects the content, e.g. a page number).
    None (the person has no such thing: a 404) is not kept."""
    current = version(person_topic(user_id), *topics)
    key = ":".join(
        [
            "personal",
            name,
            str(user_id),
            current,
            get_language() or "",
            timezone.get_current_timezone_name(),
            *(str(part) for part in parts),
        ]
    )
    store = caches[FRAGMENT_CACHE] if FRAGMENT_CACHE in settings.CACHES else cache
    value = store.get(key)
    if value is None:
        value = produce()
        if value is not None:
            store.set(key, value, timeout)
    return value


def with_csrf_token(request, html: str) -> str:
    """`html` of a personal fragment with the request's CSRF token in its forms."""
    if CSRF_PLACEHOLDER not in html:
        return html
    return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(request)))  # noqa: S308 - our HTML


def render_fragment(template_name: str, context: dict) -> str:
    """The template of a personal fragment, rendered without the context processors (the page's
    layout runs them once; they would read the municipality profile again): it gets `context`
    and the language code, and writes `CSRF_PLACEHOLDER` for `{% csrf_token %}`."""
    return render_to_string(
        template_name,
        {"LANGUAGE_CODE": get_language(), "csrf_token": CSRF_PLACEHOLDER, **context},
    )
