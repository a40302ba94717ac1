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

# The citizen chooses among the dogs registered for their household (the value is the dog's
# tax tag number); nothing to type, so no typo can reach the tax office.
TAG_NUMBER = field(
    "tag_number",
    "choice",
    "Hund",
    "Dog",
    required=True,
    widget="radio",
    choices_from="dogtax.own_dogs",
    help=(
        "Ihre angemeldeten Hunde mit der Nummer ihrer Steuermarke.",
        "Your registered dogs with the number of their tax tag.",
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

QUALIFYING_KINDS = [
    option("education", "Schul- oder Berufsausbildung, Studium", "School, training or university"),
    option("voluntary_service", "Freiwilligendienst", "Voluntary service"),
    option(
        "transition",
        "Übergangszeit (höchstens vier Monate)",
        "Transition period (at most four months)",
    ),
    option("no_training_place", "Ohne Ausbildungsplatz", "Without a training place"),
    option("job_seeking", "Arbeitsuchend gemeldet", "Registered as seeking work"),
    option("disabled", "Behinderung", "Disability"),
]
ADULT = {"field": "adult", "op": "checked"}
HAS_PARTNER = {"field": "has_partner", "op": "checked"}
SECOND_PERIOD = {"all": [ADULT, {"field": "period2_kind", "op": "filled"}]}


def _period(prefix: str, shown: dict, *, required: bool, number: str) -> list[dict]:
    """Kind, first and last day and the evidence of a qualifying period of a child of 18+."""
    kind = field(
        f"{prefix}kind",
        "choice",
        f"Was macht das Kind? ({number}. Zeitraum)",
        f"What does the child do? (period {number})",
        required=required,
        widget="select",
        options=QUALIFYING_KINDS,
        show_if=ADULT,
    )
    shown_after_kind = ADULT if required else shown
    return [
        kind,
        field(
            f"{prefix}from",
            "date",
            f"Beginn ({number}. Zeitraum)",
            f"From (period {number})",
            required=True,
            show_if=shown_after_kind,
        ),
        field(
            f"{prefix}to",
            "date",
            f"Ende ({number}. Zeitraum)",
            f"Until (period {number})",
            help=("Leer lassen, solange der Zeitraum andauert.", "Leave empty while it lasts."),
            show_if=shown_after_kind,
        ),
        field(
            "evidence" if required else "evidence2",
            "file",
            f"Nachweis ({number}. Zeitraum)",
            f"Evidence (period {number})",
            help=(
                "Schul- oder Studienbescheinigung, Ausbildungsvertrag o. Ä. (PDF, JPG, PNG)",
                "Certificate of school or university, training contract or similar (PDF, JPG, PNG)",
            ),
            required=True,
            max_size_mb=5,
            show_if=shown_after_kind,
        ),
    ]


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
        step(
            "applicant",
            "Antragsteller (KG 1)",
            "Applicant (KG 1)",
            [
                GIVEN_NAME,
                FAMILY_NAME,
                field(
                    "born_on",
                    "date",
                    "Geburtsdatum",
                    "Date of birth",
                    required=True,
                    not_future=True,
                    prefill="person.birth_date",
                ),
                field(
                    "tax_id",
                    "steuer_id",
                    "Ihre Steuer-Identifikationsnummer",
                    "Your tax identification number",
                    required=True,
                    help=("Elf Ziffern, z. B. 36574261809", "Eleven digits, e.g. 36574261809"),
                ),
                ADDRESS,
                field(
                    "phone",
                    "text",
                    "Telefon für Rückfragen",
                    "Phone for questions",
                    help=(
                        "Freiwillig; hilft bei Rückfragen.",
                        "Optional; helps if we have questions.",
                    ),
                ),
            ],
        ),
        step(
            "partner",
            "Ehegatte, Partner oder anderer Elternteil",
            "Spouse, partner or other parent",
            [
                field(
                    "has_partner",
                    "checkbox",
                    "Es gibt einen Ehegatten, Partner oder anderen Elternteil.",
                    "There is a spouse, partner or other parent.",
                ),
                field(
                    "partner_given_name",
                    "text",
                    "Vorname",
                    "Given name",
                    required=True,
                    show_if=HAS_PARTNER,
                ),
                field(
                    "partner_family_name",
                    "text",
                    "Nachname",
                    "Family name",
                    required=True,
                    show_if=HAS_PARTNER,
                ),
                field(
                    "partner_born_on",
                    "date",
                    "Geburtsdatum",
                    "Date of birth",
                    not_future=True,
                    show_if=HAS_PARTNER,
                ),
                field(
                    "partner_tax_id",
                    "steuer_id",
                    "Steuer-Identifikationsnummer",
                    "Tax identification number",
                    show_if=HAS_PARTNER,
                ),
                field(
                    "partner_same_household",
                    "checkbox",
                    "Wir leben in einem gemeinsamen Haushalt.",
                    "We live in the same household.",
                    show_if=HAS_PARTNER,
                ),
                field(
                    "nomination_consent",
                    "checkbox",
                    "Der andere Elternteil ist einverstanden, dass ich das Kindergeld erhalte.",
                    "The other parent agrees that I receive the child benefit.",
                    required=True,
                    show_if={"field": "partner_same_household", "op": "checked"},
                ),
                field(
                    "nomination_consent_name",
                    "text",
                    "Name des zustimmenden Elternteils",
                    "Name of the parent who agrees",
                    required=True,
                    show_if={"field": "partner_same_household", "op": "checked"},
                ),
            ],
        ),
        step(
            "children",
            "Kinder (Anlage Kind)",
            "Children (Anlage Kind)",
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
                        field("family_name", "text", "Nachname", "Family name", required=True),
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
                            "relationship",
                            "choice",
                            "Verhältnis zu Ihnen",
                            "Relationship to you",
                            required=True,
                            widget="select",
                            options=[
                                option("own", "Leibliches Kind", "Own child"),
                                option("adopted", "Adoptivkind", "Adopted child"),
                                option("step", "Stiefkind", "Stepchild"),
                                option("grandchild", "Enkelkind", "Grandchild"),
                                option("foster", "Pflegekind", "Foster child"),
                            ],
                        ),
                        field(
                            "in_household",
                            "checkbox",
                            "Das Kind lebt in meinem Haushalt.",
                            "The child lives in my household.",
                        ),
                        field(
                            "adult",
                            "checkbox",
                            "Das Kind ist 18 Jahre oder älter.",
                            "The child is 18 or older.",
                        ),
                        *_period("period_", ADULT, required=True, number="1"),
                        *_period("period2_", SECOND_PERIOD, required=False, number="2"),
                    ],
                )
            ],
        ),
        step(
            "account",
            "Auszahlung und Erklärung",
            "Payment and declaration",
            [
                field(
                    "iban", "iban", "IBAN für die Auszahlung", "IBAN for the payment", required=True
                ),
                field(
                    "account_holder",
                    "text",
                    "Kontoinhaber",
                    "Account holder",
                    help=(
                        "Nur angeben, wenn Sie es nicht selbst sind.",
                        "Only if it is not you.",
                    ),
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

_KG_STEPS = {item["key"]: item for item in CHILD_BENEFIT["steps"]}

CHILD_BENEFIT_CHANGE = {
    "steps": [
        step(
            "applicant",
            "Angaben zur Person",
            "About you",
            [
                item
                for item in _KG_STEPS["applicant"]["fields"]
                if item["key"] in ("given_name", "family_name", "tax_id", "address")
            ],
        ),
        step(
            "change",
            "Was hat sich geändert?",
            "What has changed?",
            [
                field(
                    "change_kind",
                    "choice",
                    "Art der Änderung",
                    "Kind of change",
                    required=True,
                    options=[
                        option(
                            "training_finished",
                            "Ausbildung oder Studium beendet",
                            "Training or studies finished",
                        ),
                        option("moved_out", "Kind ist ausgezogen", "The child moved out"),
                        option("new_period", "Neuer Zeitraum (z. B. Studium)", "A new period"),
                        option("other", "Sonstiges", "Something else"),
                    ],
                ),
                field(
                    "effective_on",
                    "date",
                    "Seit wann?",
                    "Since when?",
                    required=True,
                ),
                field(
                    "earlier_reference",
                    "text",
                    "Aktenzeichen Ihres Kindergeldbescheids",
                    "Reference of your child benefit notice",
                    max_length=20,
                ),
                field("details", "textarea", "Erläuterung", "Explanation"),
            ],
        ),
        step(
            "children",
            "Kinder: aktuelle Angaben",
            "Children: current details",
            _KG_STEPS["children"]["fields"],
            intro=t(
                "Geben Sie jedes betroffene Kind mit dem neuen Stand an.",
                "Give every child concerned with the new details.",
            ),
        ),
        step(
            "account",
            "Konto und Erklärung",
            "Account and declaration",
            [
                field(
                    "iban",
                    "iban",
                    "Neue IBAN (nur bei Kontowechsel)",
                    "New IBAN (only if the account changed)",
                ),
                _KG_STEPS["account"]["fields"][2],
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
