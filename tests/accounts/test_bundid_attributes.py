"""BundID's attributes and trust levels to verified attributes (pure mapping, no SAML)."""

import pytest

from rathaus.accounts.bundid import attributes as bundid
from rathaus.accounts.bundid.attributes import NoPseudonym, SamlAttribute, identity_from_assertion


def assertion(trust="HOCH", **extra):
    values = {
        bundid.BPK2: "bpk2-1",
        bundid.GIVEN_NAME: "Erika",
        bundid.SURNAME: "Mustermann",
        bundid.BIRTH_DATE: "1964-08-12",
        bundid.STREET: "Heinestraße 17",
        bundid.POSTAL_CODE: "67655",
        bundid.LOCALITY: "Kaiserslautern",
        bundid.MAIL: "Erika@Example.org",
        **extra,
    }
    return [
        SamlAttribute(name=name, values=(value,), trust_level=trust if name != bundid.BPK2 else "")
        for name, value in values.items()
    ]


def identity(attributes, class_ref="STORK-QAA-Level-4"):
    return identity_from_assertion(
        attributes,
        class_ref=class_ref,
        municipality_name="Kaiserslautern",
        municipality_key="07312000",
    )


def test_an_eid_sign_in_verifies_everything_at_high():
    found = identity(assertion())

    assert (found.uid, found.level, found.email) == ("bpk2-1", "high", "erika@example.org")
    assert set(found.values) == {"high"}
    assert found.values["high"]["residence"] == {
        "municipality_key": "07312000",
        "municipality": "Kaiserslautern",
        "postal_code": "67655",
    }
    assert found.values["high"]["birth_date"] == "1964-08-12"


@pytest.mark.parametrize(
    ("class_ref", "trust", "level"),
    [
        ("STORK-QAA-Level-1", "HOCH", "low"),  # read from the ID card once, shown with a password
        ("STORK-QAA-Level-4", "NORMAL", "low"),  # typed in by the citizen
        ("STORK-QAA-Level-4", "SUBSTANTIELL", "substantial"),
        ("STORK-QAA-Level-3", "HOCH", "substantial"),
        ("STORK-QAA-Level-2", "UNTERGEORDNET", "low"),
    ],
)
def test_an_attribute_counts_at_the_lower_of_its_own_and_the_sign_ins_level(
    class_ref, trust, level
):
    found = identity(assertion(trust=trust), class_ref=class_ref)

    assert set(found.values) == {level}


def test_the_level_attribute_stands_in_for_a_missing_authentication_context():
    found = identity(assertion(**{bundid.TRUST_LEVEL: "STORK-QAA-Level-3"}), class_ref="")

    assert found.level == "substantial"


def test_an_unknown_level_counts_as_low():
    assert identity(assertion(), class_ref="urn:something:else").level == "low"


def test_an_address_elsewhere_gives_no_residence_and_a_partial_birth_date_is_dropped():
    found = identity(assertion(**{bundid.LOCALITY: "Mainz", bundid.BIRTH_DATE: "1964-00-00"}))

    assert "residence" not in found.values["high"]
    assert "birth_date" not in found.values["high"]
    assert found.values["high"]["address"]["locality"] == "Mainz"


def test_no_bpk2_means_nobody():
    attributes = [a for a in assertion() if a.name != bundid.BPK2]

    with pytest.raises(NoPseudonym):
        identity(attributes)
