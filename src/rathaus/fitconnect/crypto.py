"""End-to-end encryption as FIT-Connect prescribes it: pure functions, no Django.

The destination publishes an RSA public key (JWK) for wrapping content keys; every part of a
submission (metadata, data, each attachment) is a compact JWE with `RSA-OAEP-256` and `A256GCM`.
Before the key is used it is checked: algorithm, key operations, size, and, where a certificate
chain (`x5c`) is given or required, that the chain is valid now, ends at a trusted anchor and
certifies this very key. Revocation (OCSP, CRL) is not checked here.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto import jwe, jwk, jws

KEY_ALGORITHM = "RSA-OAEP-256"
CONTENT_ENCRYPTION = "A256GCM"
SIGNATURE_ALGORITHM = "PS512"
MIN_KEY_BITS = 4096


class KeyRejected(ValueError):
    """The destination's key must not be used (wrong kind, too short, untrusted certificate)."""


@dataclass(frozen=True)
class TrustPolicy:
    anchors: tuple[x509.Certificate, ...] = ()
    require_certificate: bool = True


def anchors_from_pem(pem: bytes) -> tuple[x509.Certificate, ...]:
    return tuple(x509.load_pem_x509_certificates(pem)) if pem.strip() else ()


def sha512_hex(content: bytes) -> str:
    return hashlib.sha512(content).hexdigest()


def _chain(values: list[str]) -> list[x509.Certificate]:
    try:
        return [x509.load_der_x509_certificate(base64.b64decode(value)) for value in values]
    except ValueError as error:
        raise KeyRejected(f"x5c holds an unreadable certificate: {error}") from None


def _check_chain(key: jwk.JWK, values: list[str], policy: TrustPolicy, now: datetime) -> None:
    chain = _chain(values)
    leaf_key = chain[0].public_key()
    if not isinstance(leaf_key, rsa.RSAPublicKey) or (
        leaf_key.public_numbers() != key.get_op_key("wrapKey").public_numbers()
    ):
        raise KeyRejected("The certificate does not certify this key.")
    for certificate in chain:
        if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
            raise KeyRejected(
                f"Certificate {certificate.subject.rfc4514_string()} is not valid now."
            )
    for child, parent in pairwise(chain):
        _issued_by(child, parent)
    last = chain[-1]
    if any(last == anchor for anchor in policy.anchors):
        return
    for anchor in policy.anchors:
        try:
            _issued_by(last, anchor)
        except KeyRejected:
            continue
        if anchor.not_valid_before_utc <= now <= anchor.not_valid_after_utc:
            return
    raise KeyRejected("The certificate chain does not end at a trusted anchor.")


def _issued_by(child: x509.Certificate, parent: x509.Certificate) -> None:
    try:
        child.verify_directly_issued_by(parent)
    except (ValueError, TypeError, InvalidSignature):
        raise KeyRejected(
            f"{child.subject.rfc4514_string()} is not issued by {parent.subject.rfc4514_string()}."
        ) from None


def encryption_key(data: dict, *, kid: str, policy: TrustPolicy, now: datetime) -> jwk.JWK:
    """The destination's encryption key after every check, or KeyRejected."""
    if data.get("kid") != kid:
        raise KeyRejected("The key's kid is not the destination's encryptionKid.")
    if data.get("kty") != "RSA" or data.get("alg") != KEY_ALGORITHM:
        raise KeyRejected(f"The key must be RSA with alg {KEY_ALGORITHM}.")
    if data.get("key_ops") != ["wrapKey"]:
        raise KeyRejected('The key\'s key_ops must be exactly ["wrapKey"].')
    if "d" in data:
        raise KeyRejected("A private key was published.")
    try:
        key = jwk.JWK(**data)
    except (ValueError, TypeError) as error:
        raise KeyRejected(f"Not a readable JWK: {error}") from None
    if key.get_op_key("wrapKey").key_size < MIN_KEY_BITS:
        raise KeyRejected(f"The key is shorter than {MIN_KEY_BITS} bits.")
    chain = data.get("x5c") or []
    if chain:
        _check_chain(key, chain, policy, now)
    elif policy.require_certificate:
        raise KeyRejected("The key carries no certificate chain (x5c).")
    return key


def encrypt(plaintext: bytes, key: jwk.JWK, *, content_type: str) -> str:
    header = {
        "alg": KEY_ALGORITHM,
        "enc": CONTENT_ENCRYPTION,
        "kid": key.get("kid"),
        "cty": content_type,
    }
    token = jwe.JWE(plaintext, protected=json.dumps(header))
    token.add_recipient(key)
    return token.serialize(compact=True)


def authentication_tag(token: str) -> str:
    """The last part of a compact JWE: what a destination names when it accepts."""
    return token.rsplit(".", 1)[-1]


def signed_payload(token: str, key_for) -> dict:
    """The payload of a signed token (a Security Event Token) after checking its PS512 signature.

    `key_for(kid)` returns the public JWK (as a dict) the signer published under that kid.
    """
    try:
        signed = jws.JWS()
        signed.deserialize(token)
        header = signed.jose_header
    except (ValueError, jws.InvalidJWSObject) as error:
        raise KeyRejected(f"Not a signed token: {error}") from None
    if header.get("alg") != SIGNATURE_ALGORITHM:
        raise KeyRejected(f"Tokens must be signed with {SIGNATURE_ALGORITHM}.")
    data = key_for(header.get("kid", ""))
    if data.get("key_ops") != ["verify"] or data.get("alg") != SIGNATURE_ALGORITHM:
        raise KeyRejected("The signer's key is not a PS512 verification key.")
    try:
        signed.verify(jwk.JWK(**data), alg=SIGNATURE_ALGORITHM)
    except (jws.InvalidJWSSignature, ValueError) as error:
        raise KeyRejected(f"The signature does not verify: {error}") from None
    return json.loads(signed.payload)
