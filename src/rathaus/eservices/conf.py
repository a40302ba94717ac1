"""The engine's settings, each read when needed with a documented default.

ESERVICES_REFERENCE_PREFIX   first part of case references (default: the municipality profile's
                             abbreviation, "KL" in Kaiserslautern → KL-2026-000123)
ESERVICES_RESUME_LINK_DAYS   how long an e-mailed resume link works (default 30)
ESERVICES_UPLOAD_MAX_MB      upper limit for any uploaded file (default 10)
ESERVICES_OUTBOX_DIR         where the folder outbox writes (default var/outbox)
ESERVICES_DELIVERY_ATTEMPTS  tries before a delivery is marked failed for good (default 8)
ESERVICES_CLOSE_DECIDED_AFTER_DAYS  decided cases are closed after this many days (default 42)
"""

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
