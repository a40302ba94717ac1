"""The engine's settings, each read when needed with a documented default.

ESERVICES_REFERENCE_PREFIX   first part of case references (default: the municipality profile's
                             abbreviation, "KL" in Kaiserslautern → KL-2026-000123)
ESERVICES_RESUME_LINK_DAYS   how long an e-mailed resume link works (default 30)
ESERVICES_UPLOAD_MAX_MB      upper limit for any uploaded file (default 10)
ESERVICES_OUTBOX_DIR         where the folder outbox writes (default var/outbox)
ESERVICES_DELIVERY_ATTEMPTS  tries before a delivery is marked failed for good (default 8)
ESERVICES_CLOSE_DECIDED_AFTER_DAYS  decided cases are closed after this many days (default 42)

Archive hand-over (xdomea, docs/xdomea.md), off by default:
XDOMEA_ARCHIVE_ENABLED       hand expired cases to the archive before anonymising them
XDOMEA_SENDER_AUTHORITY      the city's Behoerdenkennung, PREFIX:KEY (e.g. ags:07312000)
XDOMEA_SENDER_NAME           the city's name in the message (default: the municipality profile's)
XDOMEA_ARCHIVE_AUTHORITY     the archive's Behoerdenkennung, PREFIX:KEY
XDOMEA_ARCHIVE_NAME          the archive's name in the message
XDOMEA_OUTBOX                the outbox that transports the ZIP (default xdomea.folder)
XDOMEA_DROP_DIR              where xdomea.folder drops the ZIPs (default var/xdomea/outbox)
XDOMEA_INBOX_DIR             where the archive's acknowledgements arrive (default var/xdomea/inbox)
XDOMEA_SERVICES              service slugs whose cases go to the archive (empty: all services)
XDOMEA_FILE_FORMAT_LIST_VERSION  version of the Dateiformat code list agreed with the archive
"""

from pathlib import Path

from django.conf import settings

from rathaus.core.municipality import municipality

DEFAULT_REFERENCE_PREFIX = "REF"
"""For a profile without an abbreviation."""


def reference_prefix() -> str:
    """The setting where a city sets one, else the profile's abbreviation (else "REF")."""
    return (
        getattr(settings, "ESERVICES_REFERENCE_PREFIX", "")
        or municipality().abbreviation.strip()
        or DEFAULT_REFERENCE_PREFIX
    )


def resume_link_days() -> int:
    return int(getattr(settings, "ESERVICES_RESUME_LINK_DAYS", 30))


def upload_max_mb() -> int:
    return int(getattr(settings, "ESERVICES_UPLOAD_MAX_MB", 10))


def delivery_attempts() -> int:
    return int(getattr(settings, "ESERVICES_DELIVERY_ATTEMPTS", 8))


def site_url() -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def close_decided_after_days() -> int:
    """Decided cases are closed by the system once the objection period has surely passed."""
    return int(getattr(settings, "ESERVICES_CLOSE_DECIDED_AFTER_DAYS", 42))


def archive_enabled() -> bool:
    return bool(getattr(settings, "XDOMEA_ARCHIVE_ENABLED", False))


def archive_services() -> frozenset[str]:
    """Slugs of the services whose cases go to the archive; empty means every service."""
    return frozenset(getattr(settings, "XDOMEA_SERVICES", None) or ())


def archive_outbox() -> str:
    return getattr(settings, "XDOMEA_OUTBOX", "") or "xdomea.folder"


def archive_sender_authority() -> str:
    return getattr(settings, "XDOMEA_SENDER_AUTHORITY", "")


def archive_sender_name() -> str:
    return getattr(settings, "XDOMEA_SENDER_NAME", "")


def archive_recipient_authority() -> str:
    return getattr(settings, "XDOMEA_ARCHIVE_AUTHORITY", "")


def archive_recipient_name() -> str:
    return getattr(settings, "XDOMEA_ARCHIVE_NAME", "") or "Archiv"


def archive_file_format_list_version() -> str:
    return getattr(settings, "XDOMEA_FILE_FORMAT_LIST_VERSION", "") or "2.0"


def archive_drop_dir() -> Path:
    configured = getattr(settings, "XDOMEA_DROP_DIR", "")
    return Path(configured) if configured else Path(settings.BASE_DIR) / "var/xdomea/outbox"


def archive_inbox_dir() -> Path:
    configured = getattr(settings, "XDOMEA_INBOX_DIR", "")
    return Path(configured) if configured else Path(settings.BASE_DIR) / "var/xdomea/inbox"
