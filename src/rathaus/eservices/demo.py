"""Demo catalogue: real services of the City of Kaiserslautern, each with its LeiKa key.

The flagship services (dog tax, child benefit) are not here: they are product, defined in the
`service_definitions/` folders of their domains and installed by `manage.py install_services`,
which `load_demo` runs first.

LeiKa keys: 99102013104000 (dog tax registration) is the one named in the domain notes; keys
marked "(confirm)" follow the catalogue's pattern or were seen in public code and must be
checked against the federal catalogue (FIM portal) before production use. Fees and processing
times are demo values "(confirm)" as well. Loading is idempotent, by the rules of
`rathaus.eservices.definitions`: a missing service is created, a new form version is published
only when the demo form changed and nobody published one in the form builder.
"""

from __future__ import annotations

from decimal import Decimal

from rathaus.eservices import demo_forms
from rathaus.eservices.definitions import services_install

GENERIC_DEMO_SLUG = "demo-nachweis"

SERVICES = [
    {
        "slug": "bewohnerparkausweis",
        "leika": "99108001001000",  # seen in public code (confirm)
        "name": ("Bewohnerparkausweis beantragen", "Apply for a residents' parking permit"),
        "summary": (
            "Parken in Ihrer Bewohnerparkzone ohne Parkschein.",
            "Park in your residents' parking zone without a ticket.",
        ),
        "unit": "buergercenter",
        "situations": ["mobilitaet", "wohnen"],
        "fees": ("30,70 € für ein Jahr (confirm)", "€30.70 for one year (confirm)"),
        "fee_amount": Decimal("30.70"),
        "documents": ("Zulassungsbescheinigung Teil I", "Vehicle registration certificate part I"),
        "maturity": 4,
        "form": demo_forms.RESIDENT_PARKING,
    },
    {
        "slug": "sperrmuell",
        "leika": "99109001032000",  # (confirm)
        "name": ("Sperrmüllabholung anmelden", "Book a bulky-waste pick-up"),
        "summary": (
            "Lassen Sie Möbel und große Gegenstände vor Ihrem Haus abholen.",
            "Have furniture and large items picked up in front of your house.",
        ),
        "unit": "buergercenter",
        "situations": ["abfall", "wohnen"],
        "fees": ("zweimal im Jahr kostenfrei (confirm)", "free twice a year (confirm)"),
        "maturity": 3,
        "form": demo_forms.BULKY_WASTE,
        "processing_days": 14,
        "retention_days": 365,
    },
    {
        "slug": "meldebescheinigung",
        "leika": "99115006000000",  # (confirm)
        "name": ("Meldebescheinigung beantragen", "Apply for a certificate of registration"),
        "summary": (
            "Bescheinigung über Ihre Wohnung, zum Beispiel für Behörden oder Arbeitgeber.",
            "A certificate of your residence, for example for authorities or employers.",
        ),
        "unit": "buergercenter",
        "situations": ["dokumente", "wohnen"],
        "fees": ("10 € (confirm)", "€10 (confirm)"),
        "fee_amount": Decimal("10.00"),
        "maturity": 4,
        "form": demo_forms.REGISTRATION_CERTIFICATE,
        "processing_days": 7,
    },
    {
        "slug": "gewerbeanmeldung",
        "leika": "99050012104000",  # seen in public code (confirm)
        "name": ("Gewerbe anmelden", "Register a business"),
        "summary": (
            "Anmeldung eines Gewerbes in Kaiserslautern.",
            "Registering a business in Kaiserslautern.",
        ),
        "unit": "buergercenter",
        "situations": ["arbeit"],
        "fees": ("26 € (confirm)", "€26 (confirm)"),
        "maturity": 2,
    },
    {
        "slug": "fuehrungszeugnis",
        "leika": "99049001001000",  # seen in public code (confirm)
        "name": ("Führungszeugnis beantragen", "Apply for a certificate of good conduct"),
        "summary": (
            "Das Bundesamt für Justiz stellt es aus; beantragen können Sie es im Bürgercenter.",
            "Issued by the Federal Office of Justice; apply at the Citizens' Service Centre.",
        ),
        "unit": "buergercenter",
        "situations": ["dokumente", "arbeit"],
        "fees": ("13 €", "€13"),
        "maturity": 1,
    },
    {
        "slug": "geburtsurkunde",
        "leika": "99027002012000",  # seen in public code (confirm)
        "name": ("Geburtsurkunde beantragen", "Apply for a birth certificate"),
        "summary": (
            "Urkunde für Geburten, die in Kaiserslautern beurkundet wurden.",
            "Certificate for births registered in Kaiserslautern.",
        ),
        "unit": "buergercenter",
        "situations": ["familie", "dokumente"],
        "fees": ("12 € (confirm)", "€12 (confirm)"),
        "maturity": 2,
    },
    {
        "slug": "zweitwohnungsteuer",
        "leika": "99102020104000",  # (confirm)
        "name": (
            "Zweitwohnung anmelden (Zweitwohnungsteuer)",
            "Declare a second home (second-home tax)",
        ),
        "summary": (
            "Wer in Kaiserslautern eine Nebenwohnung hat, zahlt Zweitwohnungsteuer.",
            "Whoever has a secondary residence in Kaiserslautern pays second-home tax.",
        ),
        "unit": "steueramt",
        "situations": ["wohnen"],
        "fees": ("keine", "none"),
        "maturity": 1,
        "retention_days": 10 * 365,
    },
    {
        "slug": GENERIC_DEMO_SLUG,
        "leika": "99000000000001",  # demo key, not in the federal catalogue
        "name": ("Nachweis einreichen (Demo)", "Submit a proof (demo)"),
        "summary": (
            "Ein allgemeiner Demo-Antrag mit zwei Schritten und einem Nachweis.",
            "A general demo application with two steps and a proof.",
        ),
        "unit": "steueramt",
        "situations": ["dokumente"],
        "fees": ("keine", "none"),
        "maturity": 4,
        "form": demo_forms.DEMO_REQUEST,
        "outboxes": ["folder"],
    },
]


def _definition(entry: dict) -> dict:
    """A demo entry in the format of the services' definition files."""
    definition = {
        "slug": entry["slug"],
        "leika": entry["leika"],
        "unit": entry["unit"],
        "life_situations": entry["situations"],
        "ozg_maturity": entry["maturity"],
        "handler": entry.get("handler", ""),
        "outboxes": entry.get("outboxes", []),
        "processing_days": entry.get("processing_days", 30),
        "case_retention_days": entry.get("retention_days", 3 * 365),
        "fee_amount": entry.get("fee_amount"),
        "form": entry.get("form"),
    }
    for name in ("name", "summary", "description", "fees", "documents"):
        de, en = entry.get(name, ("", ""))
        definition[name] = {"de": de, "en": en}
    return definition


def load(stdout=None) -> None:
    """The demo services beside the installed flagship services (`install_services`)."""
    done = services_install([_definition(entry) for entry in SERVICES])
    if stdout:
        stdout.write(f"  eservices (demo services): {done}")
