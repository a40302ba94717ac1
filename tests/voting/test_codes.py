import re

from rathaus.voting import codes


def test_a_voting_code_has_four_groups_of_four_unambiguous_characters():
    code = codes.new_code()

    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", code)


def test_a_tracker_has_five_groups_of_five_characters():
    tracker = codes.new_tracker()

    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}", tracker)


def test_codes_and_trackers_do_not_repeat():
    assert len({codes.new_code() for _ in range(2000)}) == 2000
    assert len({codes.new_tracker() for _ in range(2000)}) == 2000


def test_a_code_typed_sloppily_has_the_same_digest():
    salt = codes.new_salt()

    typed = codes.code_digest(" abcd efgh-jkmn-pq0s ", salt)

    assert typed == codes.code_digest("ABCD-EFGH-JKMN-PQ0S", salt)
    assert typed == codes.code_digest("ABCD-EFGH-JKMN-PQOS", salt)


def test_the_same_code_has_a_different_digest_in_another_poll():
    assert codes.code_digest("ABCD-EFGH-JKMN-PQRS", codes.new_salt()) != codes.code_digest(
        "ABCD-EFGH-JKMN-PQRS", codes.new_salt()
    )


def test_the_digest_does_not_contain_the_code():
    digest = codes.code_digest("ABCD-EFGH-JKMN-PQRS", codes.new_salt())

    assert "ABCD" not in digest.upper() and len(digest) == 64


def test_only_sixteen_alphabet_characters_are_a_code():
    assert codes.is_code("abcd-efgh-jkmn-pqrs")
    assert not codes.is_code("ABCD-EFGH-JKMN")
    assert not codes.is_code("ABCD-EFGH-JKMN-PQRU")


def test_a_typed_tracker_is_found_in_its_stored_form():
    tracker = codes.new_tracker()

    assert codes.tracker_form(tracker.lower().replace("-", " ")) == tracker
    assert codes.tracker_form("too short") is None
