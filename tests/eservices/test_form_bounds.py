"""Bounds of engine forms: too many entries in a repeating group, too long a text.

Each is refused with a translated message at the field, and the draft keeps what it had.
"""

import copy

import pytest

from rathaus.eservices.formschema import parse_schema
from rathaus.eservices.models import Draft
from tests.eservices.children_form import CHILDREN_FORM
from tests.eservices.factories import ServiceFactory
from tests.eservices.test_apply_views import APPLICANT_STEP, step_url
from tests.factories import sign_in

pytestmark = pytest.mark.django_db

CHILD = {"first_name": "Mia", "born_on": "2015-04-01", "tax_id": "86095742719"}


def _without_stated_maximum() -> dict:
    schema = copy.deepcopy(CHILDREN_FORM)
    group = schema["steps"][1]["fields"][0]
    assert group["key"] == "children"
    group.pop("max_items")
    return schema


@pytest.fixture
def draft_url(client, citizen, family_office):
    ServiceFactory(unit=family_office, slug="kindergeld", schema=_without_stated_maximum())
    sign_in(client, citizen)
    url = client.post("/services/apply/kindergeld/")["Location"]
    client.post(step_url(url, "applicant"), APPLICANT_STEP)
    return url


def _children(count: int) -> dict:
    data = {"children-TOTAL_FORMS": str(count), "children-INITIAL_FORMS": "0", "_action": "next"}
    for index in range(count):
        for key, value in CHILD.items():
            data[f"children-{index}-{key}"] = value
    return data


def test_a_group_without_a_stated_maximum_has_the_default_of_20():
    assert parse_schema(_without_stated_maximum()).step("children").fields[0].max_items == 20


def test_more_entries_than_the_group_allows_are_refused_and_nothing_is_stored(client, draft_url):
    before = Draft.objects.get().answers

    response = client.post(step_url(draft_url, "children"), _children(21))

    assert response.status_code == 200
    assert "Bitte fügen Sie höchstens 20 Einträge hinzu." in response.content.decode()
    assert Draft.objects.get().answers == before
    assert "children" not in before


def test_the_maximum_number_of_entries_is_accepted(client, draft_url):
    response = client.post(step_url(draft_url, "children"), _children(20))

    assert response.status_code == 302
    assert len(Draft.objects.get().answers["children"]) == 20


def test_an_overlong_text_is_refused_at_its_field_and_nothing_is_stored(client, draft_url):
    before = Draft.objects.get().answers

    response = client.post(
        step_url(draft_url, "applicant"), {**APPLICANT_STEP, "given_name": "x" * 201}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "höchstens 200 Zeichen" in html
    assert 'id="id_given_name-error"' in html
    assert Draft.objects.get().answers == before


def test_an_overlong_text_in_a_group_entry_is_refused(client, draft_url):
    data = _children(1) | {"children-0-first_name": "x" * 201}

    response = client.post(step_url(draft_url, "children"), data)

    assert response.status_code == 200
    assert "höchstens 200 Zeichen" in response.content.decode()
    assert "children" not in Draft.objects.get().answers
