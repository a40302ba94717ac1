"""Every kind of page is valid HTML, checked by the W3C Nu HTML Checker (vnu.jar from npm)."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from rathaus.accounts.models import User
from rathaus.dogtax.services import assessment_process, assessment_start
from rathaus.eservices.models import Case
from rathaus.eservices.services.letters import letter_deliver
from rathaus.participation.models import Process, Project, Proposal
from rathaus.voting.models import Poll
from rathaus.voting.models.poll import Eligibility, PollState
from tests.factories import current_totp_code

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

PUBLIC_PAGES = [
    "/",
    "/en/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/info/legal-notice/",
    "/en/info/privacy/",
    "/info/accessibility/",
    "/info/easy-language/",
    "/services/",
    "/en/services/",
    "/participation/",
    "/participation/projects/",
    "/en/participation/projects/",
    "/votes/",
    "/maps/",
    "/en/maps/",
    "/data/",
    "/data/dashboards/city/",
    "/data/dashboards/town-hall/",
    "/dogtax/calculator/",
    "/en/childbenefit/calculator/",
    "/ogc/?f=html",
    "/organization/",
]


def demo_pages() -> list[str]:
    process = Process.objects.filter(is_published=True).first()
    pages = [
        process.get_absolute_url(),
        f"/participation/processes/{process.slug}/proposals/",
        Proposal.objects.first().get_absolute_url(),
        Project.objects.first().get_absolute_url(),
    ]
    for poll in Poll.objects.all():
        pages.append(poll.get_absolute_url())
        if poll.state() is PollState.OPEN:
            pages.append(f"/votes/{poll.pk}/ballot/")
        if poll.state() is PollState.CLOSED:
            pages.append(f"/votes/{poll.pk}/results/")
    return pages


BOOTH = re.compile(r"(?:/en)?/votes/(\d+)/ballot/")


def expected_status(email: str | None, path: str) -> int:
    """200, but signed out the booth of a poll for residents explains who may vote (403); a
    poll with voting codes shows its booth with the code field."""
    booth = BOOTH.fullmatch(path)
    if email is None and booth:
        poll = Poll.objects.get(pk=booth[1])
        return 403 if poll.eligibility == Eligibility.RESIDENTS else 200
    return 200


def sign_in_demo(client, email: str, settings) -> None:
    """Sign in as a demo person through allauth's forms (password, then the demo TOTP code)."""
    client.logout()
    client.post("/accounts/login/", {"login": email, "password": settings.DEMO_PASSWORD})
    client.post(
        "/accounts/2fa/authenticate/", {"code": current_totp_code(settings.DEMO_TOTP_SECRET)}
    )


def prepare_site() -> dict[str | None, list[str]]:
    """Load the demo with a letter and an annual assessment; the pages to visit, per person.

    The key None lists the pages visited without signing in. Other checks over every page
    (the language-completeness test) reuse this list.
    """
    call_command("load_demo", stdout=None)
    anna = User.objects.get(email="anna.schmidt@example.org")
    letter_deliver(
        recipient=anna,
        title="Hundesteuerbescheid 2027",
        sender="Steueramt",
        source="html-validity",
        content=b"%PDF-1.7",
        filename="letter.pdf",
        language="de",
        notify=False,
    )
    call_command("dogtax_seed_households", "--count", "3", "--year", "2027", stdout=None)
    assessment_process(run=assessment_start(year=2027, actor=None, background=False))
    kindergeld = Case.objects.get(
        service__slug="kindergeld", applicant__email="anna.schmidt@example.org"
    )
    return {
        None: PUBLIC_PAGES + demo_pages(),
        "anna.schmidt@example.org": [
            "/my-account/profile/",
            "/my-account/profile/edit/",
            "/services/mailbox/",
            "/dogtax/my-dogs/",
            kindergeld.get_absolute_url(),
            f"/childbenefit/cases/{kindergeld.reference}/schedule/",
        ],
        "clerk.family@example.org": [
            kindergeld.get_backoffice_url(),
            f"/backoffice/childbenefit/cases/{kindergeld.reference}/decide/",
        ],
        "clerk.tax@example.org": [
            "/backoffice/dogtax/register/",
            "/backoffice/dogtax/register/?q=Schmidt",
            "/backoffice/dogtax/register/HSt-000001/",
            "/backoffice/dogtax/tags/lookup/?number=1",
            "/backoffice/dogtax/assessment/",
            "/backoffice/dogtax/assessment/?year=2028",
            "/backoffice/dogtax/assessment/2027/",
        ],
        "admin@example.org": [
            "/backoffice/geodata/layers/",
            "/backoffice/geodata/layers/new/",
        ],
    }


@pytest.mark.skipif(shutil.which("java") is None or not VNU.exists(), reason="needs Java and vnu")
@pytest.mark.django_db
def test_pages_are_valid_html(client, tmp_path, settings):
    documents = {}
    for email, paths in prepare_site().items():
        if email is not None:
            sign_in_demo(client, email, settings)
        for path in paths:
            response = client.get(path, follow=True)
            assert response.status_code == expected_status(email, path), path
            documents[path] = response.content
    files = []
    for number, (path, content) in enumerate(documents.items()):
        file = tmp_path / f"{number:03d}.html"
        file.write_bytes(content)
        files.append((file, path))

    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--exit-zero-always",
            *[str(file) for file, _ in files],
        ],
        capture_output=True,
        text=True,
        check=True,
    )

    page_of = {file.name: path for file, path in files}
    errors = [
        f"{page_of[Path(message['url']).name]}:{message.get('lastLine')}: {message['message']}"
        for message in json.loads(result.stderr)["messages"]
        if message["type"] == "error"
    ]
    assert errors == [], "\n".join(errors)
