"""Demo polls (all titled "Demo: ..."): an open yes/no vote for residents, an open ranked poll
with published voting codes, a participatory budget imported from a generated Kaiserslautern
election with districts (closed and counted), and a multiple-choice poll in the voting phase of
the participation demo process, open to the residents of the Innenstadt (Anna Schmidt lives
there, John Miller in Einsiedlerhof), and a yes/no vote with a sealed ballot box that has ended
and waits for its trustees: ``load_demo`` prints the three demo trustees' shares (demo only!), two
of which open the count in the back office. Idempotent: a poll that exists is left alone."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from rathaus.participation.models import Process
from rathaus.participation.phases import VOTING
from rathaus.voting.demo_budget import DESCRIPTION as BUDGET_TITLE
from rathaus.voting.demo_budget import kaiserslautern_budget
from rathaus.voting.models import Poll
from rathaus.voting.services import (
    ballot_cast,
    poll_close,
    poll_create,
    poll_import_pabulib,
    poll_seal,
    voting_codes_register,
)
from rathaus.voting.specs import OptionSpec, PollSpec

DEMO_PROCESS = "lebenswerte-innenstadt"
"""The participation demo process whose voting phase gets a demo poll."""
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


SEALED = "Demo: Soll die Stadtbibliothek sonntags öffnen? (versiegelte Urne)"
SEALED_TRUSTEES = ["Wahlleiterin (Demo)", "Personalrat (Demo)", "Stadtratsfraktion (Demo)"]
SEALED_VOTES = ["yes", "yes", "no", "yes", "abstain", "no", "yes"]


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


def _sealed(now, stdout=None) -> None:
    """An ended yes/no vote whose sealed ballots wait for two of three demo trustees."""
    poll = poll_create(
        actor=None,
        spec=PollSpec(
            title_de=SEALED,
            title_en="Demo: Should the city library open on Sundays? (sealed ballot box)",
            description_de=(
                "Demo-Abstimmung mit versiegelter Urne: die Stimmzettel sind verschlüsselt, bis "
                "zwei von drei Treuhänderinnen und Treuhändern die Auszählung öffnen."
            ),
            description_en=(
                "Demo vote with a sealed ballot box: the ballots stay encrypted until two of "
                "three trustees open the count."
            ),
            kind="yes_no",
            eligibility="codes",
            opens_at=now - timedelta(days=3),
            closes_at=now + timedelta(days=60),
            sealed=True,
        ),
    )
    shares = poll_seal(actor=None, poll=poll, trustees=SEALED_TRUSTEES, threshold=2)
    poll.refresh_from_db()
    codes = [f"DEMO-0000-0001-{number:04d}" for number in range(1, len(SEALED_VOTES) + 1)]
    voting_codes_register(actor=None, poll=poll, given=codes)
    for code, choice in zip(codes, SEALED_VOTES, strict=True):
        ballot_cast(poll=poll, choices=[choice], code=code)
    poll_close(actor=None, poll=poll)
    if stdout:
        stdout.write(f"  voting: trustees' shares of the sealed demo poll {poll.pk} (DEMO ONLY):")
        for name, share in zip(SEALED_TRUSTEES, shares, strict=True):
            stdout.write(f"    {name}: {share}")


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


IDEAS = "Demo: Welche Ideen für die Innenstadt sollen zuerst umgesetzt werden?"
IDEA_OPTIONS = [
    ("baeume", "Mehr Bäume am Stiftsplatz", "More trees on Stiftsplatz"),
    ("sitzen", "Sitzgelegenheiten in der Fußgängerzone", "Seating in the pedestrian zone"),
    ("wasser", "Wasserspiel für Kinder", "Water play for children"),
    ("rad", "Fahrradstraße durch die Innenstadt", "Bicycle street through the centre"),
]


def _ideas(now) -> None:
    """A poll in the voting phase of the participation demo process (if that is loaded)."""
    process = Process.objects.filter(slug=DEMO_PROCESS).prefetch_related("phases").first()
    phase = process.phase_of_kind(VOTING) if process else None
    if phase is None:
        return
    poll_create(
        actor=None,
        spec=PollSpec(
            title_de=IDEAS,
            title_en="Demo: Which ideas for the city centre should come first?",
            description_de=(
                "Demo-Abstimmung in der Abstimmungsphase des Beteiligungsverfahrens. Abstimmen "
                "können Einwohnerinnen und Einwohner des Ortsbezirks Innenstadt."
            ),
            description_en=(
                "Demo vote in the voting phase of the participation process. Residents of the "
                "Innenstadt district can vote."
            ),
            kind="multiple",
            eligibility="residents",
            districts=("Innenstadt",),
            opens_at=phase.starts_at,
            closes_at=phase.ends_at,
            min_choices=1,
            max_choices=2,
            options=tuple(
                OptionSpec(key=key, title_de=german, title_en=english)
                for key, german, english in IDEA_OPTIONS
            ),
            process=process.pk,
        ),
    )


def load(stdout=None) -> None:
    now = timezone.now()
    steps = ((CAR_FREE, _car_free), (SQUARE, _square), (BUDGET_TITLE, _budget), (IDEAS, _ideas))
    before = Poll.objects.count()
    for title, make in steps:
        if not _exists(title):
            make(now)
    if not _exists(SEALED):
        _sealed(now, stdout)
    if stdout:
        stdout.write(f"  voting: {Poll.objects.count() - before} demo polls created")
