"""The platform as a SAML 2.0 service provider of BundID, built on pysaml2 (ADR 0261).

`client()` builds pysaml2's client from the `BUNDID` settings once per process (the IdP's
metadata is read again after `METADATA_MAX_AGE`). `authn_request()` makes the signed AuthnRequest
with BundID's extension (requested attributes, display information) and the minimum trust level;
`read_response()` checks an answer and returns the assertion's facts, or raises `Refused` with a
reason the citizen is told. pysaml2 checks the signature (the assertion's, and the response's
when configured), the audience, the recipient and destination (the ACS address), NotBefore and
NotOnOrAfter with `CLOCK_SKEW` seconds of slack, and InResponseTo against the requests this
browser started; this module adds that the assertion must have arrived encrypted. Replays are
refused by the caller (`services.assertion_consume`), which remembers every assertion ID until it
expires.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import logging
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from urllib.parse import urlsplit

import defusedxml.ElementTree as SafeET
from django.conf import settings
from django.urls import reverse
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, ExtensionElement, samlp
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.metadata import create_metadata_string
from saml2.response import StatusError, UnsolicitedResponse
from saml2.saml import AuthnContextClassRef
from saml2.sigver import get_xmlsec_binary
from saml2.time_util import str_to_time
from saml2.validate import ResponseLifetimeExceed, ToEarly

from rathaus.accounts.bundid.attributes import (
    AKDB_NAMESPACE,
    AKDB_TRUST_LEVEL,
    REQUEST_CLASS,
    REQUESTED,
    SamlAttribute,
)

logger = logging.getLogger(__name__)

METADATA_MAX_AGE = 24 * 3600
"""Seconds after which the IdP's metadata is read again (new signing certificates)."""
MAX_RESPONSE_CHARS = 200_000
"""A SAMLResponse larger than this (base64) is refused unread."""
ASSERTION_DEFAULT_LIFETIME = timedelta(hours=1)

PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol"
ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion"
CLASSIC_UI = "https://www.akdb.de/request/2018/09/classic-ui/v1"
SIGNATURE = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
DIGEST = "http://www.w3.org/2001/04/xmlenc#sha256"


class Reason(StrEnum):
    REFUSED = "refused"
    EXPIRED = "expired"
    REPLAYED = "replayed"
    NOT_STARTED = "not_started"
    INVALID = "invalid"
    UNAVAILABLE = "unavailable"


class Refused(Exception):
    def __init__(self, reason: Reason, detail: str = ""):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


@dataclass(frozen=True)
class Assertion:
    assertion_id: str
    in_response_to: str
    expires_at: datetime
    class_ref: str
    attributes: tuple[SamlAttribute, ...]


def enabled() -> bool:
    return bool(settings.BUNDID["ENABLED"])


def acs_url() -> str:
    return settings.SITE_URL.rstrip("/") + reverse("bundid_acs")


def _config_dict() -> dict:
    config = settings.BUNDID
    if config["IDP_METADATA_FILE"]:
        metadata = {"local": [config["IDP_METADATA_FILE"]]}
    else:
        remote = {"url": config["IDP_METADATA_URL"]}
        if config["IDP_METADATA_CERT"]:
            remote["cert"] = config["IDP_METADATA_CERT"]
        metadata = {"remote": [remote]}
    return {
        "entityid": config["SP_ENTITY_ID"],
        "xmlsec_binary": get_xmlsec_binary(["/usr/bin", "/usr/local/bin"]),
        "key_file": config["SP_SIGNING_KEY"],
        "cert_file": config["SP_SIGNING_CERT"],
        "encryption_keypairs": [
            {"key_file": config["SP_ENCRYPTION_KEY"], "cert_file": config["SP_ENCRYPTION_CERT"]}
        ],
        "metadata": metadata,
        "accepted_time_diff": config["CLOCK_SKEW"],
        "allow_unknown_attributes": True,
        "signing_algorithm": SIGNATURE,
        "digest_algorithm": DIGEST,
        "service": {
            "sp": {
                "name": config["NAME"],
                "endpoints": {"assertion_consumer_service": [(acs_url(), BINDING_HTTP_POST)]},
                "authn_requests_signed": True,
                "want_assertions_signed": True,
                "want_response_signed": config["RESPONSE_SIGNED"],
                "allow_unsolicited": False,
            }
        },
    }


_cache: dict[str, tuple[str, float, Saml2Client]] = {}
_cache_lock = threading.Lock()


def client() -> Saml2Client:
    """pysaml2's client for the current settings (built once; metadata re-read daily)."""
    conf = _config_dict()
    key = repr(conf)
    with _cache_lock:
        cached = _cache.get("client")
        if cached and cached[0] == key and time.monotonic() - cached[1] < METADATA_MAX_AGE:
            return cached[2]
        sp_config = SPConfig()
        sp_config.load(conf)
        built = Saml2Client(config=sp_config)
        _cache["client"] = (key, time.monotonic(), built)
        return built


def idp_entity_id(saml_client: Saml2Client) -> str:
    idps = saml_client.metadata.with_descriptor("idpsso")
    if len(idps) != 1:
        raise ValueError(f"The IdP metadata must describe exactly one IdP, found {len(idps)}")
    return next(iter(idps))


def _akdb(tag: str, *, attributes=None, children=(), text=None, namespace=AKDB_NAMESPACE):
    return ExtensionElement(
        tag, namespace=namespace, attributes=attributes or {}, children=list(children), text=text
    )


