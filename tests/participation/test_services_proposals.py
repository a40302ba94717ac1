"""Writing proposals, supports and comments through the services."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from PIL import Image

from rathaus.core.models import AuditEntry
from rathaus.participation.models import Follow, ParticipantProfile, Proposal, Support
from rathaus.participation.services.proposals import (
    ImageUpload,
    comment_create,
    proposal_create,
    proposal_support,
    proposal_unsupport,
    proposal_update,
)
from tests.participation.factories import (
    CategoryFactory,
    CommentFactory,
    ProcessFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x8825] = {2: (49.0, 26.0, 40.0), 4: (7.0, 46.0, 8.0)}
    out = io.BytesIO()
    Image.new("RGB", (2400, 1800), (10, 120, 10)).save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_a_citizen_proposes_with_place_image_and_pseudonym(citizen):
    category = CategoryFactory()

    proposal = proposal_create(
        actor=citizen,
        process=category.process,
        title=" Bänke am Stiftsplatz ",
        text="Mehr Sitzplätze, bitte.",
        category=category,
        latitude=Decimal("49.443700"),
        longitude=Decimal("7.770000"),
        location_text="Stiftsplatz",
        district="Innenstadt",
        uploads=[ImageUpload(content=jpeg_with_gps(), alt_text="Der leere Platz")],
        pseudonym="Platz-Freundin",
    )

    stored = Proposal.objects.get(pk=proposal.pk)
    assert stored.title == "Bänke am Stiftsplatz"
    assert (stored.latitude, stored.longitude) == (Decimal("49.443700"), Decimal("7.770000"))
    image = stored.images.get()
    assert (image.width, image.height) == (1600, 1200)
    assert dict(Image.open(image.file.open("rb")).getexif()) == {}
    assert ParticipantProfile.objects.get(user=citizen).pseudonym == "Platz-Freundin"
    assert Follow.objects.filter(user=citizen, proposal=stored).exists()
    assert AuditEntry.objects.filter(action="participation.proposal_create").count() == 1


def test_the_first_contribution_gets_a_generated_pseudonym_when_none_is_chosen(citizen):
    proposal_create(actor=citizen, process=ProcessFactory(running="proposals"), title="A", text="B")

    pseudonym = ParticipantProfile.objects.get(user=citizen).pseudonym
    assert pseudonym
    assert citizen.email not in pseudonym


def test_a_taken_pseudonym_is_refused_whatever_its_case(citizen, other_citizen):
    process = ProcessFactory(running="proposals")
    proposal_create(actor=citizen, process=process, title="A", text="B", pseudonym="Lauterbiber")

    with pytest.raises(ValidationError) as refused:
        proposal_create(
            actor=other_citizen, process=process, title="C", text="D", pseudonym="lauterbiber"
        )

    assert "pseudonym" in refused.value.message_dict
    assert not Proposal.objects.filter(title="C").exists()


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"category": lambda: CategoryFactory()}, "category"),
        ({"uploads": lambda: [ImageUpload(content=jpeg_with_gps(), alt_text=" ")]}, "images"),
        ({"latitude": lambda: Decimal("49.4")}, "latitude"),
    ],
    ids=["category of another process", "image without description", "half a coordinate"],
)
def test_invalid_proposals_are_refused_with_the_field_named(citizen, extra, field):
    with pytest.raises(ValidationError) as refused:
        proposal_create(
            actor=citizen,
            process=ProcessFactory(running="proposals"),
            title="A",
            text="B",
            **{name: make() for name, make in extra.items()},
        )

    assert field in refused.value.message_dict
    assert not Proposal.objects.exists()


def test_the_author_edits_while_the_proposal_phase_runs():
    proposal = ProposalFactory()

    proposal_update(actor=proposal.author, proposal=proposal, title="Neu", text="Besser")

    proposal.refresh_from_db()
    assert (proposal.title, proposal.text) == ("Neu", "Besser")
    assert AuditEntry.objects.get(action="participation.proposal_update").before["title"] != "Neu"


def test_nobody_edits_after_the_proposal_phase():
    proposal = ProposalFactory(process=ProcessFactory(running="discussion"))

    with pytest.raises(PermissionDenied):
        proposal_update(actor=proposal.author, proposal=proposal, title="Neu", text="Besser")


def test_supporting_twice_counts_once(citizen):
    proposal = ProposalFactory()

    first = proposal_support(actor=citizen, proposal=proposal)
    second = proposal_support(actor=citizen, proposal=proposal)

    proposal.refresh_from_db()
    assert (first[1], second[1]) == (True, False)
    assert proposal.support_count == 1
    assert Support.objects.filter(proposal=proposal).count() == 1


def test_the_database_refuses_a_second_support_of_the_same_person(citizen):
    from django.db import IntegrityError, transaction

    proposal = ProposalFactory()
    Support.objects.create(proposal=proposal, user=citizen)

    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(proposal=proposal, user=citizen)


def test_withdrawing_support_lowers_the_count(citizen, other_citizen):
    proposal = ProposalFactory()
    proposal_support(actor=citizen, proposal=proposal)
    proposal_support(actor=other_citizen, proposal=proposal)

    assert proposal_unsupport(actor=citizen, proposal=proposal) is True
    assert proposal_unsupport(actor=citizen, proposal=proposal) is False

    proposal.refresh_from_db()
    assert proposal.support_count == 1


def test_a_reply_to_a_reply_joins_the_thread(citizen, other_citizen):
    top = CommentFactory()
    reply = comment_create(actor=citizen, proposal=top.proposal, text="Ja", reply_to=top)

    answer = comment_create(actor=other_citizen, proposal=top.proposal, text="Nein", reply_to=reply)

    assert reply.parent == top
    assert answer.parent == top
    top.proposal.refresh_from_db()
    assert top.proposal.comment_count == 2


def test_a_reply_must_belong_to_the_same_proposal(citizen):
    elsewhere = CommentFactory()

    with pytest.raises(ValidationError):
        comment_create(actor=citizen, proposal=ProposalFactory(), text="Ja", reply_to=elsewhere)


def test_an_empty_comment_is_refused(citizen):
    with pytest.raises(ValidationError):
        comment_create(actor=citizen, proposal=ProposalFactory(), text="   ")


def test_blocked_people_cannot_contribute(blocked_citizen):
    proposal = ProposalFactory()

    with pytest.raises(PermissionDenied):
        comment_create(actor=blocked_citizen, proposal=proposal, text="Hallo")
    with pytest.raises(PermissionDenied):
        proposal_support(actor=blocked_citizen, proposal=proposal)
    with pytest.raises(PermissionDenied):
        proposal_create(actor=blocked_citizen, process=proposal.process, title="A", text="B")


def propose_at(citizen, latitude: str, longitude: str, district: str) -> Proposal:
    proposal = proposal_create(
        actor=citizen,
        process=ProcessFactory(running="proposals"),
        title="Bank an der Burgruine",
        text="Zum Ausruhen.",
        latitude=Decimal(latitude),
        longitude=Decimal(longitude),
        district=district,
    )
    return Proposal.objects.get(pk=proposal.pk)


@pytest.mark.usefixtures("imported_districts")
def test_a_proposal_with_a_point_in_the_city_is_filed_under_the_district_of_the_point(citizen):
    proposal = propose_at(citizen, "49.408200", "7.697200", district="Innenstadt")

    assert proposal.district == "Hohenecken"
    entry = AuditEntry.objects.get(action="participation.proposal_create")
    assert entry.after["district"] == "Hohenecken"


@pytest.mark.usefixtures("imported_districts")
def test_moving_the_point_of_a_proposal_moves_it_to_the_new_district(citizen):
    proposal = ProposalFactory(
        author=citizen,
        district="Innenstadt",
        latitude=Decimal("49.443600"),
        longitude=Decimal("7.769400"),
    )

    proposal_update(
        actor=citizen,
        proposal=proposal,
        title=proposal.title,
        text=proposal.text,
        latitude=Decimal("49.377500"),
        longitude=Decimal("7.810800"),
        district="Innenstadt",
    )

    assert Proposal.objects.get(pk=proposal.pk).district == "Mölschbach"


@pytest.mark.usefixtures("imported_districts")
def test_a_point_outside_the_city_keeps_the_chosen_district(citizen):
    assert propose_at(citizen, "49.487500", "8.466000", district="Erfenbach").district == (
        "Erfenbach"
    )


def test_without_imported_boundaries_the_chosen_district_is_kept(citizen):
    assert propose_at(citizen, "49.408200", "7.697200", district="Innenstadt").district == (
        "Innenstadt"
    )
