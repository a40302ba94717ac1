"""Public pseudonyms: generated defaults and the rules for chosen ones (pure)."""

import random

import pytest

from rathaus.participation import pseudonyms


def test_generated_pseudonyms_follow_the_rules():
    rng = random.Random(7)

    names = [pseudonyms.generate(rng) for _ in range(200)]

    assert all(pseudonyms.problem(name) is None for name in names)
    assert len(set(names)) > 150


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("anna@example.org", "email"),
        ("ab", "too_short"),
        ("x" * 41, "too_long"),
        ("<script>", "characters"),
        ("-Anna", "characters"),
        ("Anna  Lena", "characters"),
        ("Anna-Lena K.", None),
        ("Lauterbiber 7", None),
        ("Mölschbacherin", None),
    ],
)
def test_chosen_pseudonyms_are_checked(name, problem):
    assert pseudonyms.problem(name) == problem


def test_blanks_are_tidied():
    assert pseudonyms.normalise("  Anna   Lena ") == "Anna Lena"
