"""Demo Vorhabenliste: plausible, fictitious projects across Kaiserslautern's districts.

Every project is marked `is_demo`; titles, costs and dates are invented for the demo.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from rathaus.organization.models import OrgUnit, UnitKind
from rathaus.participation.models import Process, Project, ProjectStatus, TimelineEntry, Topic

# Departments that plan projects; demo rows until the organisation lists them.
UNITS = [
    ("stadtentwicklung", "Referat Stadtentwicklung", "Urban Development Department"),
    ("tiefbau", "Referat Tiefbau", "Civil Engineering Department"),
    ("umweltschutz", "Referat Umweltschutz", "Environmental Protection Department"),
    ("schulen", "Referat Schulen", "Schools Department"),
    ("gruenflaechen", "Referat Grünflächen", "Parks and Green Spaces Department"),
]

# slug, title de, title en, description de, description en, unit, status, topic, cost,
# district, lat, lon, process slug, participation de, participation en, timeline
PROJECTS = [
    {
        "slug": "umgestaltung-stiftsplatz",
        "title_de": "Umgestaltung des Stiftsplatzes",
        "title_en": "Redesign of Stiftsplatz square",
        "description_de": "Der Stiftsplatz soll mehr Schatten, Sitzplätze und Grün erhalten. "
        "Die Planung berücksichtigt Markttage und Veranstaltungen.",
        "description_en": "Stiftsplatz is to get more shade, seating and greenery. The plan "
        "keeps room for market days and events.",
        "unit": "stadtentwicklung",
        "status": ProjectStatus.PREPARING,
        "topic": Topic.URBAN_DEVELOPMENT,
        "cost": Decimal("2400000.00"),
        "district": "Innenstadt",
        "point": ("49.443700", "7.770000"),
        "process": "lebenswerte-innenstadt",
        "participation_de": "Ihre Ideen fließen über den Beteiligungsprozess „Lebenswerte "
        "Innenstadt“ in die Planung ein.",
        "participation_en": "Your ideas feed into the plan through the participation process "
        "“A liveable city centre”.",
        "timeline": [
            (-120, "Stadtratsbeschluss zur Vorplanung", "Council decision on preliminary design"),
            (-30, "Beginn der Bürgerbeteiligung", "Citizen participation begins"),
            (180, "Entwurfsplanung", "Design planning"),
            (420, "Baubeginn", "Start of construction"),
        ],
    },
    {
        "slug": "sanierung-fruchthalle",
        "title_de": "Energetische Sanierung der Fruchthalle",
        "title_en": "Energy refurbishment of the Fruchthalle",
        "description_de": "Dach, Fenster und Heizung der denkmalgeschützten Fruchthalle werden "
        "erneuert, um Energie zu sparen.",
        "description_en": "Roof, windows and heating of the listed Fruchthalle are renewed to "
        "save energy.",
        "unit": "stadtentwicklung",
        "status": ProjectStatus.IN_PROGRESS,
        "topic": Topic.CULTURE,
        "cost": Decimal("5800000.00"),
        "district": "Innenstadt",
        "point": ("49.442900", "7.768200"),
        "timeline": [
            (-400, "Förderbescheid", "Funding approved"),
            (-200, "Baubeginn", "Start of construction"),
            (300, "Wiedereröffnung", "Reopening"),
        ],
    },
    {
        "slug": "radweg-hohenecken-innenstadt",
        "title_de": "Radweg Hohenecken – Innenstadt",
        "title_en": "Cycle path Hohenecken – city centre",
        "description_de": "Ein durchgehender, beleuchteter Radweg soll Hohenecken mit der "
        "Innenstadt verbinden.",
        "description_en": "A continuous, lit cycle path is to connect Hohenecken with the city "
        "centre.",
        "unit": "tiefbau",
        "status": ProjectStatus.PLANNED,
        "topic": Topic.MOBILITY,
        "cost": Decimal("1350000.00"),
        "district": "Hohenecken",
        "point": ("49.418600", "7.704000"),
        "process": "radverkehr-2030",
        "timeline": [(90, "Variantenuntersuchung", "Study of route options")],
    },
    {
        "slug": "dorfplatz-dansenberg",
        "title_de": "Neugestaltung Dorfplatz Dansenberg",
        "title_en": "New village square for Dansenberg",
        "description_de": "Der Dorfplatz erhält einen barrierefreien Zugang, neue Bänke und "
        "einen Brunnen.",
        "description_en": "The village square gets step-free access, new benches and a fountain.",
        "unit": "gruenflaechen",
        "status": ProjectStatus.PLANNED,
        "topic": Topic.URBAN_DEVELOPMENT,
        "cost": Decimal("420000.00"),
        "district": "Dansenberg",
        "point": ("49.405900", "7.731400"),
        "participation_de": "Der Ortsbeirat Dansenberg lädt zu einer Ortsbegehung ein; der "
        "Termin wird hier veröffentlicht.",
        "participation_en": "The Dansenberg local council invites to a site walk; the date will "
        "be published here.",
        "timeline": [(60, "Ortsbegehung mit dem Ortsbeirat", "Site walk with the local council")],
    },
    {
        "slug": "sporthalle-siegelbach",
        "title_de": "Sanierung der Sporthalle Siegelbach",
        "title_en": "Refurbishment of the Siegelbach sports hall",
        "description_de": "Hallenboden, Umkleiden und Sanitäranlagen der Sporthalle werden "
        "saniert.",
        "description_en": "Floor, changing rooms and sanitary facilities of the sports hall are "
        "refurbished.",
        "unit": "schulen",
        "status": ProjectStatus.PREPARING,
        "topic": Topic.SPORTS,
        "cost": Decimal("980000.00"),
        "district": "Siegelbach",
        "point": ("49.467500", "7.691000"),
        "timeline": [(30, "Ausschreibung", "Invitation to tender"), (150, "Bauarbeiten", "Works")],
    },
    {
        "slug": "hochwasserschutz-erfenbach",
        "title_de": "Hochwasserschutz am Erfenbach",
        "title_en": "Flood protection along the Erfenbach",
        "description_de": "Rückhalteflächen und ein renaturierter Bachlauf sollen Starkregen "
        "auffangen.",
        "description_en": "Retention areas and a renaturalised stream are to absorb heavy rain.",
        "unit": "umweltschutz",
        "status": ProjectStatus.IN_PROGRESS,
        "topic": Topic.ENVIRONMENT,
        "cost": Decimal("2100000.00"),
        "district": "Erfenbach",
        "point": ("49.480600", "7.715100"),
        "timeline": [
            (-300, "Gutachten zum Starkregenrisiko", "Heavy-rain risk assessment"),
            (-40, "Baubeginn erster Abschnitt", "Works on the first section begin"),
        ],
    },
    {
        "slug": "kita-morlautern",
        "title_de": "Erweiterung der Kita Morlautern",
        "title_en": "Extension of the Morlautern day-care centre",
        "description_de": "Ein Anbau schafft zwei zusätzliche Gruppen für Kinder unter drei "
        "Jahren.",
        "description_en": "An extension creates two more groups for children under three.",
        "unit": "schulen",
        "status": ProjectStatus.PREPARING,
        "topic": Topic.EDUCATION,
        "cost": Decimal("1650000.00"),
        "district": "Morlautern",
        "point": ("49.467400", "7.760600"),
        "timeline": [(45, "Bauantrag", "Building application")],
    },
    {
        "slug": "breitband-moelschbach",
        "title_de": "Glasfaser für Mölschbach",
        "title_en": "Fibre broadband for Mölschbach",
        "description_de": "Alle Haushalte in Mölschbach sind an das Glasfasernetz angeschlossen.",
        "description_en": "Every household in Mölschbach is connected to the fibre network.",
        "unit": "ikt",
        "status": ProjectStatus.DONE,
        "topic": Topic.DIGITAL,
        "cost": Decimal("760000.00"),
        "district": "Mölschbach",
        "point": ("49.377500", "7.810800"),
        "timeline": [
            (-500, "Förderzusage", "Funding granted"),
            (-60, "Letzte Anschlüsse in Betrieb", "Last connections live"),
        ],
    },
    {
        "slug": "laermschutz-einsiedlerhof",
        "title_de": "Lärmschutz an der A 6 in Einsiedlerhof",
        "title_en": "Noise protection along the A 6 in Einsiedlerhof",
        "description_de": "Gemeinsam mit der Autobahn GmbH prüft die Stadt eine Lärmschutzwand.",
        "description_en": "Together with the federal motorway company the city examines a noise "
        "barrier.",
        "unit": "umweltschutz",
        "status": ProjectStatus.PLANNED,
        "topic": Topic.ENVIRONMENT,
        "cost": None,
        "district": "Einsiedlerhof",
        "point": ("49.434100", "7.671700"),
        "timeline": [(120, "Lärmmessung", "Noise measurement")],
    },
    {
        "slug": "bushaltestellen-erlenbach",
        "title_de": "Barrierefreie Bushaltestellen in Erlenbach",
        "title_en": "Step-free bus stops in Erlenbach",
        "description_de": "Vier Haltestellen erhalten Hochborde, Blindenleitsysteme und "
        "Wartehäuschen.",
        "description_en": "Four stops get raised kerbs, tactile guidance and shelters.",
        "unit": "tiefbau",
        "status": ProjectStatus.IN_PROGRESS,
        "topic": Topic.MOBILITY,
        "cost": Decimal("310000.00"),
        "district": "Erlenbach",
        "point": ("49.479500", "7.779200"),
        "process": "radverkehr-2030",
        "timeline": [(-20, "Umbau der ersten Haltestelle", "First stop rebuilt")],
    },
    {
        "slug": "spielplatz-erzhuetten",
        "title_de": "Neuer Spielplatz in Erzhütten",
        "title_en": "New playground in Erzhütten",
        "description_de": "Auf einer Brachfläche entsteht ein naturnaher Spielplatz.",
        "description_en": "A natural playground is built on a vacant plot.",
        "unit": "gruenflaechen",
        "status": ProjectStatus.PLANNED,
        "topic": Topic.SOCIAL,
        "cost": Decimal("260000.00"),
        "district": "Erzhütten / Wiesenthalerhof",
        "point": ("49.461400", "7.721700"),
        "process": "spielplatz-erzhuetten",
        "timeline": [(20, "Kinderbeteiligung", "Children's workshop")],
    },
    {
        "slug": "rathaus-digital",
        "title_de": "Rathaus digital: Dienste online",
        "title_en": "Digital town hall: services online",
        "description_de": "Hundesteuer, Kindergeld und weitere Anliegen können vollständig "
        "online erledigt werden.",
        "description_en": "Dog tax, child benefit and more can be handled entirely online.",
        "unit": "referat-digitalisierung",
        "status": ProjectStatus.IN_PROGRESS,
        "topic": Topic.DIGITAL,
        "cost": Decimal("1200000.00"),
        "district": "",
        "point": None,
        "timeline": [(-90, "Start der Plattform", "Platform launched")],
    },
]


def load_units() -> None:
    for slug, name_de, name_en in UNITS:
        OrgUnit.objects.update_or_create(
            slug=slug,
            defaults={
                "name_de": name_de,
                "name_en": name_en,
                "kind": UnitKind.DEPARTMENT,
                "handles_cases": False,
            },
        )


def load_projects() -> int:
    load_units()
    for data in PROJECTS:
        point = data.get("point")
        project, _ = Project.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title_de": data["title_de"],
                "title_en": data["title_en"],
                "description_de": data["description_de"],
                "description_en": data["description_en"],
                "participation_de": data.get("participation_de", ""),
                "participation_en": data.get("participation_en", ""),
                "responsible_unit": OrgUnit.objects.get(slug=data["unit"]),
                "status": data["status"],
                "topic": data["topic"],
                "cost": data["cost"],
                "district": data["district"],
                "latitude": Decimal(point[0]) if point else None,
                "longitude": Decimal(point[1]) if point else None,
                "process": Process.objects.filter(slug=data.get("process", "")).first(),
                "is_demo": True,
            },
        )
        for offset, title_de, title_en in data["timeline"]:
            TimelineEntry.objects.update_or_create(
                project=project,
                title_de=title_de,
                defaults={
                    "title_en": title_en,
                    "date": project.created_at.date() + datetime.timedelta(days=offset),
                },
            )
    return len(PROJECTS)
