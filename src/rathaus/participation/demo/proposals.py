"""Demo proposals, comments and supports (fictitious) for the demo processes."""

from __future__ import annotations

# title, text, category slug, district, (lat, lon) or None, place, author index, days ago
INNENSTADT = [
    (
        "Mehr Bäume auf dem Stiftsplatz",
        "Im Sommer ist der Stiftsplatz kaum auszuhalten. "
        "Großkronige Bäume würden Schatten spenden und die Luft kühlen.",
        "gruen",
        "Innenstadt",
        ("49.443700", "7.770000"),
        "Stiftsplatz",
        0,
        28,
    ),
    (
        "Trinkbrunnen in der Fußgängerzone",
        "Ein oder zwei Trinkbrunnen in der Fackelstraße wären "
        "an heißen Tagen eine große Hilfe, besonders für Ältere und Kinder.",
        "aufenthalt",
        "Innenstadt",
        ("49.444600", "7.766500"),
        "Fackelstraße",
        2,
        27,
    ),
    (
        "Fahrradstellplätze am Hauptbahnhof",
        "Die Stellplätze am Hauptbahnhof sind jeden Morgen "
        "voll. Ein überdachtes Fahrradparkhaus würde das Pendeln erleichtern.",
        "verkehr",
        "Innenstadt",
        ("49.436600", "7.768100"),
        "Hauptbahnhof, Vorplatz",
        3,
        26,
    ),
    (
        "Sitzbänke mit Lehne in der Marktstraße",
        "Zum Ausruhen fehlen Bänke mit Rücken- und "
        "Armlehnen, die auch ältere Menschen gut nutzen können.",
        "aufenthalt",
        "Innenstadt",
        None,
        "Marktstraße",
        4,
        25,
    ),
    (
        "Sichere Radroute zur Universität",
        "Zwischen Innenstadt und Campus fehlt eine "
        "durchgehende, sichere Radroute. Viele Studierende fahren auf der Straße.",
        "verkehr",
        "Innenstadt",
        ("49.424000", "7.753000"),
        "Campus der RPTU",
        5,
        24,
    ),
    (
        "Öffentliche Toiletten am Rathaus",
        "Rund um das Rathaus gibt es keine öffentlich zugänglichen, barrierefreien Toiletten.",
        "aufenthalt",
        "Innenstadt",
        ("49.444700", "7.769200"),
        "Willy-Brandt-Platz",
        6,
        23,
    ),
    (
        "Bessere Beleuchtung im Volkspark",
        "Abends ist der Weg durch den Volkspark sehr dunkel. "
        "Sparsame LED-Leuchten würden das Sicherheitsgefühl stärken.",
        "gruen",
        "Innenstadt",
        ("49.450500", "7.763500"),
        "Volkspark, Hauptweg",
        7,
        22,
    ),
    (
        "Wasserspielplatz im Stadtpark",
        "Ein kleiner Wasserspielplatz würde den Stadtpark für "
        "Familien im Sommer attraktiver machen.",
        "gruen",
        "Innenstadt",
        ("49.441300", "7.773500"),
        "Stadtpark",
        8,
        21,
    ),
    (
        "Kulturabende auf dem Schillerplatz",
        "Im Sommer könnten lokale Bands und Theatergruppen "
        "an Freitagabenden auf dem Schillerplatz auftreten.",
        "kultur",
        "Innenstadt",
        ("49.443200", "7.770700"),
        "Schillerplatz",
        9,
        20,
    ),
    (
        "Tempo 30 vor der Grundschule",
        "Vor der Grundschule in der Innenstadt fahren Autos oft zu "
        "schnell. Tempo 30 und ein Zebrastreifen würden die Kinder schützen.",
        "verkehr",
        "Innenstadt",
        None,
        "",
        10,
        19,
    ),
    (
        "Grünes Band durch das Pfaff-Quartier",
        "Ein durchgehender Grünzug vom Pfaff-Quartier zur "
        "Innenstadt würde Wege für Fußgänger und Radfahrer verbinden.",
        "gruen",
        "Innenstadt",
        ("49.447600", "7.751000"),
        "Pfaff-Quartier",
        11,
        18,
    ),
    (
        "Leerstände für Kunst öffnen",
        "Leere Ladenlokale könnten zeitweise Künstlerinnen und "
        "Künstlern als Ateliers und Galerien zur Verfügung stehen.",
        "kultur",
        "Innenstadt",
        None,
        "",
        0,
        17,
    ),
    (
        "More English signs in the city centre",
        "Many members of the US community visit the "
        "city centre. Bilingual signs at the main sights would help them find their way.",
        "kultur",
        "Innenstadt",
        None,
        "",
        1,
        16,
    ),
    (
        "Regenwasser für Stadtbäume nutzen",
        "Zisternen unter Plätzen könnten Regenwasser sammeln, "
        "um Stadtbäume in Trockenzeiten zu gießen.",
        "gruen",
        "Innenstadt",
        None,
        "",
        2,
        15,
    ),
    (
        "Fahrradstraße in der Lauterstraße",
        "Die Lauterstraße eignet sich als Fahrradstraße und "
        "würde eine ruhige Nord-Süd-Verbindung schaffen.",
        "verkehr",
        "Innenstadt",
        ("49.447000", "7.764000"),
        "Lauterstraße",
        3,
        14,
    ),
    (
        "Spielgeräte am Stiftsplatz",
        "Ein paar Spielgeräte würden Familien einladen, länger in der Innenstadt zu bleiben.",
        "aufenthalt",
        "Innenstadt",
        ("49.443800", "7.769800"),
        "Stiftsplatz, Nordseite",
        4,
        13,
    ),
    (
        "Kostenloses WLAN in der Fußgängerzone",
        "Öffentliches WLAN würde Besucherinnen und Besuchern sowie dem Handel helfen.",
        "aufenthalt",
        "Innenstadt",
        None,
        "",
        5,
        12,
    ),
    (
        "Nachtbus am Wochenende",
        "Am Wochenende fehlt nach Mitternacht eine Busverbindung aus "
        "der Innenstadt in die Ortsbezirke.",
        "verkehr",
        "",
        None,
        "",
        6,
        11,
    ),
    (
        "Open-Air-Kino im Sommer",
        "Ein Open-Air-Kino im Innenhof der Kammgarn würde ein "
        "Publikum aller Altersgruppen anziehen.",
        "kultur",
        "Innenstadt",
        ("49.441600", "7.763000"),
        "Kammgarn, Innenhof",
        7,
        10,
    ),
    (
        "Blühstreifen statt Rasen",
        "Öffentliche Rasenflächen könnten in Blühwiesen für Insekten umgewandelt werden.",
        "gruen",
        "",
        None,
        "",
        8,
        9,
    ),
    (
        "Barrierefreie Wege zur Gartenschau",
        "Der Weg von der Innenstadt zum Gartenschau-Gelände "
        "hat hohe Bordsteine, die für Rollstühle ein Hindernis sind.",
        "verkehr",
        "Innenstadt",
        ("49.446600", "7.756100"),
        "Zugang Gartenschau",
        9,
        8,
    ),
    (
        "Wochenmarkt auch am Abend",
        "Ein Abendmarkt einmal im Monat würde Berufstätigen den "
        "Einkauf regionaler Produkte ermöglichen.",
        "kultur",
        "Innenstadt",
        None,
        "Stiftsplatz",
        10,
        7,
    ),
    (
        "Schattensegel über der Fackelstraße",
        "Bis die Bäume groß sind, könnten Schattensegel die Fußgängerzone kühlen.",
        "aufenthalt",
        "Innenstadt",
        ("49.444500", "7.766800"),
        "Fackelstraße",
        11,
        5,
    ),
    (
        "Repair-Café in der Stadtbibliothek",
        "Ein regelmäßiges Repair-Café würde Müll vermeiden und Nachbarn zusammenbringen.",
        "kultur",
        "Innenstadt",
        None,
        "Stadtbibliothek",
        0,
        3,
    ),
]

