"""The back office: moderators' queue, hiding, answering and blocking; managing processes
with their phases and the Vorhabenliste."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from rathaus.participation.models import Process, Project
from rathaus.participation.services.moderation import report_create
from tests.factories import OrgUnitFactory, sign_in
from tests.participation.factories import CommentFactory, ProjectFactory, ProposalFactory
from tests.participation.test_projects import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, moderator):
    sign_in(client, moderator)
    return client


def test_the_queue_lists_reported_contributions_with_their_reasons(staff_client, citizen):
    comment = CommentFactory(text="Kauft bei uns!")
    report_create(actor=citizen, target=comment, reason="spam", explanation="Werbung")

    page = staff_client.get("/backoffice/participation/").content.decode()

    assert "Kauft bei uns!" in page
    assert "Spam" in page
    assert "Werbung" in page
    assert f"/backoffice/participation/hide/comment/{comment.pk}/" in page


def test_citizens_do_not_reach_the_queue(client, citizen):
    client.force_login(citizen)

    assert client.get("/backoffice/participation/").status_code == 403


def test_a_moderator_hides_a_comment_with_a_reason(staff_client):
    comment = CommentFactory(text="Unsinn")

    response = staff_client.post(
        f"/backoffice/participation/hide/comment/{comment.pk}/", {"reason": "Beleidigend"}
    )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.hidden_reason == "Beleidigend"


def test_hiding_without_reason_shows_an_error(staff_client):
    comment = CommentFactory()

    response = staff_client.post(f"/backoffice/participation/hide/comment/{comment.pk}/", {})

    assert response.status_code == 422
    comment.refresh_from_db()
    assert not comment.is_hidden


def test_the_answer_form_publishes_the_answer(staff_client):
    proposal = ProposalFactory()

    staff_client.post(
        f"/backoffice/participation/answer/{proposal.pk}/",
        {"status": "not_feasible", "text": "Kein Platz."},
    )

    proposal.refresh_from_db()
    assert proposal.official_answer.status == "not_feasible"
    assert "Kein Platz." in staff_client.get(proposal.get_absolute_url()).content.decode()


def test_blocking_from_the_back_office(staff_client):
    proposal = ProposalFactory()

    staff_client.post(
        f"/backoffice/participation/participants/{proposal.author.participant.pk}/block/",
        {"reason": "Spam"},
    )

    proposal.author.participant.refresh_from_db()
    assert proposal.author.participant.is_blocked


def test_creating_a_process_with_its_phases(staff_client):
    unit = OrgUnitFactory(slug="stadtentwicklung")
    now = timezone.localtime().replace(second=0, microsecond=0)

    response = staff_client.post(
        "/backoffice/participation/manage/processes/new/",
        {
            "slug": "neuer-prozess",
            "title_de": "Neuer Prozess",
            "responsible_unit": unit.pk,
            "is_published": "on",
            "information_starts_at": (now - timezone.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
            "information_ends_at": (now - timezone.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "proposals_starts_at": (now - timezone.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "proposals_ends_at": (now + timezone.timedelta(days=20)).strftime("%Y-%m-%dT%H:%M"),
        },
    )

    process = Process.objects.get(slug="neuer-prozess")
    assert response.status_code == 302
    assert [phase.kind for phase in process.schedule()] == ["information", "proposals"]
    assert process.current_phase.kind == "proposals"


def test_overlapping_phases_are_refused(staff_client):
    now = timezone.localtime().replace(second=0, microsecond=0)
    stamp = lambda days: (now + timezone.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")  # noqa: E731

    response = staff_client.post(
        "/backoffice/participation/manage/processes/new/",
        {
            "slug": "kaputt",
            "title_de": "Kaputt",
            "information_starts_at": stamp(0),
            "information_ends_at": stamp(5),
            "proposals_starts_at": stamp(3),
            "proposals_ends_at": stamp(9),
        },
    )

    assert response.status_code == 422
    assert not Process.objects.filter(slug="kaputt").exists()


def test_managing_a_project_with_timeline_and_document(staff_client, imported_districts):
    project = ProjectFactory(status="planned")

    staff_client.post(
        f"/backoffice/participation/manage/projects/{project.pk}/",
        {
            "project-title_de": "Neuer Titel",
            "project-description_de": "Text",
            "project-responsible_unit": project.responsible_unit_id,
            "project-status": "in_progress",
            "project-topic": "mobility",
            "project-district": "Erfenbach",
            "project-cost": "1000.50",
            "project-is_published": "on",
        },
    )
    staff_client.post(
        f"/backoffice/participation/manage/projects/{project.pk}/timeline/",
        {"timeline-date": "2027-01-15", "timeline-title_de": "Baubeginn"},
    )
    staff_client.post(
        f"/backoffice/participation/manage/projects/{project.pk}/document/",
        {
            "document-file": SimpleUploadedFile("plan.pdf", PDF),
            "document-title_de": "Lageplan",
        },
    )

    project = Project.objects.get(pk=project.pk)
    assert (project.title_de, project.status, project.district) == (
        "Neuer Titel",
        "in_progress",
        "Erfenbach",
    )
    assert str(project.cost) == "1000.50"
    assert [entry.title_de for entry in project.timeline.all()] == ["Baubeginn"]
    assert [document.title_de for document in project.documents.all()] == ["Lageplan"]
