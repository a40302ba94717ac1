"""The back office's archive hand-over page and the case's archive state, checked with axe-core
in German and English, also at the narrowest phone width."""

import pytest
from django.utils import timezone

from rathaus.eservices.models import ArchiveTransfer, Case
from tests.browser.helpers import sign_in
from tests.eservices.factories import ServiceFactory, submitted_case
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_archive_hand_over_page_shows_rejections_accessibly(
    page, assert_accessible, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.XDOMEA_ARCHIVE_ENABLED = True
    office = OrgUnitFactory(slug="steueramt", name_de="Steueramt", name_en="Tax Office")
    case = submitted_case(ServiceFactory(unit=office), UserFactory())
    Case.objects.filter(pk=case.pk).update(status="closed", finished_at=timezone.now())
    transfer = ArchiveTransfer.objects.create(
        case=case,
        outbox="xdomea.folder",
        status="rejected",
        sent_at=timezone.now(),
        rejections=[{"id": "x", "object": "Bescheid", "errors": ["PDF/A-Prüfung fehlgeschlagen"]}],
    )
    clerk = StaffFactory(email="archive.clerk@example.org", with_totp=True, unit=office)
    sign_in(page, clerk.email, start="/accounts/login/?next=/backoffice/")

    page.goto("/backoffice/services/archive/")
    assert page.get_by_text("PDF/A-Prüfung fehlgeschlagen").count() == 1
    assert_accessible(page)
    page.goto(case.get_backoffice_url())
    assert page.get_by_text("vom Archiv abgelehnt").count() >= 1
    assert_accessible(page)
    page.goto("/en/backoffice/services/archive/")
    assert page.get_by_text("rejected by the archive").count() == 1
    assert_accessible(page)

    page.set_viewport_size({"width": 320, "height": 700})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.get_by_role("button", name="Hand over again").click()
    page.wait_for_url("**/backoffice/services/archive/")
    transfer.refresh_from_db()
    assert transfer.status == "pending"
