"""axe-core finds nothing on the participation pages, in German and in English, for visitors
and for signed-in citizens (whose pages carry the forms)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from rathaus.participation.models import OfficialAnswer
from tests.browser.helpers import sign_in
from tests.factories import UserFactory
from tests.participation.factories import (
    CategoryFactory,
    CommentFactory,
    ProjectFactory,
    ProposalFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    category = CategoryFactory(name_de="Verkehr", name_en="Transport")
    process = category.process
    proposal = ProposalFactory(
        process=process,
        category=category,
        title="Radweg zur Uni",
        text="Eine sichere Route.",
        latitude=Decimal("49.424"),
        longitude=Decimal("7.753"),
        location_text="Campus",
        district="Innenstadt",
    )
    top = CommentFactory(proposal=proposal)
    CommentFactory(proposal=proposal, parent=top, text="Antwort")
    CommentFactory(proposal=proposal, hidden_at=timezone.now(), hidden_reason="Beleidigend")
    ProposalFactory(process=process, hidden=True)
    OfficialAnswer.objects.create(proposal=proposal, status="under_review", text="Wir prüfen.")
    project = ProjectFactory(
        process=process, cost=Decimal("1200000"), latitude=Decimal("49.4"), longitude=Decimal("7.7")
    )
    project.timeline.create(
        date=datetime.date(2027, 3, 1), title_de="Baubeginn", title_en="Construction starts"
    )
    return process, proposal, project


def pages(process, proposal, project):
    return [
        "/participation/",
        process.get_absolute_url(),
        f"/participation/processes/{process.slug}/proposals/",
        f"/participation/processes/{process.slug}/proposals/?q=Radweg&sort=newest",
        proposal.get_absolute_url(),
        "/participation/projects/",
        project.get_absolute_url(),
    ]


def wait_for_maps(page) -> int:
    """Waits until every map of the page has drawn; returns how many there are."""
    maps = page.locator(".rh-map[data-map]")
    for index in range(maps.count()):
        maps.nth(index).and_(page.locator("[data-map-ready=true]")).wait_for()
    return maps.count()


@pytest.mark.parametrize("language", ["de", "en"])
def test_public_pages_pass_axe(page, assert_accessible, content, language):
    prefix = "" if language == "de" else "/en"

    for path in pages(*content):
        page.goto(prefix + path)
        assert page.locator("html").get_attribute("lang") == language
        wait_for_maps(page)
        assert_accessible(page)


def test_the_pages_with_a_place_show_it_on_a_map_with_a_named_marker(page, content):
    _, proposal, project = content

    for path, name in [
        (proposal.get_absolute_url(), "Radweg zur Uni"),
        (project.get_absolute_url(), project.title_de),
        (f"/participation/processes/{proposal.process.slug}/proposals/", "Radweg zur Uni"),
        ("/participation/projects/", project.title_de),
    ]:
        page.goto(path)
        assert wait_for_maps(page) == 1, path
        markers = page.locator(".rh-map .leaflet-marker-icon")
        assert [markers.nth(i).get_attribute("alt") for i in range(markers.count())] == [name]


@pytest.mark.parametrize("language", ["de", "en"])
def test_pages_with_forms_pass_axe(page, assert_accessible, content, language):
    process, proposal, _ = content
    UserFactory(email="reader@example.org", language=language)
    sign_in(page, "reader@example.org")
    prefix = "" if language == "de" else "/en"

    for path in [
        proposal.get_absolute_url(),
        f"/participation/processes/{process.slug}/proposals/new/",
        f"/participation/report/comment/{proposal.comments.first().pk}/",
        "/participation/me/",
        "/participation/me/settings/",
    ]:
        page.goto(prefix + path)
        wait_for_maps(page)
        assert_accessible(page)
