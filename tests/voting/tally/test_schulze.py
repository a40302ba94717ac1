import pytest

from rathaus.voting.tally import schulze

CLASSIC_45 = [
    (5, "ACBED"),
    (5, "ADECB"),
    (8, "BEDAC"),
    (3, "CABED"),
    (7, "CAEBD"),
    (2, "CBADE"),
    (7, "DCEBA"),
    (8, "EBADC"),
]


def ballots(profile):
    return [tuple(order) for count, order in profile for _ in range(count)]


def test_the_classic_45_voter_example_ranks_e_a_c_b_d():
    outcome = schulze(tuple("ABCDE"), ballots(CLASSIC_45))

    assert outcome.ranking == tuple("EACBD")
    assert outcome.tie_broken == ()


def test_the_classic_example_reports_its_pairwise_counts_and_strongest_paths():
    outcome = schulze(tuple("ABCDE"), ballots(CLASSIC_45))

    assert outcome.pairwise["A"] == {"B": 20, "C": 26, "D": 30, "E": 22}
    assert outcome.strongest_paths == {
        "A": {"B": 28, "C": 28, "D": 30, "E": 24},
        "B": {"A": 25, "C": 28, "D": 33, "E": 24},
        "C": {"A": 25, "B": 29, "D": 29, "E": 24},
        "D": {"A": 25, "B": 28, "C": 28, "E": 24},
        "E": {"A": 25, "B": 28, "C": 28, "D": 31},
    }


def test_the_ranking_does_not_depend_on_the_order_of_the_ballots():
    forward = schulze(tuple("ABCDE"), ballots(CLASSIC_45))

    backward = schulze(tuple("ABCDE"), list(reversed(ballots(CLASSIC_45))))

    assert backward.ranking == forward.ranking


def test_unranked_options_rank_below_every_ranked_option():
    outcome = schulze(("a", "b", "c"), [("c",), ("c",), ("b", "c")])

    assert outcome.ranking == ("c", "b", "a")
    assert outcome.pairwise["c"] == {"a": 3, "b": 2}
    assert outcome.pairwise["b"] == {"a": 1, "c": 1}


def test_options_left_out_together_are_not_preferred_to_each_other():
    outcome = schulze(("a", "b", "c"), [("c",)])

    assert outcome.pairwise["a"]["b"] == outcome.pairwise["b"]["a"] == 0
    assert outcome.ranking == ("c", "a", "b")
    assert outcome.tie_broken == (("a", "b"),)


@pytest.mark.parametrize(
    ("options", "expected"),
    [(("x", "y", "z"), ("x", "y", "z")), (("z", "y", "x"), ("z", "y", "x"))],
)
def test_a_perfect_cycle_is_broken_by_the_option_order(options, expected):
    cycle = [("x", "y", "z"), ("y", "z", "x"), ("z", "x", "y")]

    outcome = schulze(options, cycle)

    assert outcome.ranking == expected
    assert len(outcome.tie_broken) == 2


def test_a_condorcet_winner_wins_whatever_the_option_order():
    votes = [("b", "a", "c")] * 3 + [("a", "c", "b")] * 2 + [("c", "b", "a")] * 2

    outcome = schulze(("a", "c", "b"), votes)

    assert outcome.ranking[0] == "b"
