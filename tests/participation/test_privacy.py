"""Privacy: pseudonyms, a person's own contributions and data export, open data without
personal data."""

import csv
import io
import json

import pytest

from rathaus.participation.exports import anonymous_id
from rathaus.participation.services.follows import follow_add
from rathaus.participation.services.moderation import report_create
from rathaus.participation.services.proposals import comment_create, proposal_support
from tests.factories import UserFactory
from tests.participation.factories import CommentFactory, ProcessFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def test_my_participation_lists_what_i_did(client, citizen):
    mine = ProposalFactory(author=citizen, title="Mein Vorschlag")
    other = ProposalFactory(title="Fremder Vorschlag")
    comment_create(actor=citizen, proposal=other, text="Mein Kommentar")
    proposal_support(actor=citizen, proposal=other)
    client.force_login(citizen)

    page = client.get("/participation/me/").content.decode()

    assert "Mein Vorschlag" in page
    assert "Mein Kommentar" in page
    assert "Fremder Vorschlag" in page
    assert mine.author.participant.pseudonym in page


def test_my_account_links_to_my_participation(client, citizen):
    client.force_login(citizen)

    assert "/participation/me/" in client.get("/my-account/profile/").content.decode()


def test_the_export_holds_everything_about_me_and_nothing_about_others(client, citizen):
    proposal = ProposalFactory(author=citizen, title="Mein Vorschlag", location_text="Daheim")
    CommentFactory(proposal=proposal, text="Fremder Kommentar")
    comment_create(actor=citizen, proposal=proposal, text="Meine Antwort")
    follow_add(actor=citizen, target=proposal.process)
    report_create(actor=citizen, target=CommentFactory(), reason="spam")
    client.force_login(citizen)

    response = client.get("/participation/me/export/")
    data = json.loads(response.content)

    assert response["Content-Disposition"].startswith("attachment;")
    assert data["profile"]["pseudonym"] == citizen.participant.pseudonym
    assert [p["title"] for p in data["proposals"]] == ["Mein Vorschlag"]
    assert data["proposals"][0]["location_text"] == "Daheim"
    assert [c["text"] for c in data["comments"]] == ["Meine Antwort"]
    assert data["follows"][0]["process"] == proposal.process_id
    assert data["reports"][0]["reason"] == "spam"
    assert "Fremder Kommentar" not in response.content.decode()


def test_the_export_needs_sign_in(client):
    assert client.get("/participation/me/export/").status_code == 302


def test_changing_the_pseudonym_and_email_settings(client, citizen):
    ProposalFactory(author=citizen)
    client.force_login(citizen)

    response = client.post(
        "/participation/me/settings/",
        {"pseudonym": "Neuer Name", "notify_phase": "on", "notify_reply": "on"},
    )

    citizen.refresh_from_db()
    assert response.status_code == 302
    assert citizen.participant.pseudonym == "Neuer Name"
    assert citizen.participant.notify_answer is False
    assert citizen.email_news is False


def test_an_email_address_is_refused_as_pseudonym(client, citizen):
    client.force_login(citizen)

    response = client.post("/participation/me/settings/", {"pseudonym": citizen.email})

    assert response.status_code == 422
    citizen.refresh_from_db()
    assert citizen.participant.pseudonym != citizen.email


def rows_of_csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_open_data_has_no_personal_data(client):
    author = UserFactory(email="author@example.org", display_name="Erika Mustermann")
    proposal = ProposalFactory(author=author, title="Offene Daten", district="Erfenbach")
    CommentFactory(proposal=proposal, author=author, text="Nachtrag")
    ProposalFactory(process=proposal.process, title="Versteckt", hidden=True)
    ProposalFactory(process=ProcessFactory(is_published=False), title="Unveröffentlicht")

    proposals = rows_of_csv(client.get("/participation/opendata/proposals.csv"))
    comments = json.loads(
        b"".join(client.get("/participation/opendata/comments.json").streaming_content)
    )
    everything = json.dumps([proposals, comments], ensure_ascii=False)

    assert [row["title"] for row in proposals] == ["Offene Daten"]
    assert proposals[0]["district"] == "Erfenbach"
    assert proposals[0]["author"] == comments[0]["author"] == anonymous_id(author.pk)
    assert proposals[0]["created"] == proposal.created_at.date().isoformat()
    for secret in ("author@example.org", "Erika", author.participant.pseudonym):
        assert secret not in everything


def test_open_data_json_lists_proposals_with_their_counts(client):
    ProposalFactory(title="Zählbar", support_count=3, comment_count=2)

    rows = json.loads(
        b"".join(client.get("/participation/opendata/proposals.json").streaming_content)
    )

    assert (rows[0]["title"], rows[0]["supports"], rows[0]["comments"]) == ("Zählbar", 3, 2)


def test_the_anonymous_id_is_stable_per_person_and_reveals_nothing():
    assert anonymous_id(42) == anonymous_id(42)
    assert anonymous_id(42) != anonymous_id(43)
    assert len(anonymous_id(42)) == 16
    assert anonymous_id(None) == ""
