"""FIT-Connect settings, each read when needed (documented in docs/fit-connect.md, .env.example).

FIT_CONNECT_ENABLED              the city has switched the outbox on (default off)
FIT_CONNECT_TOKEN_URL            OAuth2 token endpoint of the FIT-Connect authorisation server
FIT_CONNECT_CLIENT_ID / _SECRET  the sender client's credentials from the self-service portal
FIT_CONNECT_SCOPE                scope asked for with the token (optional)
FIT_CONNECT_SUBMISSION_URL       the Submission API (Zustelldienst) for configured destinations
FIT_CONNECT_ROUTING_URL          the Routing API; empty: destinations only from configuration
FIT_CONNECT_ARS                  the city's regional key (Amtlicher Regionalschlüssel, 12 digits)
FIT_CONNECT_DESTINATIONS         LeiKa key → destination id, for services not found by routing
FIT_CONNECT_TRUST_ANCHORS        PEM file of root certificates the destination keys must chain to
FIT_CONNECT_REQUIRE_CERTIFICATE  refuse keys without a certificate chain (default on)
FIT_CONNECT_TIMEOUT              seconds per HTTP request (default 20)
FIT_CONNECT_CHECK_MINUTES        pause between looks at the event log (default 5)
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings

from rathaus.fitconnect.crypto import TrustPolicy, anchors_from_pem


def enabled() -> bool:
    return bool(getattr(settings, "FIT_CONNECT_ENABLED", False))


def setting(name: str, default: str = "") -> str:
    return str(getattr(settings, f"FIT_CONNECT_{name}", default) or default)


def destinations() -> dict[str, str]:
    return dict(getattr(settings, "FIT_CONNECT_DESTINATIONS", {}) or {})


def timeout() -> float:
    return float(getattr(settings, "FIT_CONNECT_TIMEOUT", 20))


def check_again_in() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "FIT_CONNECT_CHECK_MINUTES", 5)))


def trust_policy() -> TrustPolicy:
    path = setting("TRUST_ANCHORS")
    anchors = anchors_from_pem(Path(path).read_bytes()) if path else ()
    return TrustPolicy(
        anchors=anchors,
        require_certificate=bool(getattr(settings, "FIT_CONNECT_REQUIRE_CERTIFICATE", True)),
    )
