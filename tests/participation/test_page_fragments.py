"""The start page's panels and the Vorhabenliste are cached fragments (rathaus.core.fragments):
a change shows at once, each language and each audience has its own, and their queries do not
grow with the rows."""

import pytest
from django.test import Client

from rathaus.core.navigation import home_topics
from rathaus.participation.models import ProjectStatus
from rathaus.voting.models import Poll
from tests.factories import UserFactory, sign_in
from tests.geodata.map_markup import map_places
from tests.pages import page, queries
from tests.participation.factories import ProcessFactory, ProjectFactory
from tests.voting.factories import PollFactory

pytestmark = pytest.mark.django_db


def test_a_process_or_poll_started_after_the_start_page_was_cached_shows_at_once(client):
    ProcessFactory(running="proposals", title_de="Spielplätze")
    assert "Spielplätze" in page(client, "/")

    ProcessFactory(running="proposals", title_de="Radwege im Westen")
    PollFactory(title_de="Neue Brücke")

    shown = page(client, "/")
    assert "Radwege im Westen" in shown and "Neue Brücke" in shown


def test_a_changed_or_closed_poll_changes_the_start_page_at_once(client):
    poll = PollFactory(title_de="Neue Brücke")
    assert "Neue Brücke" in page(client, "/")

    Poll.objects.filter(pk=poll.pk).first().delete()

    assert "Neue Brücke" not in page(client, "/")


def test_the_start_page_is_cached_per_language(client):
    ProcessFactory(running="proposals", title_de="Spielplätze", title_en="Playgrounds")

    assert "Spielplätze" in page(client, "/")
    english = page(Client(), "/en/")
    assert "Playgrounds" in english and "Spielplätze" not in english
    assert "Spielplätze" in page(client, "/")


def test_what_a_moderator_or_a_citizen_sees_on_the_start_page_is_not_shared(client, moderator):
    ProcessFactory(running="proposals", title_de="Noch geheim", is_published=False)
    sign_in(client, moderator)
    assert "Noch geheim" in page(client, "/")
    citizen = UserFactory()
    sign_in(client, citizen)
    assert "Noch geheim" not in page(client, "/")
    assert 'id="home-mailbox"' in page(client, "/")

    client.logout()

    anonymous = page(client, "/")
    assert "Noch geheim" not in anonymous and 'id="home-mailbox"' not in anonymous


def test_signed_in_people_never_get_the_body_cached_for_anonymous_visitors(client, moderator):
    """The start page's body is one fragment for visitors who are not signed in (ADR 0441):
    cached first by such a visitor, it must not hide a moderator's unpublished process or a
    citizen's mailbox panel, nor show them to the next anonymous visitor."""
    ProcessFactory(running="proposals", title_de="Offen", title_en="Open")
    ProcessFactory(running="proposals", title_de="Noch geheim", is_published=False)
    assert "Noch geheim" not in page(Client(), "/")
    assert "Open" in page(Client(), "/en/")

    sign_in(client, moderator)
    assert "Noch geheim" in page(client, "/")
    citizen_client = Client()
    sign_in(citizen_client, UserFactory())
    shown = page(citizen_client, "/")
    assert 'id="home-mailbox"' in shown and "Noch geheim" not in shown

    anonymous = page(Client(), "/")
    assert "Offen" in anonymous
    assert "Noch geheim" not in anonymous and 'id="home-mailbox"' not in anonymous


def test_every_topic_a_start_page_panel_shows_keys_the_anonymous_body():
    assert {"participation", "voting"} <= set(home_topics())


def test_the_start_page_costs_the_same_queries_for_few_and_many_processes_and_polls():
    ProcessFactory(running="proposals")
    PollFactory()
    few = queries("/")

    for _ in range(4):
        ProcessFactory(running="proposals")
        PollFactory()

    assert queries("/") <= few
    assert queries("/", cold=False) <= 1


def test_a_new_or_changed_project_shows_on_the_vorhabenliste_at_once(client):
    project = ProjectFactory(title_de="Stiftsplatz", status=ProjectStatus.PLANNED)
    assert "Stiftsplatz" in page(client, "/participation/projects/")

    ProjectFactory(title_de="Radweg Hohenecken")
    project.title_de = "Stiftsplatz neu"
    project.save()

    shown = page(client, "/participation/projects/")
    assert "Radweg Hohenecken" in shown and "Stiftsplatz neu" in shown


def test_the_vorhabenliste_is_cached_per_language_and_audience(client, moderator):
    ProjectFactory(title_de="Stiftsplatz", title_en="Stifts Square")
    ProjectFactory(title_de="Entwurf", is_published=False)

    assert "Stiftsplatz" in page(client, "/participation/projects/")
    assert "Stifts Square" in page(Client(), "/en/participation/projects/")
    sign_in(client, moderator)
    assert "Entwurf" in page(client, "/participation/projects/")
    client.logout()
    assert "Entwurf" not in page(client, "/participation/projects/")


def test_a_map_from_a_cached_list_still_gets_its_image_hosts_into_the_policy(client):
    ProjectFactory(title_de="Stiftsplatz", latitude="49.4674", longitude="7.7606")
    first = client.get("/participation/projects/")

    again = client.get("/participation/projects/")

    places = map_places(again.content.decode(), "projects-map")
    assert places == [("Stiftsplatz", [7.7606, 49.4674])]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_vorhabenliste_costs_the_same_queries_for_few_and_many_projects():
    for _ in range(3):
        ProjectFactory(latitude="49.4437", longitude="7.77", process=ProcessFactory())
    few = queries("/participation/projects/")

    for _ in range(30):
        ProjectFactory(latitude="49.4437", longitude="7.77", process=ProcessFactory())

    assert queries("/participation/projects/") <= few
    assert queries("/participation/projects/", cold=False) <= 2
