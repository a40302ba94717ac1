import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from rathaus.voting.models import Poll
from rathaus.voting.services import ballot_cast
from tests.factories import StaffFactory, sign_in
from tests.voting.factories import PollFactory
from tests.voting.pabutools_reference import shared_pabulib_dir

pytestmark = pytest.mark.django_db


def moment(hours):
    return (timezone.localtime() + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


def poll_post(**fields):
    data = {
        "title_de": "Neue Bänke am Stiftsplatz?",
        "title_en": "New benches on Stiftsplatz?",
        "kind": "multiple",
        "eligibility": "codes",
        "opens_at": moment(1),
        "closes_at": moment(48),
        "min_choices": "1",
        "max_choices": "2",
        "options-TOTAL_FORMS": "4",
        "options-INITIAL_FORMS": "0",
        "options-0-key": "holz",
        "options-0-title_de": "Holzbänke",
        "options-1-key": "stein",
        "options-1-title_de": "Steinbänke",
        "options-2-key": "keine",
        "options-2-title_de": "Keine Bänke",
    }
    return {**data, **fields}


@pytest.fixture
def staff_client(client, moderator):
    sign_in(client, moderator)
    return client


def test_a_moderator_creates_a_poll_with_its_options(staff_client):
    response = staff_client.post("/backoffice/votes/new/", poll_post())

    poll = Poll.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/backoffice/votes/{poll.pk}/"
    assert [option.key for option in poll.options.all()] == ["holz", "stein", "keine"]
    assert poll.created_by.email == "moderator@example.org"


def test_a_moderator_sets_the_minimum_level_of_assurance(staff_client):
    form = staff_client.get("/backoffice/votes/new/").content.decode()
    assert "Mindest-Vertrauensniveau" in form

    staff_client.post(
        "/backoffice/votes/new/", poll_post(eligibility="residents", min_assurance="high")
    )

    assert Poll.objects.get().min_assurance == "high"


def test_a_problem_with_an_option_is_shown_next_to_it(staff_client):
    response = staff_client.post("/backoffice/votes/new/", poll_post(**{"options-1-key": "holz"}))

    assert response.status_code == 422
    html = response.content.decode()
    assert re.search(r"options-1-key-error.*anderen Antwort verwendet", html, re.S)


def test_staff_without_the_moderator_role_and_citizens_are_turned_away(client, resident):
    sign_in(client, StaffFactory(with_totp=True))
    assert client.get("/backoffice/votes/").status_code == 403
    sign_in(client, resident)
    assert client.get("/backoffice/votes/").status_code == 403


def test_codes_are_shown_once_and_work(staff_client):
    poll = PollFactory(kind="single")

    page = staff_client.post(
        f"/backoffice/votes/{poll.pk}/codes/", {"count": "3", "format": "page"}
    )
    csv_file = staff_client.post(
        f"/backoffice/votes/{poll.pk}/codes/", {"count": "2", "format": "csv"}
    )

    shown = re.findall(r"<li>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})</li>", page.content.decode())
    downloaded = csv_file.content.decode().split()[1:]
    assert len(shown) == 3 and len(downloaded) == 2
    assert ballot_cast(poll=poll, choices=["a"], code=shown[0])
    assert ballot_cast(poll=poll, choices=["a"], code=downloaded[0])
    manage = staff_client.get(f"/backoffice/votes/{poll.pk}/").content.decode()
    assert not any(code in manage for code in shown + downloaded)
    assert "5 Abstimmungscodes ausgegeben" in manage


def test_closing_needs_a_confirmation(staff_client):
    poll = PollFactory(kind="single")

    staff_client.post(f"/backoffice/votes/{poll.pk}/close/", {})
    poll.refresh_from_db()
    assert poll.closed_at is None

    staff_client.post(f"/backoffice/votes/{poll.pk}/close/", {"confirm": "on"})
    poll.refresh_from_db()
    assert poll.closed_at is not None and poll.result["ballots"] == 0


def test_an_open_poll_cannot_be_edited(staff_client):
    poll = PollFactory(kind="single")

    response = staff_client.get(f"/backoffice/votes/{poll.pk}/edit/")

    assert response.status_code == 302


def test_an_upcoming_poll_is_edited_with_its_options_filled_in(staff_client):
    poll = PollFactory(kind="single", opens=3)

    page = staff_client.get(f"/backoffice/votes/{poll.pk}/edit/").content.decode()

    assert 'name="options-2-key"' in page and 'value="c"' in page


def test_a_pabulib_file_is_uploaded_as_a_counted_budget(staff_client):
    path = shared_pabulib_dir() / "poland_czestochowa_2020_mirow.pb"
    upload = SimpleUploadedFile("mirow.pb", path.read_bytes(), content_type="text/plain")

    response = staff_client.post(
        "/backoffice/votes/import/", {"file": upload, "with_votes": "on", "title": "Mirów 2020"}
    )

    poll = Poll.objects.get()
    assert response.status_code == 302
    assert poll.title_de == "Mirów 2020" and poll.closed_at is not None
    assert poll.result["ballots"] == 373


def test_an_unreadable_upload_is_refused(staff_client):
    upload = SimpleUploadedFile("broken.pb", b"META\nkey;value\n", content_type="text/plain")

    response = staff_client.post("/backoffice/votes/import/", {"file": upload, "with_votes": "on"})

    assert response.status_code == 422
    assert "missing section" in response.content.decode()
