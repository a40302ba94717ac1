"""A generated, plausible participatory budget for the demo: projects in Kaiserslautern's
Ortsbezirke and approval votes of made-up voters, as a pabulib election. Deterministic (seeded),
clearly marked as demo data, never real votes. The demo imports it like any pabulib file."""

from __future__ import annotations

import random
from decimal import Decimal

from rathaus.voting.pabulib import PbElection, PbProject, PbVote

DESCRIPTION = "Demo: Bürgerhaushalt Kaiserslautern (erzeugte Daten)"
BUDGET = Decimal(500_000)
MAX_PROJECTS_PER_BALLOT = 5

# District and its share of the made-up voters (roughly by population).
DISTRICTS = {
    "Innenstadt": 52,
    "Erfenbach": 4,
    "Siegelbach": 4,
    "Morlautern": 4,
    "Erlenbach": 3,
    "Hohenecken": 5,
    "Dansenberg": 3,
    "Mölschbach": 1,
    "Einsiedlerhof": 2,
    "Erzhütten / Wiesenthalerhof": 5,
}

# (district or "" for the whole city, cost in euros, German name, English name)
PROJECTS = [
    ("Innenstadt", 85_000, "Schattenbäume für den Stiftsplatz", "Shade trees for Stiftsplatz"),
    (
        "Innenstadt",
        120_000,
        "Sichere Radwege an der Pariser Straße",
        "Safe cycle lanes on Pariser Straße",
    ),
    (
        "Innenstadt",
        40_000,
        "Trinkbrunnen in der Fußgängerzone",
        "Drinking fountains in the pedestrian zone",
    ),
    (
        "Innenstadt",
        65_000,
        "Sanierung des Spielplatzes im Volkspark",
        "Renovating the Volkspark playground",
    ),
    ("Innenstadt", 25_000, "Sitzbänke am Kaiserberg", "Benches on Kaiserberg"),
    (
        "Erfenbach",
        30_000,
        "Dorfplatz Erfenbach neu gestalten",
        "New design for Erfenbach village square",
    ),
    (
        "Siegelbach",
        45_000,
        "Beleuchteter Fußweg zum Bahnhof Siegelbach",
        "Lit footpath to Siegelbach station",
    ),
    ("Morlautern", 18_000, "Bouleplatz Morlautern", "Boules court in Morlautern"),
    (
        "Erlenbach",
        22_000,
        "Bücherschrank und Treffpunkt Erlenbach",
        "Book exchange and meeting point in Erlenbach",
    ),
    (
        "Hohenecken",
        55_000,
        "Wanderweg zur Burgruine Hohenecken",
        "Hiking path to Hohenecken castle ruin",
    ),
    (
        "Dansenberg",
        35_000,
        "Jugendtreff Dansenberg renovieren",
        "Renovating the Dansenberg youth club",
    ),
    (
        "Mölschbach",
        12_000,
        "Insektenwiese am Ortsrand Mölschbach",
        "Wildflower meadow in Mölschbach",
    ),
    (
        "Einsiedlerhof",
        28_000,
        "Bushaltestelle mit Dach am Einsiedlerhof",
        "Covered bus stop at Einsiedlerhof",
    ),
    (
        "Erzhütten / Wiesenthalerhof",
        60_000,
        "Bolzplatz Erzhütten sanieren",
        "Renovating the Erzhütten football pitch",
    ),
    ("", 150_000, "Mehr Fahrradbügel in der ganzen Stadt", "More bicycle stands across the city"),
    ("", 90_000, "Öffentliche Toiletten an Haltestellen", "Public toilets at bus stops"),
    ("", 70_000, "Obstbäume für alle Ortsbezirke", "Fruit trees for every district"),
    ("", 200_000, "Barrierefreie Bushaltestellen", "Step-free bus stops"),
]


def kaiserslautern_budget(*, voters: int = 900, seed: int = 2026) -> PbElection:
    """The demo election: every made-up voter approves one to five projects, mostly in their own
    district and city-wide ones, and some elsewhere."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    projects = tuple(
        PbProject(
            f"{number:02d}",
            Decimal(cost),
            {"name": name_de, "name_en": name_en, "district": district},
        )
        for number, (district, cost, name_de, name_en) in enumerate(PROJECTS, start=1)
    )
    appeal = {project.project_id: rng.uniform(0.5, 1.5) for project in projects}
    homes = rng.choices(list(DISTRICTS), weights=list(DISTRICTS.values()), k=voters)
    votes = []
    for number, home in enumerate(homes, start=1):
        weights = [
            appeal[project.project_id]
            * (
                6
                if project.fields["district"] == home
                else 3
                if not project.fields["district"]
                else 0.3
            )
            for project in projects
        ]
        chosen: set[str] = set()
        for _ in range(rng.randint(1, MAX_PROJECTS_PER_BALLOT)):
            chosen.add(rng.choices(projects, weights=weights)[0].project_id)
        votes.append(PbVote(str(number), tuple(sorted(chosen))))
    meta = {
        "description": DESCRIPTION,
        "description_en": "Demo: participatory budget Kaiserslautern (generated data)",
        "comment": "Generated demo data: made-up projects and votes, not a real election.",
        "country": "Germany",
        "unit": "Kaiserslautern",
        "instance": "demo",
        "num_projects": str(len(projects)),
        "num_votes": str(len(votes)),
        "budget": str(BUDGET),
        "vote_type": "approval",
        "rule": "equalshares/add1",
        "max_length": str(MAX_PROJECTS_PER_BALLOT),
    }
    return PbElection(
        meta,
        projects,
        tuple(votes),
        ("project_id", "cost", "name", "name_en", "district"),
        ("voter_id", "vote"),
    )
