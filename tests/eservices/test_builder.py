"""Staff build a service and its form without code, preview it and publish versions."""

import pytest

from rathaus.core.models import AuditEntry
from rathaus.eservices.models import FormVersion, Service
from rathaus.eservices.models.immutable import ImmutableError
from tests.eservices.factories import ServiceFactory
from tests.factories import StaffFactory, sign_in

BASE = "/backoffice/services/catalogue"


@pytest.fixture
def admin(db):
    return StaffFactory(email="admin@example.org", with_totp=True, unit__role="administrator")


@pytest.fixture
def built(client, tax_lead, tax_office):
    """A lead creates a service and a one-step form with a conditional field, through the pages."""
    sign_in(client, tax_lead)
    response = client.post(
        f"{BASE}/new/",
        {
            "name_de": "Hundemarke ersetzen",
            "name_en": "Replace a dog tag",
            "slug": "hundemarke",
            "leika": "99102013999000",
            "unit": tax_office.pk,
            "ozg_maturity": 4,
            "is_open": "on",
            "processing_days": 10,
            "draft_retention_days": 30,
            "case_retention_days": 365,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.post(
        f"{BASE}/hundemarke/form/new-step/", {"key": "tag", "title_de": "Marke", "title_en": "Tag"}
    )
    client.post(
        f"{BASE}/hundemarke/form/steps/tag/new-field/",
        {
            "key": "lost",
            "type": "choice",
            "label_de": "Was ist passiert?",
            "label_en": "What happened?",
            "required": "on",
            "options": "lost | Verloren | Lost\ndamaged | Beschädigt | Damaged",
        },
    )
    client.post(
        f"{BASE}/hundemarke/form/steps/tag/new-field/",
        {
            "key": "where",
            "type": "text",
            "label_de": "Wo verloren?",
            "label_en": "Where was it lost?",
            "condition_field": "lost",
            "condition_op": "equals",
            "condition_value": "lost",
        },
    )
    return Service.objects.get(slug="hundemarke")


def test_a_lead_builds_a_form_that_is_kept_as_data(built):
    step = built.form_working_copy["steps"][0]

    assert [field["key"] for field in step["fields"]] == ["lost", "where"]
    assert step["fields"][1]["show_if"] == {"field": "lost", "op": "equals", "value": "lost"}
    assert step["fields"][0]["options"][1] == {
        "value": "damaged",
        "label": {"de": "Beschädigt", "en": "Damaged"},
    }
    assert AuditEntry.objects.filter(action="eservices.form.edit").count() == 3


def test_the_preview_shows_the_form_as_citizens_will_see_it(client, built):
    html = client.get(f"{BASE}/hundemarke/form/preview/").content.decode()

    assert "Was ist passiert?" in html
    assert "data-show-if" in html


def test_publishing_makes_an_immutable_version_and_editing_goes_on_in_the_working_copy(
    client, built
):
    client.post(f"{BASE}/hundemarke/form/publish/")
    client.post(f"{BASE}/hundemarke/form/steps/tag/fields/where/remove/")
    client.post(f"{BASE}/hundemarke/form/publish/")

    versions = list(FormVersion.objects.filter(service=built).order_by("number"))
    assert [len(version.schema["steps"][0]["fields"]) for version in versions] == [2, 1]
    with pytest.raises(ImmutableError):
        versions[0].save()


def test_a_form_with_problems_cannot_be_published(client, built):
    client.post(
        f"{BASE}/hundemarke/form/steps/tag/new-field/",
        {
            "key": "kind",
            "type": "choice",
            "label_de": "Art",
            "label_en": "Kind",
            "options": "a | A | A",
        },
    )

    editor = client.get(f"{BASE}/hundemarke/form/").content.decode()
    client.post(f"{BASE}/hundemarke/form/publish/")

    assert "Eine Auswahl braucht mindestens zwei Optionen." in editor
    assert not FormVersion.objects.filter(service=built).exists()


def test_fields_move_and_a_cross_field_check_is_added(client, built):
    client.post(f"{BASE}/hundemarke/form/steps/tag/fields/where/up/")
    client.post(
        f"{BASE}/hundemarke/form/new-rule/",
        {
            "rule-left": "where",
            "rule-op": "not_equals",
            "rule-right_value": "nowhere",
            "rule-message_de": "Bitte genauer.",
            "rule-message_en": "Please be more precise.",
        },
    )

    built.refresh_from_db()
    assert [field["key"] for field in built.form_working_copy["steps"][0]["fields"]] == [
        "where",
        "lost",
    ]
    assert built.form_working_copy["rules"][0]["right"] == {"value": "nowhere"}


def test_reserved_addresses_and_bad_leika_keys_are_refused(client, tax_lead, tax_office):
    sign_in(client, tax_lead)

    response = client.post(
        f"{BASE}/new/",
        {
            "name_de": "X",
            "name_en": "X",
            "slug": "mailbox",
            "leika": "12345",
            "unit": tax_office.pk,
            "ozg_maturity": 1,
            "processing_days": 1,
            "draft_retention_days": 1,
            "case_retention_days": 1,
        },
    )

    html = response.content.decode()
    assert "Dieser Adressname ist reserviert." in html
    assert "Ein LeiKa-Schlüssel hat 14 Ziffern" in html


def test_a_clerk_may_not_build_and_a_lead_only_for_their_department(
    client, tax_clerk, tax_lead, family_office, built
):
    other = ServiceFactory(unit=family_office, slug="familie")
    assert client.get(f"{BASE}/{other.slug}/form/").status_code == 403
    assert client.get(f"{BASE}/hundemarke/form/").status_code == 200
    sign_in(client, tax_clerk)
    assert client.get(f"{BASE}/").status_code == 403


def test_an_administrator_manages_every_service(client, admin, built):
    sign_in(client, admin)

    assert client.get(f"{BASE}/hundemarke/").status_code == 200
