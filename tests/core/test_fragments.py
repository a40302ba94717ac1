"""Fragments cached by data version: a change of a topic shows at once, other topics keep theirs."""

import pytest
from django.core.cache import cache
from django.template import Context, Template

from rathaus.core.fragments import changed, connect_topic, version
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
