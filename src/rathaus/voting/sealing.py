"""The sealed ballot box: the poll's key, the trustees' shares, sealing and opening ballots.

Pure functions on bytes and strings, no database. A poll's key is an X25519 key pair (libsodium
via PyNaCl); a ballot is sealed with the public key in a libsodium *sealed box* (an ephemeral key
pair per ballot, X25519 + XSalsa20-Poly1305), so only the holder of the private key can open it
and not even the platform that sealed it can tell two sealed ballots apart. The private key is
split at once into SLIP-39 mnemonic shares (``shamir-mnemonic``, Shamir's secret sharing over
GF(256) with checksums and a digest) — ``threshold`` of ``trustees`` shares rebuild it — and
is then dropped. Before sealing, the ballot's JSON is padded with spaces to the same length for
every ballot of the poll, so the length of a sealed ballot does not tell how many options it
names. See docs/adr/0171-sealed-ballot-box.md.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence

import shamir_mnemonic
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

from rathaus.voting import codes

KEY_BYTES = 32
MIN_TRUSTEES, MAX_TRUSTEES = 2, 16


class ShareError(ValueError):
    """The shares entered do not open the poll's key; ``code`` says why (never which share)."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(code)


def threshold_problem(trustees: int, threshold: int) -> str | None:
    """Why ``threshold`` of ``trustees`` is no valid split (None if it is)."""
    if not MIN_TRUSTEES <= trustees <= MAX_TRUSTEES:
        return "trustee_count"
    if not 2 <= threshold <= trustees:
        return "threshold_range"
    return None


def new_poll_key(*, trustees: int, threshold: int) -> tuple[str, list[str]]:
    """A fresh key pair: the public key (hex) and ``trustees`` mnemonic shares of the private key.

    The private key exists only inside this call; the shares are for the trustees' eyes only.
    """
    problem = threshold_problem(trustees, threshold)
    if problem:
        raise ValueError(problem)
    private = PrivateKey.generate()
    [shares] = shamir_mnemonic.generate_mnemonics(
        group_threshold=1, groups=[(threshold, trustees)], master_secret=bytes(private)
    )
    return bytes(private.public_key).hex(), list(shares)


def padded_length(options: Sequence[str], max_points: int | None = None) -> int:
    """The length every ballot of a poll is padded to: that of the longest possible ballot."""
    longest = [key for key in options for _ in range(max_points or 1)]
    return len(_encoded(longest))


def _encoded(ballot: Sequence[str]) -> bytes:
    return json.dumps(list(ballot), separators=(",", ":"), ensure_ascii=True).encode("ascii")


def seal(public_key: str, ballot: Sequence[str], *, length: int) -> bytes:
    """The ballot sealed for the holder of the private key (padded to ``length`` bytes first)."""
    plain = _encoded(ballot)
    if len(plain) > length:
        raise ValueError("ballot longer than the poll's padded length")
    return SealedBox(PublicKey(bytes.fromhex(public_key))).encrypt(plain.ljust(length))


def tracker_of(sealed: bytes) -> str:
    """The sealed ballot's tracker: SHA-256 of it, the first 125 bits in Crockford's base 32."""
    digest = hashlib.sha256(sealed).digest()
    bits = int.from_bytes(digest, "big") >> (256 - 5 * codes.TRACKER_LENGTH)
    text = "".join(
        codes.ALPHABET[(bits >> (5 * place)) & 31]
        for place in reversed(range(codes.TRACKER_LENGTH))
    )
    return codes.grouped(text, codes.TRACKER_GROUP)


def open_key(shares: Sequence[str], public_key: str) -> PrivateKey:
    """The poll's private key rebuilt from the trustees' shares, checked against its public key.

    ShareError ``shares_too_few`` (fewer than the threshold, or the same share twice),
    ``shares_invalid`` (a mistyped word, a share of another poll, shares that do not belong
    together) or ``shares_wrong_key`` (the shares rebuild a key, but not this poll's).
    """
    words = [" ".join(share.lower().split()) for share in shares if share.strip()]
    if not words:
        raise ShareError("shares_too_few")
    try:
        threshold = shamir_mnemonic.Share.from_mnemonic(words[0]).member_threshold
        if len(set(words)) < threshold:
            raise ShareError("shares_too_few", threshold=threshold)
        secret = shamir_mnemonic.combine_mnemonics(words)
    except shamir_mnemonic.MnemonicError:
        # The library's message quotes the shares' first words: never pass it on.
        raise ShareError("shares_invalid") from None
    if len(secret) != KEY_BYTES:
        raise ShareError("shares_invalid")
    private = PrivateKey(secret)
    if bytes(private.public_key).hex() != public_key:
        raise ShareError("shares_wrong_key")
    return private


def unseal(private: PrivateKey, sealed: bytes) -> list[str]:
    """The ballot in a sealed box (ValueError if it was not sealed with this poll's key)."""
    try:
        plain = SealedBox(private).decrypt(sealed)
    except CryptoError as error:
        raise ValueError("a sealed ballot does not open with the poll's key") from error
    return json.loads(plain.decode("ascii"))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def from_b64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)
