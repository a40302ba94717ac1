"""Fragments cached by data version: a change of a topic shows at once, other topics keep theirs."""

import pytest
from django.core.cache import cache
from django.template import Context, Template

from rathaus.core.fragments import (
    CSRF_PLACEHOLDER,
    changed,
    changed_for,
    connect_topic,
    personal,
    version,
    with_csrf_token,
)
from rathaus.eservices.selectors.inbox import PEOPLE_TOPIC
from rathaus.organization.models import OrgUnit
from rathaus.release import fingerprint

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    '{% load cache fragments %}{% data_version "demo" as v %}'
    "{% cache 600 demo.fragment v %}{{ value }}{% endcache %}"
)


def render(value: str) -> str:
    return TEMPLATE.render(Context({"value": value}))


def test_a_fragment_is_kept_until_its_topic_changes():
    assert render("first") == "first"
    assert render("second") == "first"
    changed("demo")
    assert render("third") == "third"


def test_versions_are_per_topic_and_stable():
    one, other = version("a"), version("b")
    assert version("a") == one and version("a", "b") == f"{one}-{other}"
    changed("b")
    assert version("a") == one and version("b") != other


def test_the_version_is_renewed_again_when_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    before = version("demo")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        changed("demo")
    during = version("demo")
    assert during != before
    for callback in callbacks:
        callback()
    assert version("demo") not in (before, during)


def test_a_lost_cache_starts_new_versions():
    first = version("demo")
    cache.clear()
    assert version("demo") != first


def test_a_connected_model_changes_its_topic_on_save_and_delete():
    connect_topic("units", [OrgUnit])
    before = version("units")
    unit = OrgUnit.objects.create(
        name_de="Steueramt", name_en="Tax office", slug="steueramt-fragment", kind="department"
    )
    after_save = version("units")
    assert after_save != before
    unit.delete()
    assert version("units") != after_save


def test_a_save_of_unseen_fields_only_keeps_the_topic():
    connect_topic("unit-names", [OrgUnit], unseen=["slug"])
    unit = OrgUnit.objects.create(
        name_de="Steueramt", name_en="Tax office", slug="steueramt-unseen", kind="department"
    )
    before = version("unit-names")

    unit.slug = "steueramt-elsewhere"
    unit.save(update_fields=["slug"])
    assert version("unit-names") == before

    unit.name_de = "Finanzamt"
    unit.save(update_fields=["slug", "name_de"])
    assert version("unit-names") != before
    renamed = version("unit-names")
    unit.save()  # all fields
    assert version("unit-names") != renamed


def test_a_sign_in_keeps_the_people_of_the_case_page(client, django_user_model):
    user = django_user_model.objects.create_user(
        email="sign.in@example.org", password="Lange-Passphrase-2026"
    )
    before = version(PEOPLE_TOPIC)

    client.force_login(user)  # saves last_login alone, as every sign-in does
    assert version(PEOPLE_TOPIC) == before

    user.first_name = "Renamed"
    user.save()
    assert version(PEOPLE_TOPIC) != before


def test_fragments_are_kept_under_the_fingerprint_of_the_release(tmp_path, settings):
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>one</p>")
    first = fingerprint(tmp_path)
    assert fingerprint(tmp_path) == first
    page.write_text("<p>two</p>")
    assert fingerprint(tmp_path) != first
    prefix = settings.CACHES["template_fragments"]["KEY_PREFIX"]
    assert prefix == "fragments-" + fingerprint()


def test_a_personal_value_is_kept_per_person_until_their_data_changes():
    def kept(person: int, value: str):
        return personal(person, "demo.personal", ["x"], lambda: value)

    assert kept(1, "first") == "first"
    assert kept(1, "second") == "first"
    assert kept(2, "theirs") == "theirs"  # another person never gets the first one's value
    changed_for(2)
    assert kept(1, "third") == "first" and kept(2, "new") == "new"
    changed_for(1, None)
    assert kept(1, "third") == "third"


def test_nothing_is_kept_for_a_404_and_the_version_is_taken_before_producing():
    assert personal(1, "demo.missing", [], lambda: None) is None
    assert personal(1, "demo.missing", [], lambda: "now") == "now"

    def writes_while_producing() -> str:
        changed_for(3)  # e.g. marking messages read
        return "as before the write"

    assert personal(3, "demo.race", [], writes_while_producing) == "as before the write"
    assert personal(3, "demo.race", [], lambda: "afresh") == "afresh"


def test_a_personal_fragment_gets_the_requests_own_csrf_token(rf):
    request = rf.get("/")

    with_token = with_csrf_token(request, f'<input value="{CSRF_PLACEHOLDER}">')

    assert CSRF_PLACEHOLDER not in with_token and len(with_token) > 40
