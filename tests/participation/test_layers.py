"""Proposals and the Vorhabenliste as map layers: OGC collections, map pages, map data."""

from decimal import Decimal

import pytest
from django.utils import timezone

from rathaus.organization.models import OrgUnit
from rathaus.participation.models import Proposal, Support
from rathaus.participation.services.projects import project_save
from rathaus.participation.services.proposals import proposal_support
from tests.factories import UserFactory
from tests.participation.factories import (
    CategoryFactory,
    ProcessFactory,
    ProjectFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db


def items(client, layer: str, **query) -> list[dict]:
    response = client.get(f"/ogc/collections/{layer}/items", {"limit": 1000, **query})
    assert response.status_code == 200
    return response.json()["features"]


def by_title(features: list[dict]) -> dict[str, dict]:
    return {feature["properties"]["title"]: feature for feature in features}


@pytest.fixture
def placed():
    category = CategoryFactory(name_de="Verkehr", name_en="Transport")
    return ProposalFactory(
        process=category.process,
        category=category,
        title="Radbügel am Bahnhof",
        text="Genug Platz für Räder.",
        district="Innenstadt",
        latitude=Decimal("49.436600"),
        longitude=Decimal("7.768100"),
        location_text="Bahnhofsvorplatz",
        support_count=3,
    )


def test_visible_proposals_with_a_place_are_served_without_personal_data(client, placed):
    ProposalFactory(title="Ohne Ort", process=placed.process)
    ProposalFactory(title="Versteckt", process=placed.process, latitude=49.4, longitude=7.7)
    Proposal.objects.filter(title="Versteckt").update(hidden_at=timezone.now())
    ProposalFactory(
        title="Unveröffentlicht",
        process=ProcessFactory(running="proposals", is_published=False),
        latitude=49.4,
        longitude=7.7,
    )

    features = by_title(items(client, "proposals"))

    assert list(features) == ["Radbügel am Bahnhof"]
    feature = features["Radbügel am Bahnhof"]
    assert feature["id"] == placed.pk
    assert feature["geometry"] == {"type": "Point", "coordinates": [7.7681, 49.4366]}
    assert feature["properties"] == {
        "title": "Radbügel am Bahnhof",
        "process": placed.process.slug,
        "process_title": placed.process.title_de,
        "process_title_en": placed.process.title_en,
        "category": "Verkehr",
        "category_en": "Transport",
        "district": "Innenstadt",
        "supporters": 3,
        "comments": 0,
        "created": placed.created_at.date().isoformat(),
        "url": f"http://127.0.0.1:8000/participation/proposals/{placed.pk}/",
    }
    assert placed.author.email not in str(feature)


def test_a_new_support_a_hidden_proposal_and_a_new_proposal_show_at_once(client, placed):
    assert (
        by_title(items(client, "proposals"))["Radbügel am Bahnhof"]["properties"]["supporters"] == 3
    )

    proposal_support(actor=UserFactory(), proposal=placed)
    assert (
        by_title(items(client, "proposals"))["Radbügel am Bahnhof"]["properties"]["supporters"] == 4
    )

    ProposalFactory(process=placed.process, title="Neu", latitude=49.44, longitude=7.76)
    assert set(by_title(items(client, "proposals"))) == {"Radbügel am Bahnhof", "Neu"}

    Proposal.objects.filter(pk=placed.pk).update(hidden_at=timezone.now())
    assert set(by_title(items(client, "proposals"))) == {"Neu"}
    assert Support.objects.count() == 1


def test_projects_are_served_with_status_cost_district_and_department(client, moderator):
    unit = OrgUnit.objects.create(slug="tiefbau", name_de="Referat Tiefbau", name_en="Civil")
    project = ProjectFactory(
        title_de="Radweg Hohenecken",
        title_en="Hohenecken cycle path",
        responsible_unit=unit,
        cost=Decimal("1350000.00"),
        district="Hohenecken",
        latitude=Decimal("49.418600"),
        longitude=Decimal("7.704000"),
    )
    ProjectFactory(title_de="Nicht öffentlich", is_published=False, latitude=49.4, longitude=7.7)
    ProjectFactory(title_de="Ohne Ort")

    features = by_title(items(client, "projects"))

    assert list(features) == ["Radweg Hohenecken"]
    assert features["Radweg Hohenecken"]["id"] == project.slug
    assert features["Radweg Hohenecken"]["properties"] == {
        "title": "Radweg Hohenecken",
        "title_en": "Hohenecken cycle path",
        "status": "planned",
        "topic": "mobility",
        "cost": "1350000.00",
        "district": "Hohenecken",
        "responsible_unit": "tiefbau",
        "responsible_department": "Referat Tiefbau",
        "responsible_department_en": "Civil",
        "process": None,
        "url": f"http://127.0.0.1:8000/participation/projects/{project.slug}/",
    }

    project_save(actor=moderator, project=project, status="in_progress")
    assert items(client, "projects")[0]["properties"]["status"] == "in_progress"


def test_the_map_page_of_the_projects_lists_them_in_the_language_of_the_page(client):
    ProjectFactory(
        title_de="Radweg Hohenecken",
        title_en="Hohenecken cycle path",
        status="in_progress",
        cost=Decimal("1350000"),
        latitude=Decimal("49.418600"),
        longitude=Decimal("7.704000"),
    )

    german = client.get("/maps/projects/").content.decode()
    english = client.get("/en/maps/projects/").content.decode()

    assert "Radweg Hohenecken" in german and "In Umsetzung" in german
    assert "1.350.000 €" in german
    assert "Hohenecken cycle path" in english and "In progress" in english
    assert "1,350,000 €" in english


def test_the_map_data_of_a_layer_can_be_narrowed_to_one_process(client, placed):
    other = ProposalFactory(title="Anderswo", latitude=49.44, longitude=7.76)

    narrowed = client.get(f"/maps/proposals/data.geojson?process={placed.process.slug}").json()
    everything = client.get("/maps/proposals/data.geojson").json()
    page = client.get(f"/maps/proposals/?process={other.process.slug}").content.decode()

    assert [f["properties"]["label"] for f in narrowed["features"]] == ["Radbügel am Bahnhof"]
    assert len(everything["features"]) == 2
    assert "Anderswo" in page and "Radbügel am Bahnhof" not in page
    assert f"/maps/proposals/data.geojson?process={other.process.slug}" in page


@pytest.mark.django_db(transaction=True)
def test_owslib_reads_the_proposals_and_projects(live_server):
    from owslib.ogcapi.features import Features

    ProposalFactory(title="Radbügel", latitude=Decimal("49.4366"), longitude=Decimal("7.7681"))
    ProjectFactory(
        title_de="Kita Morlautern", latitude=Decimal("49.4674"), longitude=Decimal("7.7606")
    )
    api = Features(f"{live_server.url}/ogc/")

    proposals = api.collection_items("proposals", limit=100)
    projects = api.collection_items("projects", limit=100, bbox=[7.75, 49.46, 7.77, 49.47])

    assert {"proposals", "projects"} <= set(api.feature_collections())
    assert [f["properties"]["title"] for f in proposals["features"]] == ["Radbügel"]
    assert [f["properties"]["title"] for f in projects["features"]] == ["Kita Morlautern"]
    assert api.collection("projects")["title"] == "Vorhabenliste"
