"""The forms of the demo services, as the data staff would build in the form builder."""

from __future__ import annotations


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


APPLICANT = step(
    "applicant",
    "Angaben zur Person",
    "About you",
    [
        field("given_name", "text", "Vorname", "Given name", required=True),
        field("family_name", "text", "Nachname", "Family name", required=True),
        field("address", "address", "Anschrift", "Address", required=True),
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

EXEMPTION_OPTIONS = [
    option(
        "shelter", "Hund aus dem Tierheim Kaiserslautern", "Dog from the Kaiserslautern shelter"
    ),
    option(
        "assistance",
        "Assistenzhund (Schwerbehindertenausweis B, BL, aG, H oder Gl)",
        "Assistance dog (disability card B, BL, aG, H or Gl)",
    ),
    option(
        "rescue",
        "Rettungshund mit bestandener Prüfung im Einsatz",
        "Rescue dog with a passed test in active service",
    ),
]

EVIDENCE = field(
    "evidence",
    "file",
    "Nachweis für die Steuerbefreiung",
    "Evidence for the exemption",
    required=True,
    accept=["pdf", "jpg", "png"],
    max_size_mb=5,
    help=(
        "Bescheinigung des Tierheims, Schwerbehindertenausweis oder Prüfungsnachweis; "
        "PDF, JPEG oder PNG, höchstens 5 MB.",
        "Certificate of the shelter, disability card or test certificate; PDF, JPEG or PNG, "
        "at most 5 MB.",
    ),
)

TAG_NUMBER = field(
    "tag_number",
    "text",
    "Nummer der Steuermarke",
    "Tax tag number",
    required=True,
    max_length=20,
    help=(
        "Sie finden sie auf der Marke und im Steuerbescheid.",
        "You find it on the tag and in the tax notice.",
    ),
)

DOG_REGISTRATION = {
    "steps": [
        APPLICANT,
        step(
            "dog",
            "Angaben zum Hund",
            "About the dog",
            [
                field("dog_name", "text", "Name des Hundes", "Dog's name", required=True),
                field("breed", "text", "Rasse", "Breed", required=True),
                field(
                    "sex",
                    "choice",
                    "Geschlecht",
                    "Sex",
                    required=True,
                    options=[option("female", "Hündin", "female"), option("male", "Rüde", "male")],
                ),
                field(
                    "born_on",
                    "date",
                    "Geburtsdatum (auch geschätzt)",
                    "Date of birth (an estimate is fine)",
                    required=True,
                    not_future=True,
                ),
                field(
                    "kept_since",
                    "date",
                    "Im Haushalt seit",
                    "In the household since",
                    required=True,
                    not_future=True,
                    help=(
                        "Der Tag, an dem Sie den Hund aufgenommen haben oder zugezogen sind.",
                        "The day you took the dog in or moved here with it.",
                    ),
                ),
                field(
                    "exemption",
                    "choice",
                    "Beantragen Sie eine Steuerbefreiung?",
                    "Do you apply for an exemption from the tax?",
                    required=True,
                    widget="radio",
                    options=[option("none", "Nein", "No"), *EXEMPTION_OPTIONS],
                ),
                {
                    **EVIDENCE,
                    "show_if": {
                        "field": "exemption",
                        "op": "in",
                        "value": [item["value"] for item in EXEMPTION_OPTIONS],
                    },
                },
            ],
        ),
    ],
    "rules": [
        {
            "kind": "compare",
            "left": "kept_since",
            "op": "ge",
            "right": {"field": "born_on"},
            "message": t(
                "Der Hund kann nicht vor seiner Geburt aufgenommen worden sein.",
                "The dog cannot have been taken in before it was born.",
            ),
        }
    ],
}

DOG_DEREGISTRATION = {
    "steps": [
        APPLICANT,
        step(
            "dog",
            "Abmeldung",
            "Deregistration",
            [
                TAG_NUMBER,
                field(
                    "reason",
                    "choice",
                    "Grund",
                    "Reason",
                    required=True,
                    widget="radio",
                    options=[
                        option("died", "Der Hund ist gestorben", "The dog died"),
                        option("sold", "Verkauft", "Sold"),
                        option("given_away", "Abgegeben oder verschenkt", "Given away"),
                        option(
                            "moved", "Wegzug aus Kaiserslautern", "Moving away from Kaiserslautern"
                        ),
                    ],
                ),
                field(
                    "ended_on", "date", "Seit wann?", "Since when?", required=True, not_future=True
                ),
                field(
                    "new_keeper_name",
                    "text",
                    "Name der neuen Halterin oder des neuen Halters",
                    "Name of the new keeper",
                    required=True,
                    show_if={"field": "reason", "op": "in", "value": ["sold", "given_away"]},
                ),
                field(
                    "new_keeper",
                    "address",
                    "Anschrift der neuen Halterin oder des neuen Halters",
                    "Address of the new keeper",
                    required=True,
                    show_if={"field": "reason", "op": "in", "value": ["sold", "given_away"]},
                ),
            ],
        ),
    ],
    "rules": [],
}

DOG_TAG_LOST = {
    "steps": [
        APPLICANT,
        step(
            "tag",
            "Verlorene Steuermarke",
            "Lost tax tag",
            [
                TAG_NUMBER,
                field(
                    "lost_on",
                    "date",
                    "Wann haben Sie den Verlust bemerkt?",
                    "When did you notice the loss?",
                    not_future=True,
                ),
            ],
        ),
    ],
    "rules": [],
}

DOG_ADDRESS_CHANGE = {
    "steps": [
        APPLICANT,
        step(
            "move",
            "Neue Anschrift",
            "New address",
            [
                field(
                    "new_address",
                    "address",
                    "Neue Anschrift in Kaiserslautern",
                    "New address in Kaiserslautern",
                    required=True,
                    help=(
                        "Wenn Sie aus Kaiserslautern wegziehen, melden Sie Ihren Hund bitte ab.",
                        "If you move away from Kaiserslautern, please deregister your dog.",
                    ),
                ),
                field(
                    "moved_on",
                    "date",
                    "Umzugsdatum",
                    "Date of the move",
                    required=True,
                ),
            ],
        ),
    ],
    "rules": [],
}

DOG_EXEMPTION = {
    "steps": [
        APPLICANT,
        step(
            "exemption",
            "Steuerbefreiung",
            "Exemption",
            [
                TAG_NUMBER,
                field(
                    "exemption",
                    "choice",
                    "Welche Steuerbefreiung beantragen Sie?",
                    "Which exemption do you apply for?",
                    required=True,
                    widget="radio",
                    options=EXEMPTION_OPTIONS,
                ),
                EVIDENCE,
            ],
        ),
    ],
    "rules": [],
}

CHILD_BENEFIT = {
    "steps": [
        APPLICANT,
        step(
            "children",
            "Kinder",
            "Children",
            [
                field(
                    "children",
                    "repeat",
                    "Kinder",
                    "Children",
                    required=True,
                    min_items=1,
                    max_items=10,
                    fields=[
                        field("first_name", "text", "Vorname", "First name", required=True),
                        field(
                            "born_on",
                            "date",
                            "Geburtsdatum",
                            "Date of birth",
                            required=True,
                            not_future=True,
                        ),
                        field(
                            "tax_id",
                            "steuer_id",
                            "Steuer-Identifikationsnummer des Kindes",
                            "Child's tax identification number",
                            required=True,
                        ),
                        field(
                            "in_training",
                            "checkbox",
                            "Das Kind ist volljährig und in Ausbildung",
                            "The child is of age and in training",
                        ),
                    ],
                )
            ],
        ),
        step(
            "account",
            "Konto und Steuer-ID",
            "Account and tax ID",
            [
                field(
                    "tax_id",
                    "steuer_id",
                    "Ihre Steuer-Identifikationsnummer",
                    "Your tax identification number",
                    required=True,
                ),
                field(
                    "iban", "iban", "IBAN für die Auszahlung", "IBAN for the payment", required=True
                ),
                field(
                    "truthful",
                    "checkbox",
                    "Ich versichere, dass meine Angaben richtig und vollständig sind.",
                    "I confirm that my information is correct and complete.",
                    required=True,
                ),
            ],
        ),
    ],
    "rules": [],
}

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
