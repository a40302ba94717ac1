"""Addresses of map services (tile templates, WMS/WMTS endpoints) that the browser fetches from.

Used by the municipality profile (its base map) and the map layers administrators register:
checked before they are saved, and turned into the one CSP source they need.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_URL_LENGTH = 500
# Placeholders of a tile URL template: XYZ ({z}/{x}/{y}) or a WMTS REST template.
XYZ_PLACEHOLDERS = ("{z}", "{x}", "{y}")
WMTS_PLACEHOLDERS = {"{TileMatrix}": "{z}", "{TileCol}": "{x}", "{TileRow}": "{y}"}
# One host (a name or an address) with an optional port: nothing else may reach the CSP header,
# and a template that rotates subdomains ({s}) would need several hosts.
_HOST = re.compile(r"(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")


def validate_service_url(value: str) -> None:
    """A map service address the browser may fetch from: https (http only outside
    production), a host, no user name or password in it, bounded length."""
    if len(value) > MAX_URL_LENGTH:
        raise ValidationError(_("The address is too long."), code="too_long")
    try:
        parts = urlsplit(value)
    except ValueError as error:  # e.g. an unclosed [IPv6 address
        raise ValidationError(_("The address must name one host."), code="host") from error
    allowed = ("https",) if settings.PRODUCTION else ("https", "http")
    if parts.scheme not in allowed or not parts.hostname:
        raise ValidationError(_("Give a full https address of the map service."), code="scheme")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise ValidationError(
            _("The address must not contain a user name or password."), code="credentials"
        )
    if any(character.isspace() for character in value):
        raise ValidationError(_("The address must not contain spaces."), code="spaces")
    if not _HOST.fullmatch(parts.netloc):
        raise ValidationError(_("The address must name one host."), code="host")


def xyz_template(value: str) -> str:
    """The Leaflet URL template of an XYZ or WMTS REST template ({TileMatrix} → {z} …)."""
    for placeholder, replacement in WMTS_PLACEHOLDERS.items():
        value = value.replace(placeholder, replacement)
    return value


def validate_tile_template(value: str) -> None:
    """A tile URL template with {z}, {x} and {y} (or {TileMatrix}, {TileCol}, {TileRow})."""
    validate_service_url(value)
    template = xyz_template(value)
    if not all(placeholder in template for placeholder in XYZ_PLACEHOLDERS):
        raise ValidationError(
            _("The tile address needs {z}, {x} and {y} (or {TileMatrix}, {TileCol}, {TileRow})."),
            code="placeholders",
        )


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, as a CSP source (one host, nothing else)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
