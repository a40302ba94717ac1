"""From the attributes of a BundID assertion to verified attributes and their level of assurance.

Pure: no database, no SAML library. The SAML layer (`sp.py`) hands over the attributes of the
decrypted, verified assertion as `SamlAttribute`s and the authentication context class; this
module says who the person is (the bPK2, BundID's stable pseudonym for this service), which
attributes are verified and at which level (ADR 0261).

BundID names attributes by OID (`urn:oid:…`, name format `uri`) and states the trust level twice:
for the sign-in as the authentication context class (`STORK-QAA-Level-1` … `-4`, also sent as the
attribute EID-CITIZEN-QAA-LEVEL), and for each attribute as the XML attribute `akdb:TrustLevel`
(UNTERGEORDNET, NORMAL, SUBSTANTIELL, HOCH): how that value was verified. An attribute counts
at the lower of the two levels: a value read from the ID card once is only as trustworthy now as
the sign-in that presents it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from rathaus.accounts.models import ASSURANCE_ORDER, AssuranceLevel, AttributeName
from rathaus.accounts.oidc import residence_in

BPK2 = "urn:oid:1.3.6.1.4.1.25484.494450.3"
GIVEN_NAME = "urn:oid:2.5.4.42"
SURNAME = "urn:oid:2.5.4.4"
BIRTH_DATE = "urn:oid:1.2.40.0.10.2.1.1.55"
STREET = "urn:oid:2.5.4.16"  # postalAddress: street and house number
POSTAL_CODE = "urn:oid:2.5.4.17"
LOCALITY = "urn:oid:2.5.4.7"
COUNTRY = "urn:oid:1.2.40.0.10.2.1.1.225599"
MAIL = "urn:oid:0.9.2342.19200300.100.1.3"
TRUST_LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.94"  # EID-CITIZEN-QAA-LEVEL

REQUESTED = {
    # OID: required by this platform
    BPK2: True,
    GIVEN_NAME: False,
    SURNAME: False,
    BIRTH_DATE: False,
    STREET: False,
    POSTAL_CODE: False,
    LOCALITY: False,
    COUNTRY: False,
    MAIL: False,
    TRUST_LEVEL: False,
}
"""The attributes the platform asks BundID for (the AuthnRequest's akdb extension)."""

AKDB_NAMESPACE = "https://www.akdb.de/request/2018/09"
AKDB_TRUST_LEVEL = f"{{{AKDB_NAMESPACE}}}TrustLevel"

STORK_LEVELS = {
    "STORK-QAA-Level-1": AssuranceLevel.LOW,
    "STORK-QAA-Level-2": AssuranceLevel.LOW,
    "STORK-QAA-Level-3": AssuranceLevel.SUBSTANTIAL,
    "STORK-QAA-Level-4": AssuranceLevel.HIGH,
}
AKDB_LEVELS = {
    "UNTERGEORDNET": AssuranceLevel.LOW,
    "NORMAL": AssuranceLevel.LOW,
    "SUBSTANTIELL": AssuranceLevel.SUBSTANTIAL,
    "HOCH": AssuranceLevel.HIGH,
}
REQUEST_CLASS = {
    AssuranceLevel.LOW: "STORK-QAA-Level-1",
    AssuranceLevel.SUBSTANTIAL: "STORK-QAA-Level-3",
    AssuranceLevel.HIGH: "STORK-QAA-Level-4",
}
"""The authentication context class the AuthnRequest asks for (comparison "minimum")."""


class NoPseudonym(ValueError):
    """The assertion names nobody: no bPK2."""


@dataclass(frozen=True)
class SamlAttribute:
    name: str
    values: tuple[str, ...]
    trust_level: str = ""
    """The attribute's `akdb:TrustLevel`, if sent."""


@dataclass
class BundIdIdentity:
    uid: str
    level: str
    """The sign-in's level of assurance."""
    trust_class: str
    values: dict[str, dict[str, object]] = field(default_factory=dict)
    """Level of assurance → attribute name → value."""
    email: str = ""
    given_name: str = ""
    family_name: str = ""


def level_of_class(class_ref: str) -> str | None:
    level = STORK_LEVELS.get(class_ref.strip())
    return str(level) if level else None


def lower(*levels: str) -> str:
    return min(levels, key=ASSURANCE_ORDER.index)


def _first(attribute: SamlAttribute | None) -> str:
    if attribute is None:
        return ""
    return next((value.strip() for value in attribute.values if value.strip()), "")


def _birth_date(text: str) -> str | None:
    """ISO date of birth; the ID card may hold only a year or month (then no date is known)."""
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def identity_from_assertion(
    attributes: Iterable[SamlAttribute],
    *,
    class_ref: str,
    municipality_name: str,
    municipality_key: str,
) -> BundIdIdentity:
    """Who signed in and what BundID verified about them; raises NoPseudonym without a bPK2."""
    by_name: Mapping[str, SamlAttribute] = {attribute.name: attribute for attribute in attributes}
    uid = _first(by_name.get(BPK2))
    if not uid:
        raise NoPseudonym
    trust_class = class_ref.strip() or _first(by_name.get(TRUST_LEVEL))
    level = level_of_class(trust_class) or str(AssuranceLevel.LOW)

    def level_of(*oids: str) -> str:
        levels = [level]
        for oid in oids:
            stated = AKDB_LEVELS.get(by_name[oid].trust_level) if oid in by_name else None
            if stated:
                levels.append(str(stated))
        return lower(*levels)

    identity = BundIdIdentity(uid=uid, level=level, trust_class=trust_class)

    def put(name: str, value: object, attribute_level: str) -> None:
        identity.values.setdefault(attribute_level, {})[name] = value

    identity.given_name = _first(by_name.get(GIVEN_NAME))
    identity.family_name = _first(by_name.get(SURNAME))
    identity.email = _first(by_name.get(MAIL)).lower()
    if identity.given_name:
        put(AttributeName.GIVEN_NAME, identity.given_name, level_of(GIVEN_NAME))
    if identity.family_name:
        put(AttributeName.FAMILY_NAME, identity.family_name, level_of(SURNAME))
    born = _birth_date(_first(by_name.get(BIRTH_DATE)))
    if born:
        put(AttributeName.BIRTH_DATE, born, level_of(BIRTH_DATE))
    address = {
        key: _first(by_name.get(oid))
        for key, oid in (
            ("street_address", STREET),
            ("postal_code", POSTAL_CODE),
            ("locality", LOCALITY),
            ("country", COUNTRY),
        )
    }
    address = {key: value for key, value in address.items() if value}
    if address.get("locality"):
        address_level = level_of(STREET, POSTAL_CODE, LOCALITY)
        put(AttributeName.ADDRESS, address, address_level)
        residence = residence_in(address, municipality_name, municipality_key)
        if residence:
            put(AttributeName.RESIDENCE, residence, address_level)
    return identity


def identity_to_data(identity: BundIdIdentity) -> dict:
    """What the social account keeps (JSON) until the person's account is saved."""
    return {
        "level": identity.level,
        "trust_class": identity.trust_class,
        "verified": identity.values,
    }
