from rathaus.accounts.services import verified_attributes_set
from rathaus.eservices.services.drafts import draft_start
from tests.eservices.factories import ServiceFactory


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


def test_only_fields_that_declare_a_source_are_prefilled(citizen, tax_office):
    """The keeper's date of birth never fills the dog's: the dog form's `born_on` declares no
    pre-fill source, the keeper's name and address do."""
    from rathaus.eservices.demo_forms import DOG_REGISTRATION

    service = ServiceFactory(unit=tax_office, slug="hundesteuer-anmeldung", schema=DOG_REGISTRATION)
    verified_attributes_set(
        user=citizen,
        values={"given_name": "Clara", "family_name": "Citizen", "birth_date": "1980-02-03"},
        source="oidc:test",
        assurance_level="substantial",
    )

    answers = draft_start(user=citizen, service=service).answers

    assert answers == {"given_name": "Clara", "family_name": "Citizen"}
    assert "born_on" not in answers


def test_a_source_of_another_type_is_not_used(citizen, tax_office):

    schema = {
        "steps": [
            {
                "key": "you",
                "title": {"de": "Sie"},
                "fields": [
                    {"key": "note", "type": "text", "prefill": "person.birth_date"},
                    {"key": "born", "type": "date", "prefill": "person.birth_date"},
                ],
            }
        ]
    }
    service = ServiceFactory(unit=tax_office, slug="geburt", schema=schema)
    verified_attributes_set(
        user=citizen,
        values={"birth_date": "1980-02-03"},
        source="oidc:test",
        assurance_level="substantial",
    )

    assert draft_start(user=citizen, service=service).answers == {"born": "1980-02-03"}