RADVERKEHR = [
    (
        "Radweg entlang der Lauter",
        "Ein Radweg entlang der Lauter würde Hohenecken, die Innenstadt und Siegelbach verbinden.",
        "",
        "Hohenecken",
        ("49.418600", "7.704000"),
        "Lautertal",
        2,
        160,
    ),
    (
        "Fahrradbügel am Betzenberg",
        "Bei Heimspielen fehlen am Stadion sichere Abstellplätze.",
        "",
        "Innenstadt",
        ("49.434600", "7.776400"),
        "Fritz-Walter-Stadion",
        3,
        150,
    ),
    (
        "Radweg nach Erfenbach beleuchten",
        "Der Radweg nach Erfenbach ist abends unbeleuchtet.",
        "",
        "Erfenbach",
        ("49.480600", "7.715100"),
        "",
        5,
        140,
    ),
    (
        "Mobilitätsstation in Morlautern",
        "Leihräder und Carsharing an der Bushaltestelle würden den Umstieg erleichtern.",
        "",
        "Morlautern",
        ("49.467400", "7.760600"),
        "",
        6,
        130,
    ),
]

# Answers of the city for the finished process: (proposal index, status, text de).
RADVERKEHR_ANSWERS = [
    (
        0,
        "accepted",
        "Der Lückenschluss zwischen Hohenecken und der Innenstadt ist in die "
        "Vorhabenliste aufgenommen (Radweg Hohenecken – Innenstadt).",
    ),
    (
        1,
        "accepted",
        "Zum Beginn der nächsten Saison werden 80 zusätzliche Fahrradbügel aufgestellt.",
    ),
    (
        2,
        "not_feasible",
        "Der Weg führt durch ein Landschaftsschutzgebiet; eine dauerhafte "
        "Beleuchtung ist dort nicht zulässig. Wir prüfen reflektierende Markierungen.",
    ),
    (3, "under_review", "Die Stadtwerke prüfen den Standort gemeinsam mit dem Ortsbeirat."),
]

INNENSTADT_ANSWERS = [
    (
        1,
        "under_review",
        "Das Referat Grünflächen prüft mögliche Standorte mit Trinkwasseranschluss.",
    ),
    (
        2,
        "accepted",
        "Ein Fahrradparkhaus am Hauptbahnhof ist für den kommenden Haushalt angemeldet.",
    ),
]

COMMENTS = [
    "Gute Idee, das unterstütze ich.",
    "Wer soll das bezahlen? Ich fände eine günstigere Lösung besser.",
    "In anderen Städten funktioniert das sehr gut, zum Beispiel in Freiburg.",
    "Bitte auch an die Barrierefreiheit denken.",
    "Das betrifft auch die Ortsbezirke, nicht nur die Innenstadt.",
    "Ich wohne in der Nähe und würde mich sehr darüber freuen.",
]

REPLIES = [
    "Da stimme ich zu.",
    "Die Kosten wären überschaubar, wenn man es schrittweise umsetzt.",
    "Guter Hinweis, danke!",
]

PARTICIPANTS = [
    "Lauterbiber",
    "Betze-Fan",
    "Pfälzerwald",
    "Kammgarn-Kind",
    "Gartenschau",
    "Radlerin-KL",
    "Stiftsplatz",
    "Volkspark-Läufer",
    "Humbergturm",
    "Barbarossa",
    "Fruchthalle",
    "Waschmühle",
]
