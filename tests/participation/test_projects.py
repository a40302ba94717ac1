"""The Vorhabenliste: list with filters, project page, documents, Atom feed, API."""

from decimal import Decimal
from xml.etree import ElementTree

import pytest

from rathaus.core.models import AuditEntry
from rathaus.participation.models import ProjectStatus, Topic
from rathaus.participation.services.projects import project_document_add
from tests.geodata.map_markup import map_places
from tests.participation.factories import ProcessFactory, ProjectFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def test_the_list_filters_by_district_status_and_topic(client, imported_districts):
    ProjectFactory(title_de="Radweg", district="Hohenecken", status=ProjectStatus.PLANNED)
    ProjectFactory(title_de="Kita", district="Morlautern", topic=Topic.EDUCATION)
    ProjectFactory(title_de="Glasfaser", district="Mölschbach", status=ProjectStatus.DONE)

    def shown(query):
        return client.get(f"/participation/projects/?{query}").content.decode()

    assert "Radweg" in shown("district=Hohenecken") and "Kita" not in shown("district=Hohenecken")
    assert "Glasfaser" in shown("status=done") and "Radweg" not in shown("status=done")
    assert "Kita" in shown("topic=education") and "Glasfaser" not in shown("topic=education")


def test_unpublished_projects_are_not_listed(client):
    ProjectFactory(title_de="Geheim", is_published=False)

    assert "Geheim" not in client.get("/participation/projects/").content.decode()
    assert client.get("/participation/projects/project-geheim/").status_code == 404


def test_the_project_page_shows_cost_district_timeline_and_how_to_take_part(client):
    process = ProcessFactory(running="proposals", title_de="Ideen für den Platz")
    project = ProjectFactory(
        cost=Decimal("2400000.00"),
        district="Innenstadt",
        process=process,
        latitude="49.4437",
        longitude="7.77",
    )
    project.timeline.create(date="2027-03-01", title_de="Baubeginn")

    page = client.get(project.get_absolute_url()).content.decode()

    assert "2.400.000 €" in page
    assert "Innenstadt" in page
    assert "Baubeginn" in page
    assert "Ideen für den Platz" in page
    assert "data-map-point" in page


def test_english_pages_show_english_texts_and_english_numbers(client):
    project = ProjectFactory(title_en="New cycle path", cost=Decimal("1350000"))

    page = client.get(f"/en{project.get_absolute_url()}").content.decode()

    assert "New cycle path" in page
    assert "1,350,000 €" in page


def test_documents_are_checked_by_content_and_served_through_the_view(client, moderator):
    project = ProjectFactory()

    document = project_document_add(
        actor=moderator, project=project, content=PDF, filename="Plan.exe", title_de="Lageplan"
    )
    response = client.get(document.get_absolute_url())

    assert document.filename == "Plan.pdf"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert AuditEntry.objects.filter(action="participation.project_document_add").exists()


def test_documents_of_other_types_are_refused(moderator):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        project_document_add(
            actor=moderator,
            project=ProjectFactory(),
            content=b"MZ\x90\x00 an executable",
            filename="plan.pdf",
            title_de="Plan",
        )


def test_the_atom_feed_lists_projects_with_their_status(client, imported_districts):
    radweg = ProjectFactory(
        title_de="Radweg", status=ProjectStatus.IN_PROGRESS, district="Hohenecken"
    )
    ProjectFactory(title_de="Kita", district="Morlautern")

    response = client.get("/participation/projects/feed/?district=Hohenecken")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Radweg (In Umsetzung)"]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(radweg.get_absolute_url())


def test_the_list_page_announces_the_feed(client):
    page = client.get("/participation/projects/").content.decode()

    assert 'type="application/atom+xml"' in page


def test_the_api_lists_projects_with_their_district_and_location(client):
    ProjectFactory(
        slug="radweg",
        district="Hohenecken",
        latitude="49.4186",
        longitude="7.704",
        cost=Decimal("1350000.00"),
    )
    ProjectFactory(slug="kita", district="Morlautern")

    body = client.get("/api/v1/projects?district=Hohenecken").json()

    assert [(p["slug"], p["district"]) for p in body] == [("radweg", "Hohenecken")]
    assert body[0]["latitude"] == "49.418600"
    assert body[0]["cost"] == "1350000.00"
    assert body[0]["url"].endswith("/participation/projects/radweg/")


def test_every_project_in_the_api_names_its_district(client):
    ProjectFactory(district="")
    ProjectFactory(district="Erlenbach")

    assert sorted(p["district"] for p in client.get("/api/v1/projects").json()) == ["", "Erlenbach"]


def test_the_list_and_the_project_page_show_the_places_on_a_map(client, imported_districts):
    ProjectFactory(title_de="Radweg", latitude=Decimal("49.418600"), longitude=Decimal("7.704"))
    placed = ProjectFactory(
        title_de="Kita", latitude=Decimal("49.4674"), longitude=Decimal("7.7606")
    )
    ProjectFactory(title_de="Ohne Ort", district="")

    listing = client.get("/participation/projects/?district=Innenstadt").content.decode()
    page = client.get(placed.get_absolute_url()).content.decode()

    assert sorted(name for name, _ in map_places(listing, "projects-map")) == ["Kita", "Radweg"]
    assert 'href="/maps/projects/?district=Innenstadt"' in listing
    assert map_places(page, "project-map") == [("Kita", [7.7606, 49.4674])]
