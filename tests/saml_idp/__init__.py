"""A SAML 2.0 identity provider on loopback that answers like BundID, built on pysaml2's IdP.

It reads the platform's signed AuthnRequest (HTTP-Redirect binding, signature checked against the
SP's metadata), shows a sign-in page where the test chooses the trust level and what should go
wrong, and answers by HTTP-POST with a signed response whose signed assertion is encrypted for
the SP, carrying BundID's attributes by OID, each with its `akdb:TrustLevel`, and the trust level
as authentication context class. Keys and certificates are made at test time.

Knobs of the sign-in page (form fields): `level` (STORK-QAA-Level-1 … 4), `outcome` ("success"
or "refuse": a Responder/RequestDenied status), `audience` (another audience), `expired` (the
assertion's NotOnOrAfter lies an hour in the past), `plain` (the assertion is not encrypted),
`unsigned` (only the response is signed, not the assertion), `bpk2`, `mail`, `locality`.
"""

from __future__ import annotations

import base64
import html
import re
import secrets
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, make_server

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, samlp
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAMEID_FORMAT_TRANSIENT, NameID
from saml2.server import Server
from saml2.sigver import get_xmlsec_binary

from rathaus.accounts.bundid import attributes as bundid
from rathaus.accounts.bundid import sp

AKDB_LEVEL = {
    "STORK-QAA-Level-1": "UNTERGEORDNET",
    "STORK-QAA-Level-2": "NORMAL",
    "STORK-QAA-Level-3": "SUBSTANTIELL",
    "STORK-QAA-Level-4": "HOCH",
}


def make_keypair(directory: Path, name: str) -> tuple[str, str]:
    """A fresh RSA key and self-signed certificate as PEM files: (key path, cert path)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_path = directory / f"{name}.key"
    cert_path = directory / f"{name}.crt"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(key_path), str(cert_path)


class BundIdLikeServer(Server):
    """pysaml2's IdP, with a hook to mark attributes and to spoil assertions for the tests."""

    tweak = None

    def setup_assertion(self, *args, **kwargs):
        assertion = super().setup_assertion(*args, **kwargs)
        if self.tweak is not None:
            self.tweak(assertion)
        return assertion


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


