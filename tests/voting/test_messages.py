"""Sentences with a time in them end with one full stop, in both languages."""

from datetime import UTC, datetime

from django.utils import translation

from rathaus.voting import messages
from rathaus.voting.models.poll import PollState
from rathaus.voting.templatetags.voting import invalid_reason

EARLY_MORNING = datetime(2027, 2, 3, 4, 16, tzinfo=UTC)  # 5:16 in Kaiserslautern


def test_a_time_ending_in_a_full_stop_closes_the_sentence_itself():
    with translation.override("en"):
        text = messages.explain(messages.STATE, PollState.CLOSED, {"closes_at": EARLY_MORNING})

    assert text == "This poll closed on Feb. 3, 2027, 5:16 a.m."


def test_the_german_sentence_keeps_its_full_stop():
    with translation.override("de"):
        text = messages.explain(messages.STATE, PollState.CLOSED, {"closes_at": EARLY_MORNING})

    assert text == "Diese Abstimmung endete am 3. Februar 2027 05:16."


def test_invalid_ballots_are_listed_with_their_reason_in_words():
    with translation.override("de"):
        assert invalid_reason("too_many_choices") == "zu viele Stimmen"
    with translation.override("en"):
        assert invalid_reason("duplicate_option") == "an option chosen twice"
