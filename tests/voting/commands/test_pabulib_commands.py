"""Import of the shared pabulib files as budget polls, and export back: the same election."""

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from rathaus.voting import pabulib
from rathaus.voting.models import Ballot, Poll
from rathaus.voting.pb_outcome import pb_outcome
from tests.voting.pabutools_reference import shared_pabulib_dir

pytestmark = pytest.mark.django_db


def import_file(path, *args):
    out = io.StringIO()
    call_command("import_pabulib", str(path), *args, stdout=out)
    return Poll.objects.get(pk=int(out.getvalue().split()[2].rstrip(":")))


def votes(election):
    return Counter((vote.vote, vote.points) for vote in election.votes)


@pytest.mark.parametrize("name", ["dzbow", "mirow", "rakow"])
def test_a_shared_file_round_trips_through_a_budget_poll(name, tmp_path):
    path = shared_pabulib_dir() / f"poland_czestochowa_2020_{name}.pb"
    original = pabulib.load(path)

    poll = import_file(path)
    exported_path = tmp_path / "export.pb"
    call_command("export_pabulib", str(poll.pk), "--output", str(exported_path))

    exported = pabulib.load(exported_path)
    assert {p.project_id: p.cost for p in exported.projects} == {
        p.project_id: p.cost for p in original.projects
    }
    assert exported.budget == original.budget
    assert votes(exported) == votes(original)
    assert poll.result["ballots"] == len(original.votes)
    greedy = pb_outcome(path, "greedy")
    assert poll.result["selected"] == greedy["selected"]
    assert pb_outcome(exported_path, "greedy") == greedy
    funded = {p.project_id for p in exported.projects if p.fields["selected"] == "1"}
    assert funded == set(greedy["selected"])


def test_a_file_imported_without_votes_is_an_empty_poll_for_a_new_vote():
    path = shared_pabulib_dir() / "poland_czestochowa_2020_mirow.pb"

    poll = import_file(
        path, "--without-votes", "--opens-at", "2030-05-01T08:00", "--closes-at", "2030-05-15T18:00"
    )

    assert poll.closed_at is None
    assert not Ballot.objects.filter(poll=poll).exists()
    assert poll.options.count() == 10 and poll.max_points == 10


def test_ballots_cannot_be_imported_into_a_vote_that_is_not_over(tmp_path):
    path = shared_pabulib_dir() / "poland_czestochowa_2020_mirow.pb"

    with pytest.raises(CommandError, match="Vergangenheit"):
        import_file(path, "--closes-at", "2099-01-01T00:00")
