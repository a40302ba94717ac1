"""From OpenID Connect claims to verified attributes.

Which claim holds which attribute is configuration (`OIDC_CLAIMS`, e.g.
`birth_date=birthdate,address=address`); the standard OIDC claims are the default. The key
`district` names an optional claim with the district (Ortsbezirk) of the residence, stored in the
residence attribute when the address lies in the municipality. The level of
assurance comes from the `acr` claim where the provider sends one (eIDAS and STORK levels are
known; `OIDC_ACR_LEVELS` adds others), else from `OIDC_ASSURANCE_LEVEL`.
"""

from __future__ import annotations

from datetime import date

from rathaus.accounts.models import AssuranceLevel, AttributeName

DEFAULT_CLAIMS = {
    AttributeName.GIVEN_NAME: "given_name",
    AttributeName.FAMILY_NAME: "family_name",
    AttributeName.BIRTH_DATE: "birthdate",
    AttributeName.ADDRESS: "address",
}

# The OIDC_CLAIMS key of the claim holding the residence's district (no standard claim).
DISTRICT = "district"

KNOWN_ACR_LEVELS = {
    "http://eidas.europa.eu/LoA/low": AssuranceLevel.LOW,
    "http://eidas.europa.eu/LoA/substantial": AssuranceLevel.SUBSTANTIAL,
    "http://eidas.europa.eu/LoA/high": AssuranceLevel.HIGH,
    "STORK-QAA-Level-1": AssuranceLevel.LOW,
    "STORK-QAA-Level-2": AssuranceLevel.LOW,
    "STORK-QAA-Level-3": AssuranceLevel.SUBSTANTIAL,
    "STORK-QAA-Level-4": AssuranceLevel.HIGH,
}


def merged_claims(extra_data: dict) -> dict:
    """The ID token's claims overlaid with the userinfo response."""
    return {**(extra_data.get("id_token") or {}), **(extra_data.get("userinfo") or {})}


def assurance_level(claims: dict, *, configured: dict, default: str) -> str:
    acr = claims.get("acr")
    levels = {**KNOWN_ACR_LEVELS, **configured}
    return str(levels.get(acr, default)) if acr else default


def attributes_from_claims(
    claims: dict, *, mapping: dict, municipality_name: str, municipality_key: str
) -> dict[str, object]:
    """Attribute name → value for every configured claim present and well-formed."""
    claim_of = {**DEFAULT_CLAIMS, **mapping}
    district_claim = claim_of.pop(DISTRICT, None)
    found: dict[str, object] = {}
    for attribute, claim in claim_of.items():
        value = claims.get(claim)
        if value in (None, "", {}):
            continue
        if attribute == AttributeName.BIRTH_DATE:
            try:
                value = date.fromisoformat(str(value)).isoformat()
            except ValueError:
                continue
        found[str(attribute)] = value
    residence = residence_in(found.get(AttributeName.ADDRESS), municipality_name, municipality_key)
    district = claims.get(district_claim) if district_claim else None
    if residence and isinstance(district, str) and district.strip():
        residence[DISTRICT] = district.strip()
    if residence and AttributeName.RESIDENCE not in found:
        found[str(AttributeName.RESIDENCE)] = residence
    return found


def residence_in(address, municipality_name: str, municipality_key: str) -> dict | None:
    """Residence in the municipality when the verified address lies in it."""
    if not isinstance(address, dict):
        return None
    locality = str(address.get("locality", "")).strip().casefold()
    if locality != municipality_name.casefold():
        return None
    return {
        "municipality_key": municipality_key,
        "municipality": municipality_name,
        "postal_code": address.get("postal_code", ""),
    }
