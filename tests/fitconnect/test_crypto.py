"""Checks of the destination's key and of signed events: pure, no database."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from jwcrypto import jwe, jwk, jws

from rathaus.fitconnect import crypto
from tests.fitconnect.loopback import Keys, verification_key

NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def other_keys() -> Keys:
    return Keys.make(bits=2048)


def policy(keys: Keys, **changes) -> crypto.TrustPolicy:
    return crypto.TrustPolicy(anchors=crypto.anchors_from_pem(keys.root_pem), **changes)


def test_a_proper_key_encrypts_what_only_the_destination_can_read(keys):
    key = crypto.encryption_key(keys.encryption_public, kid="enc-1", policy=policy(keys), now=NOW)

    token = crypto.encrypt(b"%PDF-1.7 evidence", key, content_type="application/pdf")

    envelope = jwe.JWE()
    envelope.deserialize(token, key=keys.encryption_private)
    assert envelope.payload == b"%PDF-1.7 evidence"
    header = envelope.jose_header
    assert (header["alg"], header["enc"], header["cty"]) == (
        "RSA-OAEP-256",
        "A256GCM",
        "application/pdf",
    )


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"alg": "RSA-OAEP"}, "alg"),
        ({"key_ops": ["encrypt", "wrapKey"]}, "key_ops"),
        ({"kid": "enc-2"}, "kid"),
        ({"x5c": None}, "x5c"),
    ],
)
def test_a_key_that_breaks_a_rule_is_refused(keys, change, reason):
    published = {**keys.encryption_public, **change}
    published = {name: value for name, value in published.items() if value is not None}

    with pytest.raises(crypto.KeyRejected, match=reason):
        crypto.encryption_key(published, kid="enc-1", policy=policy(keys), now=NOW)


def test_a_short_key_is_refused(keys):
    short = json.loads(jwk.JWK.generate(kty="RSA", size=2048).export_public())
    short.update(kid="enc-1", alg="RSA-OAEP-256", key_ops=["wrapKey"])

    with pytest.raises(crypto.KeyRejected, match="4096"):
        crypto.encryption_key(
            short, kid="enc-1", policy=policy(keys, require_certificate=False), now=NOW
        )


def test_a_chain_to_another_root_or_of_another_key_or_expired_is_refused(keys, other_keys):
    with pytest.raises(crypto.KeyRejected, match="trusted anchor"):
        crypto.encryption_key(
            keys.encryption_public, kid="enc-1", policy=policy(other_keys), now=NOW
        )

    swapped = {**keys.encryption_public, "x5c": other_keys.encryption_public["x5c"]}
    with pytest.raises(crypto.KeyRejected, match="does not certify"):
        crypto.encryption_key(swapped, kid="enc-1", policy=policy(keys), now=NOW)

    with pytest.raises(crypto.KeyRejected, match="not valid now"):
        crypto.encryption_key(
            keys.encryption_public, kid="enc-1", policy=policy(keys), now=NOW + timedelta(days=90)
        )


def test_a_signed_event_verifies_only_with_the_signers_published_key(keys):

    signed = jws.JWS(json.dumps({"sub": "submission:1"}).encode())
    signed.add_signature(
        keys.destination_signing, alg="PS512", protected={"alg": "PS512", "kid": "sig-destination"}
    )
    token = signed.serialize(compact=True)

    assert crypto.signed_payload(token, lambda kid: verification_key(keys.destination_signing)) == {
        "sub": "submission:1"
    }
    with pytest.raises(crypto.KeyRejected):
        crypto.signed_payload(token, lambda kid: verification_key(keys.service_signing))
