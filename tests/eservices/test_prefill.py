from rathaus.accounts.services import verified_attributes_set
from rathaus.eservices.services.drafts import draft_start


def test_a_new_application_starts_with_the_verified_name_and_address(citizen, service):
    verified_attributes_set(
        user=citizen,
        values={
            "given_name": "Clara",
            "family_name": "Citizen",
            "address": {
                "street_address": "Marktstraße 12",
                "postal_code": "67655",
                "locality": "Kaiserslautern",
            },
        },
        source="oidc:test",
        assurance_level="substantial",
    )

    draft = draft_start(user=citizen, service=service)

    assert draft.answers == {
        "given_name": "Clara",
        "family_name": "Citizen",
        "address": {"street": "Marktstraße 12", "postal_code": "67655", "city": "Kaiserslautern"},
    }


def test_attributes_below_the_required_level_are_not_used(citizen, service):
    verified_attributes_set(
        user=citizen, values={"given_name": "Clara"}, source="self", assurance_level="low"
    )

    assert draft_start(user=citizen, service=service).answers == {}
