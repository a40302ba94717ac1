"""The form editor and the preview open for every form the demo installs (no 500 on any rule)."""

import io

import pytest
from django.core.management import call_command

from rathaus.eservices.models import Service
from tests.factories import StaffFactory, sign_in

pytestmark = pytest.mark.django_db

BASE = "/backoffice/services/catalogue"


def test_editor_and_preview_of_every_installed_form_open(client):
    call_command(
        "load_demo",
        only=["accounts", "organization", "eservices", "dogtax", "childbenefit"],
        stdout=io.StringIO(),
    )
    admin = StaffFactory(email="builder@example.org", with_totp=True, unit__role="administrator")
    sign_in(client, admin)
    slugs = list(
        Service.objects.exclude(form_working_copy={"steps": [], "rules": []})
        .order_by("slug")
        .values_list("slug", flat=True)
    )
    assert "hundesteuer-anmeldung" in slugs and "kindergeld" in slugs

    for slug in slugs:
        editor = client.get(f"{BASE}/{slug}/form/")
        assert editor.status_code == 200, slug
        preview = client.get(f"{BASE}/{slug}/form/preview/")
        assert preview.status_code == 200, slug