def request_extensions() -> samlp.Extensions:
    """BundID's AuthnRequest extension: the attributes asked for and what the citizen is shown."""
    config = settings.BUNDID
    children = [
        _akdb(
            "RequestedAttributes",
            children=[
                _akdb(
                    "RequestedAttribute",
                    attributes={"Name": oid, "RequiredAttribute": "true" if required else "false"},
                )
                for oid, required in REQUESTED.items()
            ],
        )
    ]
    shown = [
        _akdb(tag, namespace=CLASSIC_UI, text=value)
        for tag, value in (
            ("OrganizationDisplayName", config["ORGANIZATION_DISPLAY_NAME"]),
            ("OnlineServiceId", config["ONLINE_SERVICE_ID"]),
        )
        if value
    ]
    if shown:
        children.append(
            _akdb(
                "DisplayInformation",
                children=[_akdb("Version", namespace=CLASSIC_UI, children=shown)],
            )
        )
    root = _akdb("AuthenticationRequest", attributes={"Version": "2"}, children=children)
    return samlp.Extensions(extension_elements=[root])


def authn_request() -> tuple[str, str]:
    """A signed AuthnRequest (HTTP-Redirect binding): its ID and the address to send the browser."""
    saml_client = client()
    requested = samlp.RequestedAuthnContext(
        authn_context_class_ref=[
            AuthnContextClassRef(text=REQUEST_CLASS[settings.BUNDID["REQUESTED_LEVEL"]])
        ],
        comparison="minimum",
    )
    request_id, info = saml_client.prepare_for_authenticate(
        entityid=idp_entity_id(saml_client),
        binding=BINDING_HTTP_REDIRECT,
        sign=True,
        sigalg=SIGNATURE,
        digest_alg=DIGEST,
        extensions=request_extensions(),
        requested_authn_context=requested,
    )
    location = dict(info["headers"])["Location"]
    return request_id, location


def idp_origin() -> str:
    """Scheme and host of the IdP's sign-in address (the CSP form-action must allow it)."""
    saml_client = client()
    location = saml_client.metadata.single_sign_on_service(
        idp_entity_id(saml_client), BINDING_HTTP_REDIRECT
    )
    parts = urlsplit(next(iter(location))["location"])
    return f"{parts.scheme}://{parts.netloc}"


def metadata_xml() -> bytes:
    xml = create_metadata_string(None, config=client().config, valid=None)
    return xml if isinstance(xml, bytes) else xml.encode()


def _check_encrypted(xml: bytes) -> None:
    """A successful answer must carry its assertion encrypted, never in plain text."""
    root = SafeET.fromstring(xml)
    if root.tag != f"{{{PROTOCOL}}}Response":
        raise Refused(Reason.INVALID, "not a Response")
    if root.findall(f"{{{ASSERTION}}}Assertion"):
        raise Refused(Reason.INVALID, "assertion not encrypted")
    if not root.findall(f"{{{ASSERTION}}}EncryptedAssertion"):
        raise Refused(Reason.INVALID, "no encrypted assertion")


def _expiry(assertion) -> datetime:
    times = []
    if assertion.conditions is not None and assertion.conditions.not_on_or_after:
        times.append(assertion.conditions.not_on_or_after)
    for confirmation in assertion.subject.subject_confirmation:
        data = confirmation.subject_confirmation_data
        if data is not None and data.not_on_or_after:
            times.append(data.not_on_or_after)
    if not times:
        return datetime.now(UTC) + ASSERTION_DEFAULT_LIFETIME
    latest = max(calendar.timegm(str_to_time(text)) for text in times)
    return datetime.fromtimestamp(latest, UTC) + timedelta(seconds=settings.BUNDID["CLOCK_SKEW"])


def _attributes(assertion) -> tuple[SamlAttribute, ...]:
    found = []
    for statement in assertion.attribute_statement:
        for attribute in statement.attribute:
            values = tuple(value.text or "" for value in attribute.attribute_value)
            trust = (attribute.extension_attributes or {}).get(AKDB_TRUST_LEVEL, "")
            found.append(SamlAttribute(name=attribute.name, values=values, trust_level=trust))
    return tuple(found)


def read_response(encoded: str, outstanding: dict[str, str]) -> Assertion:
    """Check a POSTed SAMLResponse against the requests in `outstanding` (ID → next URL)."""
    if not encoded or len(encoded) > MAX_RESPONSE_CHARS:
        raise Refused(Reason.INVALID, "missing or oversized")
    try:
        xml = base64.b64decode(encoded, validate=False)
    except (binascii.Error, ValueError) as error:
        raise Refused(Reason.INVALID, "not base64") from error
    saml_client = client()
    try:
        response = saml_client.parse_authn_request_response(
            encoded, BINDING_HTTP_POST, outstanding=outstanding
        )
    except StatusError as error:
        raise Refused(Reason.REFUSED, str(error)) from error
    except (ResponseLifetimeExceed, ToEarly) as error:
        raise Refused(Reason.EXPIRED, str(error)) from error
    except UnsolicitedResponse as error:
        raise Refused(Reason.NOT_STARTED, str(error)) from error
    except Exception as error:  # pysaml2 raises bare Exceptions, e.g. for the audience
        logger.warning("BundID answer refused: %s", error)
        raise Refused(Reason.INVALID, str(error)) from error
    if response is None or response.assertion is None:
        raise Refused(Reason.INVALID, "no assertion")
    _check_encrypted(xml)
    assertion = response.assertion
    class_ref = ""
    for statement in assertion.authn_statement:
        context = statement.authn_context
        if context is not None and context.authn_context_class_ref is not None:
            class_ref = (context.authn_context_class_ref.text or "").strip()
    return Assertion(
        assertion_id=assertion.id,
        in_response_to=response.in_response_to or "",
        expires_at=_expiry(assertion),
        class_ref=class_ref,
        attributes=_attributes(assertion),
    )
