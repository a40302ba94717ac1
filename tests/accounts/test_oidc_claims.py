from rathaus.accounts.oidc import assurance_level, attributes_from_claims, merged_claims

CLAIMS = {
    "sub": "abc",
    "given_name": "Erika",
    "family_name": "Mustermann",
    "birthdate": "1964-08-12",
    "address": {
        "street_address": "Heinestraße 17",
        "postal_code": "67655",
        "locality": "Kaiserslautern",
        "country": "DE",
    },
}


def attributes(claims, mapping=None):
    return attributes_from_claims(
        claims,
        mapping=mapping or {},
        municipality_name="Kaiserslautern",
        municipality_key="07312000",
    )


def test_standard_claims_become_verified_attributes_with_residence():
    found = attributes(CLAIMS)

    assert found["birth_date"] == "1964-08-12"
    assert found["given_name"] == "Erika"
    assert found["residence"] == {
        "municipality_key": "07312000",
        "municipality": "Kaiserslautern",
        "postal_code": "67655",
    }


def test_an_address_elsewhere_gives_no_residence():
    claims = {**CLAIMS, "address": {**CLAIMS["address"], "locality": "Mainz"}}

    assert "residence" not in attributes(claims)


def test_claim_names_come_from_the_mapping():
    found = attributes({"sub": "x", "geburtsdatum": "2001-02-03"}, {"birth_date": "geburtsdatum"})

    assert found == {"birth_date": "2001-02-03"}


def test_a_configured_district_claim_goes_into_the_residence():
    found = attributes({**CLAIMS, "ortsbezirk": " Einsiedlerhof "}, {"district": "ortsbezirk"})

    assert found["residence"]["district"] == "Einsiedlerhof"
    assert "district" not in found and "ortsbezirk" not in found


def test_without_the_mapping_or_the_claim_the_residence_has_no_district():
    assert "district" not in attributes({**CLAIMS, "district": "Innenstadt"})["residence"]
    assert "district" not in attributes(CLAIMS, {"district": "ortsbezirk"})["residence"]


def test_a_district_claim_without_residence_in_the_city_is_ignored():
    claims = {**CLAIMS, "address": {**CLAIMS["address"], "locality": "Mainz"}, "bezirk": "Mitte"}

    assert attributes(claims, {"district": "bezirk"}) == {
        "given_name": "Erika",
        "family_name": "Mustermann",
        "birth_date": "1964-08-12",
        "address": claims["address"],
    }


def test_malformed_birth_dates_are_not_trusted():
    assert "birth_date" not in attributes({**CLAIMS, "birthdate": "12.08.1964"})


def test_assurance_level_follows_acr_or_the_configured_default():
    assert (
        assurance_level({"acr": "http://eidas.europa.eu/LoA/high"}, configured={}, default="low")
        == "high"
    )
    assert (
        assurance_level({"acr": "STORK-QAA-Level-3"}, configured={}, default="low") == "substantial"
    )
    assert (
        assurance_level(
            {"acr": "urn:city:loa2"}, configured={"urn:city:loa2": "high"}, default="low"
        )
        == "high"
    )
    assert assurance_level({}, configured={}, default="substantial") == "substantial"


def test_userinfo_overlays_id_token_claims():
    merged = merged_claims(
        {"id_token": {"acr": "x", "email": "old@x"}, "userinfo": {"email": "new@x"}}
    )

    assert merged == {"acr": "x", "email": "new@x"}
