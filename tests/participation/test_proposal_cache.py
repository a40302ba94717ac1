"""The proposal pages at scale (issue 15, ADR 0391): cached parts change at once after a write,
deep pages are right and cost a fixed number of queries, search works in both languages."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rathaus.participation.models import Proposal
from rathaus.participation.services.moderation import contribution_hide
from rathaus.participation.services.people import participant_update_settings
from rathaus.participation.services.proposals import (
    comment_create,
    proposal_create,
    proposal_support,
    proposal_unsupport,
)
from tests.factories import UserFactory
from tests.participation.factories import CommentFactory, ProcessFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(
        r'<h3 class="kern-heading-small"><a [^>]*>([^<]+)</a>', response.content.decode()
    )


def list_url(process, prefix: str = "", **query) -> str:
    params = "&".join(f"{key}={value}" for key, value in query.items())
    return f"{prefix}/participation/processes/{process.slug}/proposals/?{params}"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_proposal_shows_at_once_on_the_cached_list(client, citizen):
    process = ProcessFactory(running="proposals")
    ProposalFactory(process=process, title="Alt")
    url = list_url(process, sort="newest")
    assert titles(client.get(url)) == ["Alt"]

    proposal_create(actor=citizen, process=process, title="Neu", text="Ein Brunnen.")

    assert titles(client.get(url)) == ["Neu", "Alt"]
    assert "2 Vorschläge" in page(client, url)


def test_a_support_shows_at_once_on_the_cached_list_and_page(client, citizen):
    proposal = ProposalFactory(title="Bänke")
    url = list_url(proposal.process, sort="supported")
    assert "0 Unterstützungen" in page(client, url)
    assert "0 Personen unterstützen" in page(client, proposal.get_absolute_url())

    proposal_support(actor=citizen, proposal=proposal)

    assert re.search(r"\b1 Unterstützung\b", page(client, url))
    assert "1 Person unterstützt" in page(client, proposal.get_absolute_url())

    proposal_unsupport(actor=citizen, proposal=proposal)

    assert "0 Unterstützungen" in page(client, url)


def test_a_comment_shows_at_once_on_the_cached_list_and_page(client, citizen):
    proposal = ProposalFactory(title="Bänke")
    url = list_url(proposal.process)
    assert "0 Kommentare" in page(client, url)
    assert "Noch keine Kommentare" in page(client, proposal.get_absolute_url())

    comment_create(actor=citizen, proposal=proposal, text="Gute Idee!", pseudonym="Lauterbiber")

    assert re.search(r"\b1 Kommentar\b", page(client, url))
    detail = page(client, proposal.get_absolute_url())
    assert "Gute Idee!" in detail
    assert "Lauterbiber" in detail


def test_hiding_and_a_new_pseudonym_show_at_once(client, citizen, moderator):
    proposal = ProposalFactory(title="Werbung für Uhren", author=citizen)
    url = list_url(proposal.process)
    assert "Werbung für Uhren" in page(client, url)

    participant_update_settings(user=citizen, pseudonym="Neuer-Name")
    assert "Neuer-Name" in page(client, url)

    contribution_hide(actor=moderator, target=proposal, reason="Spam")
    assert "Werbung für Uhren" not in page(client, url)
    assert "Werbung für Uhren" not in page(client, proposal.get_absolute_url())


def test_own_supports_are_never_shown_to_others(client, citizen, other_citizen):
    proposal = ProposalFactory(title="Bänke")
    proposal_support(actor=citizen, proposal=proposal)
    url = list_url(proposal.process)

    client.force_login(citizen)
    assert "Sie unterstützen das" in page(client, url)
    client.force_login(other_citizen)
    assert "Sie unterstützen das" not in page(client, url)
    client.logout()
    assert "Sie unterstützen das" not in page(client, url)
    assert "Sie unterstützen das" not in page(client, proposal.get_absolute_url())


def test_a_signed_in_visitor_gets_working_forms_not_a_shared_page(client, citizen):
    proposal = ProposalFactory(title="Bänke")
    anonymous = page(client, proposal.get_absolute_url())
    assert "csrfmiddlewaretoken" not in anonymous.split("<main", 1)[-1]

    client.force_login(citizen)
    signed_in = page(client, proposal.get_absolute_url())

    assert "Diesen Vorschlag unterstützen" in signed_in
    assert "Diesen Vorschlag unterstützen" not in anonymous


def fill_newest(process, count: int) -> list[str]:
    """`count` proposals of distinct ages; their titles newest first."""
    ProposalFactory.create_batch(count, process=process)
    return list(
        Proposal.objects.filter(process=process)
        .order_by("-created_at", "-id")
        .values_list("title", flat=True)
    )


def fresh_queries(client, url: str) -> tuple[int, list[str]]:
    """The queries of `url` rendered afresh (no cached fragment), and its titles."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), titles(response)


@pytest.mark.parametrize("sort", ["newest", "random"])
def test_deep_pages_are_right_and_cost_the_same_queries_at_two_sizes(client, sort):
    small, large = ProcessFactory(running="proposals"), ProcessFactory(running="proposals")
    small_titles, large_titles = fill_newest(small, 45), fill_newest(large, 205)

    small_count, small_page = fresh_queries(client, list_url(small, sort=sort, seed=7, page=3))
    large_count, large_page = fresh_queries(client, list_url(large, sort=sort, seed=7, page=11))

    if sort == "newest":
        assert small_page == small_titles[40:45]
        assert large_page == large_titles[200:205]
    else:
        assert len(small_page) == 5
        assert len(large_page) == 5
    assert small_count == large_count


