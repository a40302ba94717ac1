"""Work a web process does once before it serves, instead of in its first requests.

gunicorn loads the application in its master (``preload_app``) and forks the workers from it.
Django imports the URL configuration (and with it every view and API module) and reads the
translation catalogues only when the first request needs them: each worker then spent about
0.4 s of CPU in its first requests, while its other threads answered citizens and the load
balancer. Done here, the work happens once, in the master, and the workers share the result.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation


def warm_up() -> None:
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - imports every URL module, view and API
    for code, _name in settings.LANGUAGES:
        with translation.override(code):  # reads the language's catalogues
            resolver.reverse_dict  # noqa: B018 - the language's reverse lookup table
