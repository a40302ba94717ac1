"""Render a document template to an archivable, tagged PDF (PDF/A-3b) with WeasyPrint.

The PDF carries the document language (from ``<html lang>``), its title (``<title>``) in the
document information and XMP metadata, a structure tree for assistive technology
(``pdf_tags``), the sRGB output intent PDF/A asks for, and every font it uses embedded (Fira
Sans from the KERN UX package, DejaVu from the system as fallback).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError

from rathaus.core.municipality import municipality
from rathaus.eservices.documents.context import document_context
from rathaus.eservices.documents.fetcher import PDF_BASE_URL, StaticFileFetcher

PDF_VARIANT = "pdf/a-3b"


class DocumentRenderError(RuntimeError):
    """The document could not be rendered (e.g. it asked for a resource it may not load)."""


def render_html(*, template: str, context: dict, language: str) -> str:
    """The HTML of the document, as WeasyPrint will lay it out (useful for tests and previews)."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unsupported document language {language!r}.")
    with translation.override(language):
        full_context = document_context(context, language=language, profile=municipality())
        return render_to_string(template, full_context)


def render_pdf(*, template: str, context: dict, language: str) -> bytes:
    """The PDF/A-3b document rendered from ``template`` with ``context`` in ``language``.

    The context gets ``municipality`` (the profile), ``language``, ``bank`` (the authority's
    account) and, when given, a prepared ``payment`` (with its GiroCode) and ``legal_remedy``.
    """
    html = render_html(template=template, context=context, language=language)
    document = HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=StaticFileFetcher())
    try:
        return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    except FatalURLFetchingError as error:
        raise DocumentRenderError(str(error.__cause__ or error)) from error


def sha256_hex(data: bytes) -> str:
    """The SHA-256 checksum of ``data`` in hexadecimal, as stored beside a notice."""
    return hashlib.sha256(data).hexdigest()
