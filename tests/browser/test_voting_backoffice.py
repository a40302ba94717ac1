"""A moderator sets up a poll in the back office and prints its voting codes (axe-clean)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rathaus.organization.models import Role
from rathaus.voting.models import Poll
from tests.browser.helpers import sign_in
from tests.factories import OrgUnitFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_moderator_creates_a_poll_and_prints_its_codes(page, assert_accessible):
    StaffFactory(
        email="mod.browser@example.org",
        with_totp=True,
        unit=OrgUnitFactory(slug="referat-digitalisierung"),
        unit__role=Role.MODERATOR,
    )
    sign_in(page, "mod.browser@example.org")
    opens = timezone.localtime() + timedelta(minutes=1)

    page.goto("/backoffice/votes/")
    assert_accessible(page)
    page.get_by_role("link", name="Neue Abstimmung").click()
    assert_accessible(page)
    page.get_by_label("Titel (Deutsch)").first.fill("Welche Spielgeräte?")
    page.get_by_label("Art des Stimmzettels").select_option("multiple")
    page.get_by_label("Inhaberinnen und Inhaber eines Abstimmungscodes (Brief)").check()
    page.get_by_label("Beginnt am").fill(opens.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Endet am").fill((opens + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"))
    for number, (key, title) in enumerate([("rutsche", "Rutsche"), ("schaukel", "Schaukel")]):
        option = page.get_by_role("group", name=f"Antwort {number + 1}")
        option.get_by_label("Schlüssel").fill(key)
        option.get_by_label("Titel (Deutsch)").fill(title)
    page.get_by_role("button", name="Speichern").click()

    expect(page.get_by_role("heading", name="Welche Spielgeräte?")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Anzahl der Codes").fill("4")
    page.get_by_role("button", name="Erzeugen und zum Drucken anzeigen").click()

    codes = page.locator(".rh-codes li").all_inner_texts()
    assert len(codes) == 4 and all(re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", c) for c in codes)
    expect(page.get_by_text("Diese Codes werden nur jetzt angezeigt.")).to_be_visible()
    assert_accessible(page)
    assert Poll.objects.get().options.count() == 2
