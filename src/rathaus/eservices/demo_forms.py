"""The forms of the demo services, as the data staff would build in the form builder."""

from __future__ import annotations

from pathlib import Path

from rathaus.eservices.definitions import for_city, read_definition


def t(de: str, en: str) -> dict:
    return {"de": de, "en": en}


def field(key: str, kind: str, de: str, en: str, **options) -> dict:
    data = {"key": key, "type": kind, "label": t(de, en)}
    help_text = options.pop("help", None)
    if help_text:
        data["help"] = t(*help_text)
    data.update(options)
    return data


def option(value: str, de: str, en: str) -> dict:
    return {"value": value, "label": t(de, en)}


def step(key: str, de: str, en: str, fields: list[dict], **options) -> dict:
    return {"key": key, "title": t(de, en), "fields": fields, **options}


# The applicant's own data, pre-filled from what an identity service verified (ADR 0111).
GIVEN_NAME = field(
    "given_name", "text", "Vorname", "Given name", required=True, prefill="person.given_name"
)
FAMILY_NAME = field(
    "family_name", "text", "Nachname", "Family name", required=True, prefill="person.family_name"
)
ADDRESS = field(
    "address", "address", "Anschrift", "Address", required=True, prefill="person.address"
)

APPLICANT = step(
    "applicant",
    "Angaben zur Person",
    "About you",
    [
        GIVEN_NAME,
        FAMILY_NAME,
        ADDRESS,
        field(
            "phone",
            "text",
            "Telefon für Rückfragen",
            "Phone for questions",
            help=("Freiwillig; hilft bei Rückfragen.", "Optional; helps if we have questions."),
        ),
    ],
)

DEMO_REQUEST = {
    "steps": [
        APPLICANT,
        step(
            "request",
            "Anliegen und Nachweis",
            "Request and proof",
            [
                field(
                    "topic",
                    "choice",
                    "Worum geht es?",
                    "What is it about?",
                    required=True,
                    options=[
                        option("proof", "Nachweis nachreichen", "Submit a proof"),
                        option("question", "Frage zu einem Bescheid", "Question about a notice"),
                    ],
                ),
                field(
                    "details",
                    "textarea",
                    "Ihr Anliegen",
                    "Your request",
                    required=True,
                    help=(
                        "Beschreiben Sie kurz, worum es geht.",
                        "Describe briefly what it is about.",
                    ),
                ),
                field(
                    "proof",
                    "file",
                    "Nachweis",
                    "Proof",
                    required=True,
                    accept=["pdf", "jpg", "png"],
                    max_size_mb=5,
                    help=("PDF, JPEG oder PNG, höchstens 5 MB.", "PDF, JPEG or PNG, at most 5 MB."),
                ),
            ],
        ),
    ],
    "rules": [],
}

# The flagship forms are product: they live as data files beside their domain. Tests and the demo
# read them under their old names, for the demo's city.
DEMO_CITY = "Kaiserslautern"
_DOGTAX = Path(__file__).parent.parent / "dogtax" / "service_definitions"
_CHILDBENEFIT = Path(__file__).parent.parent / "childbenefit" / "service_definitions"
DOG_REGISTRATION = for_city(read_definition(_DOGTAX, "hundesteuer-anmeldung")["form"], DEMO_CITY)
DOG_DEREGISTRATION = for_city(read_definition(_DOGTAX, "hundesteuer-abmeldung")["form"], DEMO_CITY)
DOG_TAG_LOST = for_city(read_definition(_DOGTAX, "hundesteuermarke-verloren")["form"], DEMO_CITY)
DOG_ADDRESS_CHANGE = for_city(
    read_definition(_DOGTAX, "hundesteuer-adressaenderung")["form"], DEMO_CITY
)
DOG_EXEMPTION = for_city(read_definition(_DOGTAX, "hundesteuer-befreiung")["form"], DEMO_CITY)
CHILD_BENEFIT = read_definition(_CHILDBENEFIT, "kindergeld")["form"]
CHILD_BENEFIT_CHANGE = read_definition(_CHILDBENEFIT, "kindergeld-aenderung")["form"]


RESIDENT_PARKING = {
    "steps": [
        APPLICANT,
        step(
            "vehicle",
            "Fahrzeug",
            "Vehicle",
            [
                field("plate", "text", "Kennzeichen", "Number plate", required=True, max_length=12),
                field(
                    "zone",
                    "choice",
                    "Bewohnerparkzone",
                    "Residents' parking zone",
                    required=True,
                    widget="select",
                    options=[option(code, f"Zone {code}", f"Zone {code}") for code in "ABCDEFGH"],
                ),
                field(
                    "registration",
                    "file",
                    "Zulassungsbescheinigung Teil I",
                    "Vehicle registration certificate part I",
                    required=True,
                ),
            ],
        ),
    ],
    "rules": [],
}

BULKY_WASTE = {
    "steps": [
        step(
            "pickup",
            "Abholung",
            "Pick-up",
            [
                field("address", "address", "Abholadresse", "Pick-up address", required=True),
                field(
                    "items",
                    "textarea",
                    "Was soll abgeholt werden?",
                    "What should be picked up?",
                    required=True,
                    help=(
                        "Zum Beispiel: 1 Sofa, 2 Stühle, 1 Schrank (zerlegt).",
                        "For example: 1 sofa, 2 chairs, 1 wardrobe (dismantled).",
                    ),
                ),
                field(
                    "volume",
                    "number",
                    "Ungefähre Menge in Kubikmetern",
                    "Approximate volume in cubic metres",
                    required=True,
                    min="0.5",
                    max="5",
                    decimals=1,
                ),
                field(
                    "wish_date",
                    "date",
                    "Wunschtermin (frühestens)",
                    "Preferred date (earliest)",
                    help=(
                        "Wir bestätigen den Termin per Nachricht.",
                        "We confirm the date by message.",
                    ),
                ),
            ],
        ),
    ],
    "rules": [],
}

REGISTRATION_CERTIFICATE = {
    "steps": [
        APPLICANT,
        step(
            "certificate",
            "Bescheinigung",
            "Certificate",
            [
                field(
                    "kind",
                    "choice",
                    "Art der Meldebescheinigung",
                    "Kind of certificate",
                    required=True,
                    options=[
                        option("simple", "Einfache Meldebescheinigung", "Simple certificate"),
                        option("extended", "Erweiterte Meldebescheinigung", "Extended certificate"),
                    ],
                ),
                field("purpose", "text", "Verwendungszweck", "Purpose", required=True),
            ],
        ),
    ],
    "rules": [],
}
