"""A FIT-Connect peer on loopback: token, Routing API, Submission API and a destination.

A real HTTP server in a thread (http.server), written from the published API descriptions: the
endpoints the plugin uses, with the same status codes. The destination side holds the private
keys made at test time: it decrypts what was submitted, checks it against the published metadata
schema (from the `fitconnect` package, see `published_metadata_schema`) and the hashes, and
answers with signed Security Event Tokens (accept or reject) in the case's event log.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from jwcrypto import jwe, jwk, jws

EVENTS = "https://schema.fitko.de/fit-connect/events/"
PROBLEMS = "https://schema.fitko.de/fit-connect/events/problems/"
CLIENT_ID, CLIENT_SECRET = "rathaus-test-client", "s3cret-for-loopback"
DESTINATION_ID = str(uuid.UUID(int=42))
LEIKA = "99041001000000"
ARS = "073120000000"
SCHEMA_URI = "urn:de:rathaus:handover:1"
HANG, HANG_SECONDS = 0, 1.5  # a fault status: answer only after the client has given up


def published_metadata_schema() -> dict:
    """The FIT-Connect metadata schema 1.0.0 as the `fitconnect` package ships it (not copied)."""
    for entry in importlib.metadata.files("fitconnect") or []:
        if entry.name == "metadata.schema.v1.0.0.json":
            return json.loads(entry.read_text(encoding="utf-8"))
    raise LookupError("The fitconnect package ships no metadata schema 1.0.0.")


def _b64(der: bytes) -> str:
    return base64.b64encode(der).decode()


def _certificate(subject: str, key, issuer_name: str, issuer_key, *, ca: bool, days: int = 30):
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_name)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(issuer_key, hashes.SHA256())
    )


@dataclass
class Keys:
    """The destination's encryption key pair with its certificate chain, and signing keys."""

    root_pem: bytes
    encryption_private: jwk.JWK
    encryption_public: dict
    destination_signing: jwk.JWK
    service_signing: jwk.JWK

    @classmethod
    def make(cls, *, bits: int = 4096) -> Keys:
        root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        root = _certificate(
            "Test-Verwaltungs-PKI", root_key, "Test-Verwaltungs-PKI", root_key, ca=True
        )
        private = rsa.generate_private_key(public_exponent=65537, key_size=bits)
        leaf = _certificate(
            "Familienkasse Test", private, "Test-Verwaltungs-PKI", root_key, ca=False
        )
        encryption_private = jwk.JWK.from_pyca(private)
        public = json.loads(encryption_private.export_public())
        public.update(
            kid="enc-1",
            alg="RSA-OAEP-256",
            key_ops=["wrapKey"],
            x5c=[
                _b64(leaf.public_bytes(serialization.Encoding.DER)),
                _b64(root.public_bytes(serialization.Encoding.DER)),
            ],
        )
        destination_signing = jwk.JWK.generate(kty="RSA", size=2048, kid="sig-destination")
        service_signing = jwk.JWK.generate(kty="RSA", size=2048, kid="sig-zustelldienst")
        return cls(
            root_pem=root.public_bytes(serialization.Encoding.PEM),
            encryption_private=encryption_private,
            encryption_public=public,
            destination_signing=destination_signing,
            service_signing=service_signing,
        )


def verification_key(key: jwk.JWK) -> dict:
    public = json.loads(key.export_public())
    return {**public, "kid": key.get("kid"), "alg": "PS512", "key_ops": ["verify"]}


@dataclass
class Submission:
    submission_id: str
    case_id: str
    announced: list[str]
    service_type: dict
    attachments: dict[str, str] = field(default_factory=dict)
    encrypted_metadata: str = ""
    encrypted_data: str = ""
    submitted: bool = False


