"""Demo polls (all titled "Demo: ..."): an open yes/no vote for residents, an open ranked poll
with published voting codes, and a participatory budget imported from a generated Kaiserslautern
election with districts, closed and counted. Idempotent: a poll that exists is left alone."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from rathaus.voting.demo_budget import DESCRIPTION as BUDGET_TITLE
from rathaus.voting.demo_budget import kaiserslautern_budget
from rathaus.voting.models import Poll
from rathaus.voting.services import (
    ballot_cast,
    poll_create,
    poll_import_pabulib,
    voting_codes_register,
)
from rathaus.voting.specs import OptionSpec, PollSpec

DEMO_CODES = [f"DEMO-0000-0000-{number:04d}" for number in range(1, 21)]
"""Published demo voting codes: 0001-0015 are free to try, 0016-0020 have been used."""

CAR_FREE = "Demo: Sollen in der Innenstadt autofreie Sonntage erprobt werden?"
SQUARE = "Demo: Wie soll der neue Platz auf dem Pfaff-Gelände heißen?"
NAMES = [
    ("naehmaschine", "Nähmaschinenplatz", "Sewing Machine Square"),
    ("pfaff", "Georg-Pfaff-Platz", "Georg Pfaff Square"),
    ("lauter", "Platz an der Lauter", "Square on the Lauter"),
    ("werk", "Werksplatz", "Works Square"),
    ("zukunft", "Platz der Zukunft", "Square of the Future"),
]
USED = [
    ("DEMO-0000-0000-0016", ["pfaff", "lauter", "naehmaschine"]),
    ("DEMO-0000-0000-0017", ["lauter", "pfaff"]),
    ("DEMO-0000-0000-0018", ["naehmaschine", "werk"]),
    ("DEMO-0000-0000-0019", ["pfaff"]),
    ("DEMO-0000-0000-0020", ["lauter", "zukunft", "pfaff", "werk", "naehmaschine"]),
]


def _exists(title: str) -> bool:
    return Poll.objects.filter(title_de=title).exists()


def _car_free(now) -> None:
    poll_create(
        actor=None,
        spec=PollSpec(
            title_de=CAR_FREE,
            title_en="Demo: Should the city centre try out car-free Sundays?",
            description_de=(
                "Demo-Abstimmung mit erfundenem Inhalt. Abstimmen können angemeldete "
                "Einwohnerinnen und Einwohner mit bestätigtem Wohnsitz ab 16 Jahren."
            ),
            description_en=(
                "Demo vote with made-up content. Signed-in residents with a verified "
                "residence aged 16 or over can vote."
            ),
            kind="yes_no",
            eligibility="residents",
            opens_at=now - timedelta(days=2),
            closes_at=now + timedelta(days=60),
            min_age=16,
        ),
    )


def _square(now) -> None:
    poll = poll_create(
        actor=None,
        spec=PollSpec(
            title_de=SQUARE,
            title_en="Demo: What should the new square on the Pfaff site be called?",
            description_de=(
                "Demo-Abstimmung mit Abstimmungscodes. Zum Ausprobieren: die Codes "
                "DEMO-0000-0000-0001 bis DEMO-0000-0000-0015."
            ),
            description_en=(
                "Demo vote with voting codes. To try it: the codes DEMO-0000-0000-0001 to "
                "DEMO-0000-0000-0015."
            ),
            kind="ranked",
            eligibility="codes",
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=60),
            options=tuple(
                OptionSpec(key=key, title_de=german, title_en=english)
                for key, german, english in NAMES
            ),
        ),
    )
    voting_codes_register(actor=None, poll=poll, given=DEMO_CODES)
    for code, ranking in USED:
        ballot_cast(poll=poll, choices=ranking, code=code)


def _budget(now) -> None:
    election = kaiserslautern_budget()
    poll_import_pabulib(
        actor=None,
        election=election,
        opens_at=now - timedelta(days=45),
        closes_at=now - timedelta(days=15),
        eligibility="residents",
        with_votes=True,
        source="generated demo data",
    )


def load(stdout=None) -> None:
    now = timezone.now()
    made = []
    for title, make in ((CAR_FREE, _car_free), (SQUARE, _square), (BUDGET_TITLE, _budget)):
        if not _exists(title):
            make(now)
            made.append(title)
    if stdout:
        stdout.write(f"  voting: {len(made)} demo polls created")
