"""One export and one deletion for the whole platform, whichever app holds the data."""

import io
import json
import zipfile

import pytest

from rathaus.accounts.privacy import account_delete, personal_data_export
from rathaus.accounts.services import verified_attributes_set
from rathaus.participation.models import Proposal
from rathaus.voting.models.ballot_box import RollEntry
from tests.participation.factories import ProposalFactory
from tests.voting.factories import PollFactory

pytestmark = pytest.mark.django_db


def export(user) -> dict:
    return json.loads(
        zipfile.ZipFile(io.BytesIO(personal_data_export(user=user))).read("data.json")
    )


def test_the_export_has_a_section_for_every_app_that_holds_personal_data(citizen):
    verified_attributes_set(
        user=citizen,
        values={"birth_date": "1990-01-02"},
        source="oidc:city",
        assurance_level="substantial",
    )
    proposal = ProposalFactory(author=citizen, title="Mehr Bänke am Stiftsplatz")
    poll = PollFactory()
    RollEntry.objects.create(poll=poll, voter=f"user:{citizen.pk}", voted_on="2026-11-20")

    data = export(citizen)

    assert data["account"]["verified_attributes"][0]["value"] == "1990-01-02"
    assert data["participation"]["proposals"][0]["title"] == proposal.title
    assert data["votes"]["took_part_in"][0]["voted_on"] == "2026-11-20"
    assert "choices" not in json.dumps(data["votes"])
    assert data["services"]["cases"] == []


def test_deleting_the_account_keeps_proposals_without_an_author(citizen):
    proposal = ProposalFactory(author=citizen)

    account_delete(user=citizen)

    assert Proposal.objects.get(pk=proposal.pk).author is None


def test_the_data_page_offers_download_and_deletion(client, citizen):
    from tests.factories import sign_in

    sign_in(client, citizen)

    page = client.get("/my-account/data/").content.decode()

    assert "Alle Ihre Daten herunterladen" in page
    assert 'action="/my-account/data/delete/"' in page