class FitConnectPeer:
    def __init__(self, keys: Keys) -> None:
        self.keys = keys
        self.encryption_public = dict(keys.encryption_public)
        self.submissions: dict[str, Submission] = {}
        self.events: dict[str, list[str]] = {}
        self.requests: list[tuple[str, str]] = []
        self.faults: list[tuple[str, str, int]] = []  # (method, path prefix, status), once each
        self.tokens: set[str] = set()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FitConnectPeer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def count(self, method: str, prefix: str) -> int:
        return sum(1 for m, path in self.requests if m == method and path.startswith(prefix))

    # -- the destination (Fachverfahren) -------------------------------------------------------
    def decrypt(self, token: str) -> bytes:
        envelope = jwe.JWE()
        envelope.deserialize(token, key=self.keys.encryption_private)
        header = envelope.jose_header
        assert (header["alg"], header["enc"], header["kid"]) == ("RSA-OAEP-256", "A256GCM", "enc-1")
        return envelope.payload

    def receive(self, submission_id: str) -> tuple[dict, dict, dict[str, bytes]]:
        """Metadata, data and attachments (by file name) as the destination reads them."""
        submission = self.submissions[submission_id]
        metadata = json.loads(self.decrypt(submission.encrypted_metadata))
        data_bytes = self.decrypt(submission.encrypted_data)
        structure = metadata["contentStructure"]
        assert hashlib.sha512(data_bytes).hexdigest() == structure["data"]["hash"]["content"]
        files = {}
        for entry in structure["attachments"]:
            content = self.decrypt(submission.attachments[entry["attachmentId"]])
            assert hashlib.sha512(content).hexdigest() == entry["hash"]["content"]
            files[entry["filename"]] = content
        return metadata, json.loads(data_bytes), files

    def _log(self, submission: Submission, event: str, signer: jwk.JWK, iss: str, details=None):
        payload = {
            "$schema": "https://schema.fitko.de/fit-connect/set-payload/1.0.0/set-payload.schema.json",
            "jti": str(uuid.uuid4()),
            "iss": iss,
            "iat": int(time.time()),
            "sub": f"submission:{submission.submission_id}",
            "txn": f"case:{submission.case_id}",
            "events": {EVENTS + event: details or {}},
        }
        token = jws.JWS(json.dumps(payload).encode())
        token.add_signature(
            signer,
            alg="PS512",
            protected={"alg": "PS512", "typ": "secevent+jwt", "kid": signer.get("kid")},
        )
        self.events.setdefault(submission.case_id, []).append(token.serialize(compact=True))

    def accept(self, submission_id: str, *, tags: dict | None = None) -> None:
        """Accept, naming the authentication tags of what was read (or the ones given)."""
        submission = self.submissions[submission_id]
        read = {
            "metadata": submission.encrypted_metadata.rsplit(".", 1)[-1],
            "data": submission.encrypted_data.rsplit(".", 1)[-1],
            "attachments": {
                key: token.rsplit(".", 1)[-1] for key, token in submission.attachments.items()
            },
        }
        self._log(
            submission,
            "accept-submission",
            self.keys.destination_signing,
            DESTINATION_ID,
            {"problems": [], "authenticationTags": tags or read},
        )

    def reject(self, submission_id: str, *kinds: str) -> None:
        problems = [
            {"type": PROBLEMS + kind, "title": f"Problem: {kind}", "detail": kind} for kind in kinds
        ]
        self._log(
            self.submissions[submission_id],
            "reject-submission",
            self.keys.destination_signing,
            DESTINATION_ID,
            {"problems": problems},
        )

    def forge_acceptance(self, submission_id: str) -> None:
        """An acceptance signed by the Zustelldienst's key, not the destination's."""
        self._log(
            self.submissions[submission_id],
            "accept-submission",
            self.keys.service_signing,
            DESTINATION_ID,
            {"problems": []},
        )

    # -- HTTP ----------------------------------------------------------------------------------
    def _handler(self):
        peer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, body=None, content_type="application/json"):
                data = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def _authorised(self) -> bool:
                value = self.headers.get("Authorization", "")
                return value.startswith("Bearer ") and value[7:] in peer.tokens

            def _dispatch(self, method: str):
                url = urlparse(self.path)
                body = self._body()
                with peer.lock:
                    peer.requests.append((method, url.path))
                    fault = next(
                        (f for f in peer.faults if f[0] == method and url.path.startswith(f[1])),
                        None,
                    )
                    if fault is None:
                        status, answer = peer.route(
                            method, url, body, self._authorised(), self.headers
                        )
                    else:
                        peer.faults.remove(fault)
                        status, answer = fault[2], {"title": "injected"}
                if status == HANG:
                    time.sleep(HANG_SECONDS)  # longer than the client waits; then nothing done
                return self._answer(503 if status == HANG else status, answer)

            def do_GET(self):
                self._dispatch("GET")

            def do_POST(self):
                self._dispatch("POST")

            def do_PUT(self):
                self._dispatch("PUT")

        return Handler

    def destination(self) -> dict:
        return {
            "destinationId": DESTINATION_ID,
            "status": "active",
            "encryptionKid": self.encryption_public["kid"],
            "metadataVersions": ["1.0.0"],
            "services": [
                {
                    "identifier": f"urn:de:fim:leika:leistung:{LEIKA}",
                    "submissionSchemas": [
                        {"schemaUri": SCHEMA_URI, "mimeType": "application/json"}
                    ],
                    "regions": [f"DE{ARS}"],
                }
            ],
        }

    def route(self, method, url, body, authorised, headers):
        parts = [part for part in url.path.split("/") if part]
        query = parse_qs(url.query)
        if method == "POST" and parts == ["token"]:
            form = parse_qs(body.decode())
            if (form.get("grant_type"), form.get("client_id"), form.get("client_secret")) != (
                ["client_credentials"],
                [CLIENT_ID],
                [CLIENT_SECRET],
            ):
                return 401, {"error": "invalid_client"}
            token = uuid.uuid4().hex
            self.tokens.add(token)
            return 200, {"access_token": token, "token_type": "Bearer", "expires_in": 1800}
        if method == "GET" and parts == [".well-known", "jwks.json"]:
            return 200, {"keys": [verification_key(self.keys.service_signing)]}
        if method == "GET" and parts == ["v1", "routes"]:
            found = query.get("leikaKey") == [LEIKA] and query.get("ars") == [ARS]
            routes = (
                [
                    {
                        "destinationId": DESTINATION_ID,
                        "destinationParameters": {"submissionUrl": self.url, **self.destination()},
                    }
                ]
                if found
                else []
            )
            return 200, {
                "count": len(routes),
                "offset": 0,
                "totalCount": len(routes),
                "routes": routes,
            }
        if not authorised:
            return 401, {"title": "unauthorized"}
        if method == "GET" and parts == ["v1", "destinations", DESTINATION_ID]:
            return 200, self.destination()
        if (
            method == "GET"
            and parts[:3] == ["v1", "destinations", DESTINATION_ID]
            and len(parts) == 5
        ):
            keys = {
                self.encryption_public["kid"]: self.encryption_public,
                "sig-destination": verification_key(self.keys.destination_signing),
            }
            return (200, keys[parts[4]]) if parts[4] in keys else (404, {"title": "no such key"})
        if method == "POST" and parts == ["v1", "submissions"]:
            request = json.loads(body)
            if request.get("destinationId") != DESTINATION_ID:
                return 404, {"title": "unknown destination"}
            if request["serviceType"]["identifier"] != f"urn:de:fim:leika:leistung:{LEIKA}":
                return 422, {"title": "service not offered"}
            submission = Submission(
                submission_id=str(uuid.uuid4()),
                case_id=request.get("caseId") or str(uuid.uuid4()),
                announced=list(request.get("announcedAttachments") or []),
                service_type=request["serviceType"],
            )
            self.submissions[submission.submission_id] = submission
            answer = {
                "destinationId": DESTINATION_ID,
                "submissionId": submission.submission_id,
                "caseId": submission.case_id,
            }
            return 201, answer
        if parts[:2] == ["v1", "submissions"] and len(parts) >= 3:
            submission = self.submissions.get(parts[2])
            if submission is None:
                return 404, {"title": "unknown submission"}
            if method == "PUT" and len(parts) == 5 and parts[3] == "attachments":
                if submission.submitted:
                    return 409, {"title": "already submitted"}
                if parts[4] not in submission.announced:
                    return 404, {"title": "attachment not announced"}
                if headers.get("Content-Type") != "application/jose" or body.count(b".") != 4:
                    return 415, {"title": "expects a compact JWE"}
                submission.attachments[parts[4]] = body.decode()
                return 204, None
            if method == "PUT" and len(parts) == 3:
                if submission.submitted:
                    return 409, {"title": "already submitted"}
                if set(submission.attachments) != set(submission.announced):
                    return 422, {"title": "missing attachments"}
                request = json.loads(body)
                submission.encrypted_metadata = request["encryptedMetadata"]
                submission.encrypted_data = request["encryptedData"]
                submission.submitted = True
                self._log(submission, "submit-submission", self.keys.service_signing, self.url)
                return 202, {
                    "destinationId": DESTINATION_ID,
                    "submissionId": submission.submission_id,
                    "caseId": submission.case_id,
                }
        if method == "GET" and parts[:2] == ["v1", "cases"] and parts[3:] == ["events"]:
            log = self.events.get(parts[2], [])
            return 200, {"count": len(log), "offset": 0, "totalCount": len(log), "eventLog": log}
        return 404, {"title": "not found"}