class LoopbackIdP:
    def __init__(self, directory: Path):
        self.directory = directory
        self.key, self.cert = make_keypair(directory, "idp-signing")
        self.httpd = make_server("127.0.0.1", 0, self.app, handler_class=_QuietHandler)
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        self.entity_id = f"{self.base}/metadata"
        self.sp_metadata = ""
        self.requests: dict[str, tuple[object, str]] = {}
        self.server: BundIdLikeServer | None = None
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def _config(self) -> dict:
        return {
            "entityid": self.entity_id,
            "xmlsec_binary": get_xmlsec_binary(["/usr/bin", "/usr/local/bin"]),
            "key_file": self.key,
            "cert_file": self.cert,
            "metadata": {"inline": [self.sp_metadata]} if self.sp_metadata else {},
            "accepted_time_diff": 60,
            "service": {
                "idp": {
                    "name": "Loopback BundID",
                    "endpoints": {
                        "single_sign_on_service": [
                            (f"{self.base}/sso", BINDING_HTTP_REDIRECT),
                            (f"{self.base}/sso", BINDING_HTTP_POST),
                        ]
                    },
                    "want_authn_requests_signed": True,
                    "name_id_format": [NAMEID_FORMAT_TRANSIENT],
                    "policy": {"default": {"lifetime": {"minutes": 15}}},
                }
            },
        }

    def trust_sp(self, metadata_xml: bytes | str) -> None:
        """Load the platform's SP metadata (its ACS and its encryption certificate)."""
        self.sp_metadata = (
            metadata_xml.decode() if isinstance(metadata_xml, bytes) else metadata_xml
        )
        config = IdPConfig()
        config.load(self._config())
        self.server = BundIdLikeServer(config=config)

    def metadata_xml(self) -> bytes:
        config = IdPConfig()
        config.load(self._config())
        xml = create_metadata_string(None, config=config, valid=None)
        return xml if isinstance(xml, bytes) else xml.encode()

    # The web part ---------------------------------------------------------------------------

    def app(self, environ, start_response):
        path = environ["PATH_INFO"]
        if path == "/metadata":
            start_response("200 OK", [("Content-Type", "application/samlmetadata+xml")])
            return [self.metadata_xml()]
        if path == "/sso" and environ["REQUEST_METHOD"] == "GET":
            query = {key: values[0] for key, values in parse_qs(environ["QUERY_STRING"]).items()}
            return self._page(start_response, self._sign_in_page(query))
        if path == "/answer" and environ["REQUEST_METHOD"] == "POST":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            form = {
                key: values[0]
                for key, values in parse_qs(environ["wsgi.input"].read(size).decode()).items()
            }
            return self._page(start_response, self._answer_page(form))
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    @staticmethod
    def _page(start_response, body: str):
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        return [body.encode()]

    def _sign_in_page(self, query: dict) -> str:
        parsed = self.server.parse_authn_request(
            query["SAMLRequest"],
            BINDING_HTTP_REDIRECT,
            relay_state=query.get("RelayState"),
            sigalg=query.get("SigAlg"),
            signature=query.get("Signature"),
        )
        if parsed is None or not query.get("Signature"):
            raise ValueError("unsigned or unreadable AuthnRequest")
        token = secrets.token_urlsafe(16)
        self.requests[token] = (parsed.message, query.get("RelayState", ""))
        options = "".join(f'<option value="{level}">{level}</option>' for level in AKDB_LEVEL)
        return (
            '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>BundID (Test)'
            "</title></head><body><main><h1>BundID (Test)</h1>"
            '<form method="post" action="/answer">'
            f'<input type="hidden" name="token" value="{token}">'
            '<label for="level">Vertrauensniveau</label>'
            f'<select id="level" name="level">{options}</select>'
            '<label for="bpk2">bPK2</label><input id="bpk2" name="bpk2" value="bpk2-erika">'
            '<label for="outcome">Ergebnis</label><select id="outcome" name="outcome">'
            '<option value="success">Erfolg</option><option value="refuse">Abbruch</option>'
            "</select>"
            '<button type="submit">Anmelden</button></form></main></body></html>'
        )

    def _identity(self, form: dict) -> tuple[dict, dict]:
        values = {
            bundid.BPK2: form.get("bpk2", "bpk2-erika"),
            bundid.GIVEN_NAME: "Erika",
            bundid.SURNAME: "Mustermann",
            bundid.BIRTH_DATE: "1964-08-12",
            bundid.STREET: "Heinestraße 17",
            bundid.POSTAL_CODE: "67655",
            bundid.LOCALITY: form.get("locality", "Kaiserslautern"),
            bundid.COUNTRY: "D",
            bundid.TRUST_LEVEL: form.get("level", "STORK-QAA-Level-3"),
        }
        if form.get("mail", "erika@example.org"):
            values[bundid.MAIL] = form.get("mail", "erika@example.org")
        return {name: [value] for name, value in values.items()}, values

    def _answer_page(self, form: dict) -> str:
        request, relay_state = self.requests.pop(form["token"])
        response = self.answer(request, form)
        acs = request.assertion_consumer_service_url
        encoded = base64.b64encode(str(response).encode()).decode()
        return (
            '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Weiter</title>'
            f'</head><body><form method="post" action="{html.escape(acs)}">'
            f'<input type="hidden" name="SAMLResponse" value="{encoded}">'
            f'<input type="hidden" name="RelayState" value="{html.escape(relay_state)}">'
            '<button type="submit">Weiter</button></form>'
            "<script>document.forms[0].submit()</script></body></html>"
        )

    def answer(self, request, form: dict):
        """The response to `request` as the knobs in `form` say."""
        acs = request.assertion_consumer_service_url
        if form.get("outcome") == "refuse":
            return self.server.create_error_response(
                request.id,
                destination=acs,
                info=(samlp.STATUS_REQUEST_DENIED, "Die Anmeldung wurde abgebrochen."),
                sign=True,
            )
        identity, _values = self._identity(form)
        level = form.get("level", "STORK-QAA-Level-3")

        def tweak(assertion):
            for statement in assertion.attribute_statement:
                for attribute in statement.attribute:
                    if attribute.name != bundid.BPK2:
                        attribute.extension_attributes[bundid.AKDB_TRUST_LEVEL] = AKDB_LEVEL[level]
            if form.get("audience"):
                for restriction in assertion.conditions.audience_restriction:
                    for audience in restriction.audience:
                        audience.text = form["audience"]
            if form.get("expired"):  # issued two hours ago, valid for one
                now = datetime.now(UTC)
                issued = (now - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
                past = (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
                assertion.issue_instant = issued
                assertion.conditions.not_before = issued
                assertion.conditions.not_on_or_after = past
                for confirmation in assertion.subject.subject_confirmation:
                    confirmation.subject_confirmation_data.not_on_or_after = past

        self.server.tweak = tweak
        try:
            return self.server.create_authn_response(
                identity,
                request.id,
                acs,
                request.issuer.text,
                name_id=NameID(format=NAMEID_FORMAT_TRANSIENT, text=secrets.token_hex(8)),
                authn={"class_ref": level, "authn_auth": self.entity_id},
                sign_response=True,
                sign_assertion=not form.get("unsigned"),
                encrypt_assertion=not form.get("plain"),
                encrypt_assertion_self_contained=True,
            )
        finally:
            self.server.tweak = None

    # For tests without a browser: the IdP's pages through HTTP ------------------------------

    def sign_in(self, location: str, **form) -> tuple[str, str]:
        """Follow the platform's redirect to the IdP and answer: (ACS address, SAMLResponse)."""
        page = requests.get(location, timeout=10)
        page.raise_for_status()
        token = re.search(r'name="token" value="([^"]+)"', page.text).group(1)
        answer = requests.post(f"{self.base}/answer", data={"token": token, **form}, timeout=10)
        answer.raise_for_status()
        acs = html.unescape(re.search(r'action="([^"]+)"', answer.text).group(1))
        encoded = re.search(r'name="SAMLResponse" value="([^"]+)"', answer.text).group(1)
        assert urlsplit(acs).path.endswith("/acs/")
        return acs, encoded


def configure_platform(settings, idp: LoopbackIdP, sp_keys, *, site_url: str) -> None:
    """Switch BundID on (pytest-django's `settings`) against `idp`, and let `idp` trust the SP."""
    (signing_key, signing_cert), (encryption_key, encryption_cert) = sp_keys
    settings.SITE_URL = site_url
    settings.BUNDID = {
        **settings.BUNDID,
        "ENABLED": True,
        "IDP_METADATA_URL": idp.entity_id,
        "SP_ENTITY_ID": f"{site_url}/accounts/bundid/metadata/",
        "SP_SIGNING_KEY": signing_key,
        "SP_SIGNING_CERT": signing_cert,
        "SP_ENCRYPTION_KEY": encryption_key,
        "SP_ENCRYPTION_CERT": encryption_cert,
        "ONLINE_SERVICE_ID": "KL-RATHAUS",
        "ORGANIZATION_DISPLAY_NAME": "Stadt Kaiserslautern",
    }
    settings.SOCIALACCOUNT_PROVIDERS = {
        **settings.SOCIALACCOUNT_PROVIDERS,
        "bundid": {"APPS": [{"client_id": "bundid", "name": "BundID"}]},
    }
    idp.trust_sp(sp.metadata_xml())
