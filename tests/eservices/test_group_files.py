"""File fields inside repeating groups: shown by a condition of the entry, stored per entry,
kept when the step is saved again, and handed to the case at submission."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rathaus.accounts.services import verified_attributes_set
from rathaus.eservices.formschema import parse_schema
from rathaus.eservices.models import Case, Draft
from rathaus.eservices.services.drafts import draft_start
from tests.eservices.factories import PDF, ServiceFactory
from tests.factories import sign_in

pytestmark = pytest.mark.django_db

SCHEMA = {
    "steps": [
        {
            "key": "children",
            "title": {"de": "Kinder", "en": "Children"},
            "fields": [
                {
                    "key": "children",
                    "type": "repeat",
                    "required": True,
                    "label": {"de": "Kinder", "en": "Children"},
                    "fields": [
                        {"key": "name", "type": "text", "required": True, "label": {"de": "Name"}},
                        {"key": "adult", "type": "checkbox", "label": {"de": "Volljährig"}},
                        {
                            "key": "evidence",
                            "type": "file",
                            "required": True,
                            "accept": ["pdf"],
                            "show_if": {"field": "adult", "op": "checked"},
                            "label": {"de": "Nachweis", "en": "Evidence"},
                        },
                    ],
                }
            ],
        }
    ]
}


@pytest.fixture
def draft_url(client, citizen, family_office):
    ServiceFactory(unit=family_office, slug="kinder", schema=SCHEMA)
    sign_in(client, citizen)
    return client.post("/services/apply/kinder/")["Location"]


def entries(*items, files=None):
    data = {"children-TOTAL_FORMS": str(len(items)), "children-INITIAL_FORMS": "0"}
    for index, item in enumerate(items):
        for key, value in item.items():
            data[f"children-{index}-{key}"] = value
    return {**data, **(files or {}), "_action": "next"}


def test_a_schema_may_put_a_file_field_into_a_repeating_group():
    schema = parse_schema(SCHEMA)

    assert schema.has_files
    assert schema.step("children").fields[0].fields[2].type == "file"


def test_the_file_of_an_entry_is_required_only_when_its_condition_holds(client, draft_url):
    response = client.post(
        f"{draft_url}step/children/",
        entries({"name": "Mia"}, {"name": "Leo", "adult": "on"}),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html
    assert html.count("kern-error") == 1
    assert "children-1-evidence" in html


def test_an_entry_file_is_stored_kept_and_submitted_with_the_case(client, draft_url, citizen):
    upload = SimpleUploadedFile("school.pdf", PDF, content_type="application/pdf")
    client.post(
        f"{draft_url}step/children/",
        entries(
            {"name": "Mia"}, {"name": "Leo", "adult": "on"}, files={"children-1-evidence": upload}
        ),
    )
    draft = Draft.objects.get()
    stored = draft.answers["children"][1]["evidence"]
    assert stored["name"] == "school.pdf"

    client.post(
        f"{draft_url}step/children/",
        entries({"name": "Mia"}, {"name": "Leo", "adult": "on"}),
    )
    draft.refresh_from_db()
    assert draft.answers["children"][1]["evidence"] == stored

    client.post(f"{draft_url}review/")
    case = Case.objects.get()
    assert [file.original_name for file in case.uploads.all()] == ["school.pdf"]
    assert case.uploads.get().field_key == "children[1].evidence"


def test_a_new_file_for_an_entry_replaces_the_earlier_one(client, draft_url):
    for name in ("first.pdf", "second.pdf"):
        client.post(
            f"{draft_url}step/children/",
            entries(
                {"name": "Leo", "adult": "on"},
                files={"children-0-evidence": SimpleUploadedFile(name, PDF)},
            ),
        )

    draft = Draft.objects.get()
    assert draft.answers["children"][0]["evidence"]["name"] == "second.pdf"
    assert draft.uploads.count() == 1


def test_a_verified_birth_date_is_filled_into_a_date_field_that_declares_it(citizen, family_office):
    service = ServiceFactory(
        unit=family_office,
        slug="geburt",
        schema={
            "steps": [
                {
                    "key": "you",
                    "title": {"de": "Sie"},
                    "fields": [
                        {
                            "key": "born_on",
                            "type": "date",
                            "label": {"de": "Geboren"},
                            "prefill": "person.birth_date",
                        }
                    ],
                }
            ]
        },
    )
    verified_attributes_set(
        user=citizen,
        values={"birth_date": "1990-04-02"},
        source="oidc:test",
        assurance_level="substantial",
    )

    assert draft_start(user=citizen, service=service).answers == {"born_on": "1990-04-02"}
