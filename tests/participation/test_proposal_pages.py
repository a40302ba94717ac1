"""The proposal list (filters, search, order, paging, constant queries) and the proposal page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rathaus.participation.models import Comment, OfficialAnswer, Proposal, Support
from tests.factories import UserFactory
from tests.geodata.map_markup import map_places
from tests.participation.factories import (
    CategoryFactory,
    CommentFactory,
    ProcessFactory,
    ProposalFactory,
)
from tests.participation.test_shuffle import seed_starting_at

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(
        r'<h3 class="kern-heading-small"><a [^>]*>([^<]+)</a>', response.content.decode()
    )


def list_url(process, **query):
    params = "&".join(f"{key}={value}" for key, value in query.items())
    return f"/participation/processes/{process.slug}/proposals/?{params}"


def test_newest_first(client):
    process = ProcessFactory(running="proposals")
    for title in ("Erster", "Zweiter", "Dritter"):
        ProposalFactory(process=process, title=title)

    assert titles(client.get(list_url(process, sort="newest"))) == ["Dritter", "Zweiter", "Erster"]


def test_most_supported_first(client):
    process = ProcessFactory(running="proposals")
    ProposalFactory(process=process, title="Wenig", support_count=1)
    ProposalFactory(process=process, title="Viel", support_count=9)

    assert titles(client.get(list_url(process, sort="supported"))) == ["Viel", "Wenig"]


def test_random_order_is_stable_for_a_visitor_and_pages_do_not_overlap(client):
    process = ProcessFactory(running="proposals")
    ProposalFactory.create_batch(45, process=process)

    first = client.get(list_url(process))
    again = client.get(list_url(process))
    seed = re.search(r"seed=(\d+)", first.content.decode()).group(1)
    pages = [titles(client.get(list_url(process, seed=seed, page=n))) for n in (1, 2, 3)]

    assert titles(first) == titles(again) == pages[0]
    assert len({title for page in pages for title in page}) == 45


def test_another_seed_gives_another_order(client):
    process = ProcessFactory(running="proposals")
    first, second = ProposalFactory.create_batch(2, process=process)
    ProposalFactory.create_batch(18, process=process)
    # Seeds start the order at points of the circle of keys; two seeds that start in the same
    # gap between two keys give the same order, so pick seeds that start at two proposals.
    seeds = [
        seed_starting_at(p.shuffle_key)
        for p in Proposal.objects.filter(pk__in=[first.pk, second.pk])
    ]

    orders = [titles(client.get(list_url(process, seed=seed))) for seed in seeds]

    assert orders[0] != orders[1]
    assert {orders[0][0], orders[1][0]} == {first.title, second.title}


def test_filters_by_category_district_and_answer(client, moderator, imported_districts):
    category = CategoryFactory()
    process = category.process
    ProposalFactory(process=process, title="Passt", category=category, district="Erfenbach")
    ProposalFactory(
        process=process, title="Anderer Bezirk", category=category, district="Siegelbach"
    )
    answered = ProposalFactory(process=process, title="Beantwortet", district="Erfenbach")
    OfficialAnswer.objects.create(proposal=answered, status="accepted", text="Ja")

    assert titles(client.get(list_url(process, category=category.slug, district="Erfenbach"))) == [
        "Passt"
    ]
    assert titles(client.get(list_url(process, answer="accepted"))) == ["Beantwortet"]
    kept = client.get(list_url(process, district="Erfenbach")).content.decode()
    assert '<option value="Erfenbach" selected>Erfenbach</option>' in kept
    assert "Beantwortet" not in titles(client.get(list_url(process, answer="none")))


def test_search_finds_title_and_text_but_not_hidden_content(client):
    process = ProcessFactory(running="proposals")
    ProposalFactory(process=process, title="Trinkbrunnen", text="Am Markt")
    ProposalFactory(process=process, title="Bänke", text="Neben dem Trinkbrunnen")
    ProposalFactory(process=process, title="Trinkbrunnen-Spam", hidden=True)

    assert sorted(titles(client.get(list_url(process, q="trinkbrunnen")))) == [
        "Bänke",
        "Trinkbrunnen",
    ]


def test_hidden_proposals_show_the_reason_instead_of_the_title(client):
    process = ProcessFactory(running="proposals")
    ProposalFactory(process=process, title="Kauft Uhren!", hidden=True, hidden_reason="Werbung")

    page = client.get(list_url(process)).content.decode()

    assert "Kauft Uhren!" not in page
    assert "Werbung" in page


def fill(process, count: int, people: list) -> None:
    proposals = ProposalFactory.create_batch(count, process=process, author=people[0])
    for index, proposal in enumerate(proposals):
        Comment.objects.create(proposal=proposal, author=people[index % len(people)], text="Ja")
        Support.objects.create(proposal=proposal, user=people[(index + 1) % len(people)])
        if index % 3 == 0:
            OfficialAnswer.objects.create(proposal=proposal, status="under_review", text="Prüfen")


def queries_for(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("sort", ["random", "newest", "supported"])
def test_the_list_costs_the_same_queries_for_10_and_200_proposals(client, sort):
    people = UserFactory.create_batch(5)
    small, large = ProcessFactory(running="proposals"), ProcessFactory(running="proposals")
    CategoryFactory(process=small)
    CategoryFactory(process=large)
    fill(small, 10, people)
    fill(large, 200, people)
    client.force_login(people[1])

    assert queries_for(client, list_url(small, sort=sort)) == queries_for(
        client, list_url(large, sort=sort)
    )


def test_the_proposal_page_costs_the_same_queries_for_2_and_40_comments(client, citizen):
    few, many = ProposalFactory(), ProposalFactory()
    for proposal, count in ((few, 2), (many, 40)):
        for index in range(count):
            top = CommentFactory(proposal=proposal)
            if index % 2:
                CommentFactory(proposal=proposal, parent=top)
    client.force_login(citizen)

    assert queries_for(client, few.get_absolute_url()) == queries_for(
        client, many.get_absolute_url()
    )


def test_the_proposal_page_shows_pseudonyms_never_emails(client):
    comment = CommentFactory(author=UserFactory(email="secret.person@example.org"))
    comment.author.participant.pseudonym = "Lauterbiber"
    comment.author.participant.save()

    page = client.get(comment.proposal.get_absolute_url()).content.decode()

    assert "Lauterbiber" in page
    assert "secret.person" not in page
    assert comment.author.display_name not in page


def test_a_place_is_shown_as_text_and_coordinates_with_a_map_hook(client):
    proposal = ProposalFactory(
        latitude="49.443700", longitude="7.770000", location_text="Stiftsplatz"
    )

    page = client.get(proposal.get_absolute_url()).content.decode()

    assert "Stiftsplatz" in page
    assert 'data-latitude="49.443700"' in page
    assert "49.443700, 7.770000" in page


def test_the_proposal_form_offers_accessible_location_fields_with_a_map_hook(client, citizen):
    process = ProcessFactory(running="proposals")
    client.force_login(citizen)

    page = client.get(f"/participation/processes/{process.slug}/proposals/new/").content.decode()

    assert "data-location-picker" in page
    for field in ("id_latitude", "id_longitude", "id_location_text", "id_district"):
        assert f'<label class="kern-label" for="{field}">' in page


def test_an_image_that_is_not_one_is_reported_on_the_form(client, citizen):
    from django.core.files.uploadedfile import SimpleUploadedFile

    process = ProcessFactory(running="proposals")
    client.force_login(citizen)

    response = client.post(
        f"/participation/processes/{process.slug}/proposals/new/",
        {
            "title": "Bild",
            "text": "Mit Bild",
            "pseudonym": "Bildermacher",
            "image": SimpleUploadedFile("x.jpg", b"not really", content_type="image/jpeg"),
            "image_alt": "Nichts",
        },
    )

    assert response.status_code == 422
    assert not process.proposals.exists()


def test_images_are_served_only_while_the_proposal_is_visible(client, citizen):
    from rathaus.participation.services.proposals import ImageUpload, proposal_create
    from tests.participation.test_services_proposals import jpeg_with_gps

    proposal = proposal_create(
        actor=citizen,
        process=ProcessFactory(running="proposals"),
        title="Bild",
        text="Text",
        uploads=[ImageUpload(content=jpeg_with_gps(), alt_text="Ein Platz")],
    )
    url = proposal.images.get().get_absolute_url()

    assert client.get(url)["Content-Type"] == "image/jpeg"
    proposal.hidden_at = proposal.created_at
    proposal.save()
    assert client.get(url).status_code == 404


def test_reading_the_list_sets_no_cookie_for_visitors_without_a_session(client):
    process = ProcessFactory(running="proposals")
    ProposalFactory.create_batch(3, process=process)

    response = client.get(list_url(process))

    assert response.status_code == 200
    assert "sessionid" not in response.cookies


def test_a_signed_in_visitor_keeps_an_own_random_order(client, citizen):
    process = ProcessFactory(running="proposals")
    ProposalFactory.create_batch(25, process=process)
    client.force_login(citizen)

    first = client.get(list_url(process))

    assert "participation_seed" in client.session
    assert titles(first) == titles(client.get(list_url(process)))


@pytest.mark.parametrize("sort", ["random", "newest", "supported"])
def test_the_list_loads_one_page_of_rows_not_the_whole_process(client, sort):
    process = ProcessFactory(running="proposals")
    ProposalFactory.create_batch(30, process=process)

    with CaptureQueriesContext(connection) as captured:
        client.get(list_url(process, sort=sort))

    reads = [
        query["sql"]
        for query in captured
        if 'FROM "participation_proposal"' in query["sql"] and "COUNT(" not in query["sql"]
    ]
    assert reads
    assert all("LIMIT" in sql or " IN (" in sql for sql in reads), reads


def test_the_list_maps_the_proposals_of_its_page_that_have_a_place(client):
    process = ProcessFactory(running="proposals")
    ProposalFactory(process=process, title="Bank", latitude="49.443700", longitude="7.770000")
    ProposalFactory(process=process, title="Ohne Ort")
    ProposalFactory(
        process=process, title="Versteckt", latitude="49.4", longitude="7.7", hidden=True
    )

    page = client.get(list_url(process, sort="newest")).content.decode()

    assert map_places(page, "proposals-map") == [("Bank", [7.77, 49.4437])]
    assert f'href="/maps/proposals/?process={process.slug}"' in page


def test_a_list_without_places_says_so_instead_of_an_empty_map(client):
    process = ProcessFactory(running="proposals")
    ProposalFactory(process=process, title="Ohne Ort")

    page = client.get(list_url(process)).content.decode()

    assert 'id="proposals-map"' not in page
    assert "Keiner der unten aufgeführten Vorschläge hat einen Ort auf der Karte." in page


def test_the_proposal_page_shows_its_place_on_a_map(client):
    proposal = ProposalFactory(title="Bank", latitude="49.443700", longitude="7.770000")

    page = client.get(proposal.get_absolute_url()).content.decode()

    assert map_places(page, "proposal-map") == [("Bank", [7.77, 49.4437])]
    assert "vendor/leaflet/leaflet.js" in page


def test_the_proposal_form_has_a_map_to_pick_the_place(client, citizen):
    process = ProcessFactory(running="proposals")
    client.force_login(citizen)

    page = client.get(f"/participation/processes/{process.slug}/proposals/new/").content.decode()

    assert 'data-locate-url="/api/v1/geodata/locate"' in page
    assert 'aria-label="Karte zur Wahl des Ortes"' in page
    assert "geodata/picker.js" in page


def propose_at(client, process, latitude: str, longitude: str):
    return client.post(
        f"/participation/processes/{process.slug}/proposals/new/",
        {
            "title": "Bank",
            "text": "Zum Ausruhen",
            "pseudonym": "Bankfreundin",
            "district": "Innenstadt",
            "latitude": latitude,
            "longitude": longitude,
        },
    )


@pytest.mark.usefixtures("imported_districts")
def test_the_form_files_a_proposal_under_the_district_of_its_point(client, citizen):
    process = ProcessFactory(running="proposals")
    client.force_login(citizen)

    response = propose_at(client, process, "49.408200", "7.697200")

    assert response.status_code == 302
    assert process.proposals.get().district == "Hohenecken"


@pytest.mark.usefixtures("imported_districts")
def test_the_form_says_when_the_place_lies_outside_the_city(client, citizen):
    process = ProcessFactory(running="proposals")
    client.force_login(citizen)

    response = propose_at(client, process, "49.487500", "8.466000")

    assert response.status_code == 422
    assert "Dieser Ort liegt außerhalb von Kaiserslautern." in response.content.decode()
    assert not process.proposals.exists()