def test_a_deep_page_served_from_the_cache_reads_nothing_from_the_database(client):
    process = ProcessFactory(running="proposals")
    fill_newest(process, 45)
    url = list_url(process, sort="newest", page=3)
    client.get(url)

    with CaptureQueriesContext(connection) as captured:
        client.get(url)

    # the municipality profile of the layout, as on every page
    assert [q["sql"] for q in captured if "participation_" in q["sql"]] == []


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_search_finds_the_same_proposals_in_german_and_english(client, prefix):
    process = ProcessFactory(running="proposals")
    ProposalFactory(process=process, title="Brunnen am Markt", text="Wasser für alle.")
    ProposalFactory(process=process, title="More trees", text="Shade in the park.")
    ProposalFactory(process=process, title="Bänke", text="Am Brunnen sitzen.")
    ProposalFactory(process=process, title="Spielplatz", text="Für Kinder.")

    assert sorted(titles(client.get(list_url(process, prefix, q="Brunnen")))) == [
        "Brunnen am Markt",
        "Bänke",
    ]
    assert titles(client.get(list_url(process, prefix, q="trees"))) == ["More trees"]
    assert titles(client.get(list_url(process, prefix, q="Rathaus"))) == []


@pytest.mark.postgres
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_full_text_search_finds_word_forms_in_german_and_english(client, prefix):
    if connection.vendor != "postgresql":
        pytest.skip("full-text search needs PostgreSQL")
    process = ProcessFactory(running="proposals")
    ProposalFactory(process=process, title="Des Brunnens Wasser", text="Am Markt.")
    ProposalFactory(process=process, title="A tree for the square", text="Shade.")
    ProposalFactory(process=process, title="Spielplatz", text="Für Kinder.")

    assert titles(client.get(list_url(process, prefix, q="Brunnen"))) == ["Des Brunnens Wasser"]
    assert titles(client.get(list_url(process, prefix, q="trees"))) == ["A tree for the square"]


def test_a_search_is_not_served_the_cached_page_of_another(client):
    process = ProcessFactory(running="proposals")
    ProposalFactory(process=process, title="Brunnen")
    ProposalFactory(process=process, title="Bäume")

    assert titles(client.get(list_url(process, q="Brunnen"))) == ["Brunnen"]
    assert titles(client.get(list_url(process, q="Bäume"))) == ["Bäume"]
    assert titles(client.get(list_url(process, "/en", q="Bäume"))) == ["Bäume"]


def test_comments_of_the_proposal_page_render_authors_without_an_include_per_comment(client):
    comment = CommentFactory(author=UserFactory())
    comment.author.participant.pseudonym = "Lauterbiber"
    comment.author.participant.save()
    CommentFactory(proposal=comment.proposal, author=None)

    detail = page(client, comment.proposal.get_absolute_url())

    assert "Lauterbiber" in detail
    assert "Gelöschtes Konto" in detail


def test_the_api_list_changes_at_once_after_a_support(client, citizen):
    proposal = ProposalFactory(title="Bänke")
    url = f"/api/v1/proposals?process={proposal.process.pk}"
    assert client.get(url).json()["items"][0]["support_count"] == 0

    proposal_support(actor=citizen, proposal=proposal)

    body = client.get(url).json()
    assert body["count"] == 1
    assert body["items"][0]["support_count"] == 1
    assert body["items"][0]["url"] == f"http://testserver{proposal.get_absolute_url()}"


def test_the_api_list_of_an_unpublished_process_stays_hidden(client, moderator):
    proposal = ProposalFactory(process__is_published=False)
    url = f"/api/v1/proposals?process={proposal.process.pk}"
    client.force_login(moderator)
    assert client.get(url).json()["count"] == 1

    client.logout()
    assert client.get(url).status_code == 404


def next_link(html: str) -> str | None:
    found = re.search(r'href="\?([^"]+)" rel="next"', html)
    return found.group(1).replace("&amp;", "&") if found else None


@pytest.mark.parametrize("sort", ["newest", "supported"])
def test_next_links_read_on_after_the_last_row_and_reach_every_proposal(client, sort):
    process = ProcessFactory(running="proposals")
    same_time = ProposalFactory(process=process).created_at
    for index in range(44):  # ties in time and in supports: the id decides
        ProposalFactory(process=process, created_at=same_time, support_count=index % 4)
    order = ["-created_at", "-id"] if sort == "newest" else ["-support_count", "-created_at", "-id"]
    expected = list(
        Proposal.objects.filter(process=process).order_by(*order).values_list("title", flat=True)
    )

    seen, query = [], f"sort={sort}"
    while query:
        html = page(client, list_url(process) + query)
        seen += titles(client.get(list_url(process) + query))
        query = next_link(html)
        assert query is None or "after=" in query

    assert seen == expected
    # the page numbers still work without a cursor, and agree
    assert titles(client.get(list_url(process, sort=sort, page=3))) == expected[40:]


def test_a_cursor_that_is_not_one_falls_back_to_the_page_number(client):
    process = ProcessFactory(running="proposals")
    fill_newest(process, 25)

    assert titles(client.get(list_url(process, sort="newest", page=2, after="x_1"))) == titles(
        client.get(list_url(process, sort="newest", page=2))
    )


def test_the_shared_proposal_page_links_sign_in_back_to_the_proposal_not_to_a_query(client):
    proposal = ProposalFactory()
    client.get(proposal.get_absolute_url() + "?utm=newsletter")

    html = page(client, proposal.get_absolute_url())

    assert "utm" not in html
    assert f'next={proposal.get_absolute_url()}"' in html
