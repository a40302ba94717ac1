"""The demo data: plausible, idempotent, clearly marked as demo."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from rathaus.participation.districts import district_names
from rathaus.participation.models import Comment, Process, Project, Proposal, Support

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def test_a_running_process_has_at_least_20_proposals_with_discussion(demo):
    running = [p for p in Process.objects.all() if p.phase_at(timezone.now()) is not None]
    taking = [p for p in running if p.phase_at(timezone.now()).kind == "proposals"]

    assert taking
    proposals = Proposal.objects.filter(process=taking[0])
    assert proposals.count() >= 20
    assert Comment.objects.filter(proposal__in=proposals, parent__isnull=False).exists()
    assert Support.objects.filter(proposal__in=proposals).count() >= 20


def test_another_process_is_in_another_phase(demo):
    kinds = {
        process.phase_at(timezone.now()).kind
        for process in Process.objects.all()
        if process.phase_at(timezone.now())
    }

    assert len(kinds) >= 2


def test_at_least_ten_projects_across_districts_all_marked_demo(demo):
    projects = Project.objects.all()

    assert projects.count() >= 10
    assert {p.district for p in projects} >= set(district_names())
    assert all(p.is_demo for p in projects)
    assert all(p.is_demo for p in Process.objects.all())


def test_counters_match_the_rows(demo):
    for proposal in Proposal.objects.all():
        assert proposal.support_count == proposal.supports.count()
        assert proposal.comment_count == proposal.comments.count()


def test_loading_twice_changes_nothing(demo):
    before = (Proposal.objects.count(), Comment.objects.count(), Support.objects.count())

    call_command("load_demo", stdout=io.StringIO())

    assert (Proposal.objects.count(), Comment.objects.count(), Support.objects.count()) == before


def test_the_demo_puts_proposals_and_projects_on_the_maps(client, demo):
    located = Proposal.objects.filter(latitude__isnull=False, hidden_at__isnull=True)

    proposals = client.get("/ogc/collections/proposals/items", {"limit": 1000}).json()
    projects = client.get("/ogc/collections/projects/items", {"limit": 1000}).json()

    assert len(proposals["features"]) == located.count() >= 15
    assert len(projects["features"]) == Project.objects.filter(latitude__isnull=False).count()
    assert {f["properties"]["district"] for f in projects["features"]} == set(district_names())


def test_every_demo_point_lies_in_the_district_it_claims(imported_districts, demo):
    from rathaus.geodata.selectors import district_at

    placed = [
        *Proposal.objects.filter(latitude__isnull=False),
        *Project.objects.filter(latitude__isnull=False),
    ]

    assert len(placed) >= 25
    for item in placed:
        found = district_at(float(item.longitude), float(item.latitude))
        assert found is not None and found.name == item.district, item
