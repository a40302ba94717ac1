"""Keeping the Vorhabenliste through the services: the district follows the project's point."""

from decimal import Decimal

import pytest

from rathaus.participation.models import Project, ProjectStatus, Topic
from rathaus.participation.services.projects import project_save
from tests.factories import OrgUnitFactory
from tests.participation.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def new_project(moderator, **place):
    return project_save(
        actor=moderator,
        slug="spielplatz-am-weiher",
        title_de="Spielplatz am Weiher",
        description_de="Ein neuer Spielplatz.",
        responsible_unit=OrgUnitFactory(slug="gruenflaechen"),
        status=ProjectStatus.PLANNED,
        topic=Topic.SPORTS,
        **place,
    )


@pytest.mark.usefixtures("imported_districts")
def test_a_new_project_with_a_point_gets_the_district_of_the_point(moderator):
    project = new_project(
        moderator, district="", latitude=Decimal("49.480600"), longitude=Decimal("7.715100")
    )

    assert Project.objects.get(pk=project.pk).district == "Erfenbach"


@pytest.mark.usefixtures("imported_districts")
def test_moving_a_project_changes_its_district(moderator):
    project = ProjectFactory(
        district="Innenstadt", latitude=Decimal("49.443600"), longitude=Decimal("7.769400")
    )

    project_save(
        actor=moderator,
        project=project,
        latitude=Decimal("49.467400"),
        longitude=Decimal("7.760600"),
    )

    assert Project.objects.get(pk=project.pk).district == "Morlautern"


@pytest.mark.usefixtures("imported_districts")
def test_a_project_without_a_point_or_outside_the_city_keeps_its_district(moderator):
    without = new_project(moderator, district="Siegelbach")
    outside = ProjectFactory(district="Dansenberg")

    project_save(
        actor=moderator,
        project=outside,
        latitude=Decimal("49.487500"),
        longitude=Decimal("8.466000"),
    )

    assert Project.objects.get(pk=without.pk).district == "Siegelbach"
    assert Project.objects.get(pk=outside.pk).district == "Dansenberg"
