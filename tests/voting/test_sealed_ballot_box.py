"""The sealed ballot box (ADR 171): ballots are sealed with the poll's public key, trustees'
SLIP-39 shares rebuild the private key, and only then are the plaintext ballots written and
counted. The count equals that of the same ballots in an unsealed poll."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from rathaus.core.models import AuditEntry
from rathaus.voting import publication, sealing
from rathaus.voting.errors import SealingRefused
from rathaus.voting.models import Ballot, Poll, SealedBallot
from rathaus.voting.selectors import poll_export, trackers
from rathaus.voting.services import ballot_cast, poll_close, poll_seal, poll_unseal
from tests.voting.factories import TRUSTEES, PollFactory, make_codes, options
from tests.voting.tally.test_schulze import CLASSIC_45
from tests.voting.test_api import bearer, poll_body, post

NOT_SEALING = {"poll.create", "poll.codes_generate"}


def sealed_poll(kind="single", **fields) -> tuple[Poll, list[str]]:
    poll = PollFactory(kind=kind, sealed_by_trustees=True, **fields)
    return poll, poll.shares


def cast_all(poll: Poll, ballots: list[list[str]]) -> list[str]:
    codes = make_codes(poll, len(ballots))
    return [
        ballot_cast(poll=poll, choices=ballot, code=code)
        for code, ballot in zip(codes, ballots, strict=True)
    ]


def same_count(kind: str, ballots: list[list[str]], **fields) -> tuple[dict, dict]:
    """The result of ``ballots`` in an unsealed poll and, opened by two trustees, a sealed one."""
    plain = PollFactory(kind=kind, **fields)
    cast_all(plain, ballots)
    plain = poll_close(actor=None, poll=plain)
    poll, shares = sealed_poll(kind, **fields)
    cast_all(poll, ballots)
    poll_close(actor=None, poll=poll)
    assert Poll.objects.get(pk=poll.pk).closed_at is None
    poll = poll_unseal(actor=None, poll=poll, shares=[shares[2], shares[0]])
    return plain.result, poll.result


@pytest.mark.django_db
def test_a_yes_no_vote_counts_the_same_sealed_and_unsealed():
    ballots = [["yes"]] * 5 + [["no"]] * 3 + [["abstain"]]

    plain, opened = same_count("yes_no", ballots)

    assert opened == plain
    assert opened["options"][0] == {"key": "yes", "votes": 5, "share": "0.555556"}


@pytest.mark.django_db
def test_a_ranked_vote_counts_the_same_sealed_and_unsealed_with_schulze():
    ballots = [list(order) for count, order in CLASSIC_45 for _ in range(count)]

    plain, opened = same_count("ranked", ballots, options=options(*"ABCDE"))

    assert opened == plain
    assert opened["ranking"] == list("EACBD")


@pytest.mark.django_db
def test_a_budget_counts_the_same_sealed_and_unsealed_with_equal_shares():
    fields = {
        "options": options("p1", "p2", "p3", "p4", p1="500", p2="300", p3="200", p4="100"),
        "budget": Decimal("700"),
        "rule": "equal-shares",
    }
    ballots = [["p1", "p2"]] * 4 + [["p3", "p4"]] * 3 + [["p2", "p3"]] * 2 + [["p4"]]

    plain, opened = same_count("budget", ballots, **fields)

    assert opened == plain
    assert opened["rule"] == "equal-shares"
    assert opened["selected"]


@pytest.fixture
def ended(db):
    poll, shares = sealed_poll("multiple", options=options("a", "b", "c"))
    tracked = cast_all(poll, [["a"], ["a", "b"], ["c"]])
    poll_close(actor=None, poll=poll)
    return poll, shares, tracked


def test_fewer_shares_than_the_threshold_open_nothing(ended):
    poll, shares, _ = ended

    with pytest.raises(SealingRefused) as refused:
        poll_unseal(actor=None, poll=poll, shares=[shares[1]])

    assert refused.value.code == "shares_too_few"
    assert "2" in refused.value.message
    assert not Ballot.objects.filter(poll=poll).exists()
    assert Poll.objects.get(pk=poll.pk).closed_at is None


def test_the_same_share_twice_is_not_two_shares(ended):
    poll, shares, _ = ended

    with pytest.raises(SealingRefused) as refused:
        poll_unseal(actor=None, poll=poll, shares=[shares[0], "  " + shares[0].upper()])

    assert refused.value.code == "shares_too_few"


def test_a_mistyped_share_is_rejected_with_a_clear_message(ended):
    poll, shares, _ = ended
    words = shares[1].split()
    words[4] = "academic" if words[4] != "academic" else "acid"

    with pytest.raises(SealingRefused) as refused:
        poll_unseal(actor=None, poll=poll, shares=[shares[0], " ".join(words)])

    assert refused.value.code == "shares_invalid"
    assert "Wort" in refused.value.message  # German by default
    assert not Ballot.objects.filter(poll=poll).exists()


def test_shares_of_another_poll_do_not_open_this_one(ended):
    poll, _, _ = ended
    _, other = sealed_poll("single")

    with pytest.raises(SealingRefused) as refused:
        poll_unseal(actor=None, poll=poll, shares=other[:2])

    assert refused.value.code == "shares_wrong_key"


def test_every_step_is_audited_without_any_share(ended):
    poll, shares, _ = ended
    with pytest.raises(SealingRefused):
        poll_unseal(actor=None, poll=poll, shares=[shares[0]])
    poll_unseal(actor=None, poll=poll, shares=shares[1:])

    entries = AuditEntry.objects.filter(action__startswith="poll.").order_by("at")
    actions = [entry.action for entry in entries if entry.action not in NOT_SEALING]
    assert actions == ["poll.seal", "poll.end", "poll.unseal_refused", "poll.unseal"]
    logged = json.dumps([[entry.before, entry.after, entry.actor_label] for entry in entries])
    assert TRUSTEES[0] in logged
    for share in shares:
        assert not any(word in logged.split('"') for word in [share, share.split()[3]])


def test_the_count_opens_only_after_the_vote_has_ended(db):
    poll, shares = sealed_poll("single")
    cast_all(poll, [["a"]])

    with pytest.raises(SealingRefused) as refused:
        poll_unseal(actor=None, poll=poll, shares=shares[:2])

    assert refused.value.code == "not_ended"


def test_nobody_votes_before_the_trustees_shares_exist(db):
    poll = PollFactory(kind="single", sealed=True)
    [code] = make_codes(poll, 1)

    with pytest.raises(SealingRefused) as refused:
        ballot_cast(poll=poll, choices=["a"], code=code)

    assert refused.value.code == "key_missing"


def test_shares_are_created_once_and_only_the_public_key_is_stored(db):
    poll, shares = sealed_poll("single")

    assert len(shares) == 3 and all(len(share.split()) == 33 for share in shares)
    assert len(poll.public_key) == 64 and poll.trustees == TRUSTEES and poll.threshold == 2
    with pytest.raises(SealingRefused) as refused:
        poll_seal(actor=None, poll=poll, trustees=TRUSTEES, threshold=2)
    assert refused.value.code == "already_sealed"


@pytest.mark.parametrize(
    ("trustees", "threshold", "code"),
    [(["A"], 1, "trustee_count"), (["A", "B"], 3, "threshold_range"), (["A", "a"], 2, None)],
)
def test_a_bad_trustee_list_is_refused(db, trustees, threshold, code):
    poll = PollFactory(kind="single", sealed=True)

    with pytest.raises(SealingRefused) as refused:
        poll_seal(actor=None, poll=poll, trustees=trustees, threshold=threshold)

    assert refused.value.code == (code or "trustee_duplicate")
    assert Poll.objects.get(pk=poll.pk).public_key == ""


def test_the_tracker_is_the_hash_of_the_sealed_ballot_and_listed_while_open(db):
    poll, _ = sealed_poll("single")
    tracked = cast_all(poll, [["a"], ["b"]])

    boxes = {row.tracker: bytes(row.sealed) for row in SealedBallot.objects.filter(poll=poll)}
    assert set(boxes) == set(tracked) == set(trackers(poll))
    assert all(sealing.tracker_of(box) == tracker for tracker, box in boxes.items())
    assert len({len(box) for box in boxes.values()}) == 1  # padded: the length tells nothing
    assert not Ballot.objects.filter(poll=poll).exists()


def test_the_export_publishes_sealed_and_plaintext_ballots_and_recounts(ended):
    poll, shares, tracked = ended
    poll = poll_unseal(actor=None, poll=poll, shares=shares[:2])

    export = json.loads(json.dumps(poll_export(poll), default=str))

    assert export["poll"]["sealed"] is True
    assert {ballot["tracker"] for ballot in export["sealed_box"]["ballots"]} == set(tracked)
    assert sorted(map(sorted, (b["choices"] for b in export["ballots"]))) == [
        ["a"],
        ["a", "b"],
        ["c"],
    ]
    assert all(ballot["tracker"] is None for ballot in export["ballots"])
    assert publication.recount(export) == export["result"]

    dropped = {**export, "ballots": export["ballots"][1:]}
    with pytest.raises(publication.ExportError, match="3 sealed ballots but 2"):
        publication.recount(dropped)
    forged = json.loads(json.dumps(export))
    forged["sealed_box"]["ballots"][0]["tracker"] = forged["sealed_box"]["ballots"][1]["tracker"]
    with pytest.raises(publication.ExportError, match="hash"):
        publication.recount(forged)


def test_the_published_download_recounts_with_the_command(ended, client, tmp_path):
    poll, shares, _ = ended
    poll_unseal(actor=None, poll=poll, shares=shares[:2])
    response = client.get(reverse("voting:export", args=[poll.pk]))
    path = tmp_path / "export.json"
    path.write_bytes(response.content)
    out, err = io.StringIO(), io.StringIO()

    call_command("recount", str(path), stdout=out, stderr=err)

    assert "3 sealed ballots" in err.getvalue() and "agrees" in err.getvalue()
    assert json.loads(out.getvalue())["ballots"] == 3


def test_the_offline_ceremony_reads_the_shares_from_standard_input(ended, monkeypatch):
    poll, shares, _ = ended
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{shares[0]}\n{shares[2]}\n"))
    out = io.StringIO()

    call_command("open_sealed_poll", str(poll.pk), stdout=out)

    assert Poll.objects.get(pk=poll.pk).result["ballots"] == 3
    entry = AuditEntry.objects.get(action="poll.unseal")
    assert entry.actor_label == "trustees' ceremony (command line)"


def test_the_api_seals_a_poll_casts_ends_and_opens_the_count(client, moderator):
    manager = bearer(moderator)
    poll_id = post(client, "/polls", poll_body(sealed=True), **manager).json()["id"]
    [code] = post(client, f"/polls/{poll_id}/codes", {"count": 1}, **manager).json()["codes"]
    refused = post(client, f"/polls/{poll_id}/ballots", {"code": code, "choices": ["A"]})
    assert refused.status_code == 409 and "versiegelt" in refused.json()["detail"]

    created = post(
        client, f"/polls/{poll_id}/trustees", {"trustees": TRUSTEES, "threshold": 2}, **manager
    )
    assert created.status_code == 201
    shares = [row["share"] for row in created.json()["shares"]]
    assert [row["trustee"] for row in created.json()["shares"]] == TRUSTEES
    tracker = post(client, f"/polls/{poll_id}/ballots", {"code": code, "choices": ["B", "A"]})
    assert (
        tracker.json()["tracker"]
        in client.get(f"/api/v1/polls/{poll_id}/trackers").json()["trackers"]
    )
    assert post(client, f"/polls/{poll_id}/close", {}, **manager).json()["sealed"] is True

    one = post(client, f"/polls/{poll_id}/unseal", {"shares": shares[:1]}, **manager)
    assert one.status_code == 409 and "2" in one.json()["detail"]
    opened = post(client, f"/polls/{poll_id}/unseal", {"shares": shares[1:]}, **manager)
    assert opened.status_code == 200 and opened.json()["ballots"] == 1
    assert opened.json()["ranking"][0] == "B"
