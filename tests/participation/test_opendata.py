"""The participation figures on the dashboards and its open datasets."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.utils import translation

from rathaus.geodata import demo as geodata_demo
from rathaus.participation.models import ProjectStatus
from rathaus.participation.opendata import (
    participation_by_district,
    projects_by_district,
    projects_by_status,
)
from tests.participation.factories import CommentFactory, ProjectFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def table(response) -> list[dict]:
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_participation_by_district_counts_visible_proposals_and_their_supports():
    geodata_demo.load()
    ProposalFactory(district="Hohenecken", support_count=4)
    ProposalFactory(district="Hohenecken", support_count=1)
    ProposalFactory(district="Erfenbach", support_count=2)
    ProposalFactory(district="Erfenbach", support_count=9, hidden=True)
    ProposalFactory(district="")

    rows = {
        name: (proposals, supports) for name, proposals, supports in participation_by_district()
    }

    assert len(rows) == 10
    assert rows["Hohenecken"] == (2, 5)
    assert rows["Erfenbach"] == (1, 2)
    assert rows["Mölschbach"] == (0, 0)


def test_charts_without_participation_have_no_figures_yet():
    assert participation_by_district() == []
    assert projects_by_status() == []
    assert projects_by_district() == []


def test_projects_by_status_and_district_in_the_language_of_the_reader(imported_districts):
    ProjectFactory(status=ProjectStatus.DONE, district="Morlautern")
    ProjectFactory(status=ProjectStatus.DONE, district="")
    ProjectFactory(status=ProjectStatus.PLANNED, district="Morlautern", is_published=False)

    with translation.override("de"):
        statuses = projects_by_status()
        districts = dict(projects_by_district())
    with translation.override("en"):
        assert projects_by_status()[-1] == ("Done", 2)

    assert statuses == [
        ("Geplant", 0),
        ("In Vorbereitung", 0),
        ("In Umsetzung", 0),
        ("Abgeschlossen", 2),
    ]
    assert districts["Morlautern"] == 1 and districts["Ganze Stadt"] == 1
    assert districts["Innenstadt"] == 0


def test_the_city_dashboard_draws_participation_by_district(client, imported_districts):
    ProposalFactory(district="Siegelbach", support_count=6)

    page = client.get("/data/dashboards/city/").content.decode()
    chart = page[page.index('id="participation-by-district"') :]
    chart = chart[: chart.index("</section>")]

    assert 'data-label="Siegelbach" data-series="Vorschläge" data-value="1"' in chart
    assert 'data-label="Siegelbach" data-series="Unterstützungen" data-value="6"' in chart
    assert "Stimmen in Abstimmungen sind geheim" in chart


def test_the_proposals_dataset_is_the_open_export_without_personal_data(client):
    proposal = ProposalFactory(
        title="Mehr Bänke",
        district="Innenstadt",
        latitude=Decimal("49.44"),
        longitude=Decimal("7.77"),
    )
    proposal.author.participant.pseudonym = "Bankfreund"
    proposal.author.participant.save()
    CommentFactory(proposal=proposal, text="Gute Idee")

    proposals = table(client.get("/opendata/datasets/proposals.csv"))
    comments = client.get("/opendata/datasets/comments.json").json()
    geojson = json.loads(client.get("/opendata/datasets/proposals.geojson").content)
    everything = json.dumps([proposals, comments, geojson], ensure_ascii=False)

    assert [row["title"] for row in proposals] == ["Mehr Bänke"]
    assert set(proposals[0]) == {
        "id", "process", "title", "text", "category", "district", "latitude", "longitude",
        "created", "supports", "comments", "answer_status", "author",
    }  # fmt: skip
    assert [comment["text"] for comment in comments] == ["Gute Idee"]
    assert geojson["features"][0]["properties"]["title"] == "Mehr Bänke"
    assert "Bankfreund" not in everything and proposal.author.email not in everything


def test_the_projects_dataset_has_status_period_and_district(client):
    project = ProjectFactory(slug="kita-morlautern", district="Morlautern", cost=Decimal("1650000"))
    project.timeline.create(date=datetime.date(2026, 3, 1), title_de="Planung")
    project.timeline.create(date=datetime.date(2027, 9, 1), title_de="Eröffnung")

    rows = table(client.get("/opendata/datasets/projects.csv"))

    assert rows == [
        {
            "id": "kita-morlautern",
            "title_de": project.title_de,
            "title_en": project.title_en,
            "status": "planned",
            "topic": "mobility",
            "district": "Morlautern",
            "responsible_unit": project.responsible_unit.slug,
            "cost_eur": "1650000.00",
            "start": "2026-03-01",
            "end": "2027-09-01",
            "latitude": "",
            "longitude": "",
            "process": "",
            "url": "http://127.0.0.1:8000/participation/projects/kita-morlautern/",
        }
    ]
    assert "/data/datasets/projects/" in client.get("/data/").content.decode()
