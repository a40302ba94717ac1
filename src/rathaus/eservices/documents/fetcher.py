"""Where a PDF may load resources from: the site's own static files and ``data:`` URIs only.

Templates link static files with ``{% static %}``; relative to ``PDF_BASE_URL`` (a name under
the reserved ``.invalid`` domain that can never resolve) those become URLs that this fetcher maps
to files found by Django's static-file finders (development, tests) or in ``STATIC_ROOT``
(production, after collectstatic). Nothing is ever fetched over the network or from an arbitrary
path on disk; any other URL stops the rendering.
"""

from __future__ import annotations

import functools
import mimetypes
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_BASE_URL = "https://documents.rathaus.invalid/"

mimetypes.add_type("font/woff2", ".woff2")


class RefusedResourceError(ValueError):
    """A document asked for a resource outside the static files and data: URIs."""


def static_file_for(url: str) -> Path | None:
    """The local file behind a static-file URL relative to ``PDF_BASE_URL``, if there is one."""
    base, target = urlsplit(PDF_BASE_URL), urlsplit(url)
    static_prefix = urlsplit(settings.STATIC_URL).path
    if (target.scheme, target.netloc) != (base.scheme, base.netloc):
        return None
    if not target.path.startswith(static_prefix):
        return None
    name = unquote(target.path.removeprefix(static_prefix))
    try:
        found = finders.find(name)
        if found is None and staticfiles_storage.exists(name):
            found = staticfiles_storage.path(name)
    except (SuspiciousFileOperation, NotImplementedError):
        return None
    return Path(found) if found else None


class StaticFileFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves static files and ``data:`` URIs, nothing else."""

    def __init__(self):
        super().__init__(allowed_protocols={"data"}, fail_on_errors=True, allow_redirects=False)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = static_file_for(url)
        if path is None:
            raise RefusedResourceError(f"Documents may only use static files, not {url!r}.")
        if path.suffix == ".woff2":
            content = _decompressed_font(str(path), path.stat().st_mtime_ns)
            return URLFetcherResponse(url, content, {"Content-Type": "font/ttf"})
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


@functools.lru_cache(maxsize=16)
def _decompressed_font(path: str, mtime_ns: int) -> bytes:
    """A WOFF2 font as plain TrueType/OpenType, decompressed once per process.

    WeasyPrint would decompress it for every document, which is most of the time a letter
    takes (about 0.6 s per font); the annual dog-tax assessment prints thousands of letters.
    """
    from fontTools.ttLib import woff2

    out = BytesIO()
    with open(path, "rb") as handle:
        woff2.decompress(handle, out)
    return out.getvalue()
