"""Demo catalogue: real services of the City of Kaiserslautern, each with its LeiKa key.

LeiKa keys: 99102013104000 (dog tax registration) is the one named in the domain notes; keys
marked "(confirm)" follow the catalogue's pattern or were seen in public code and must be
checked against the federal catalogue (FIM portal) before production use. Fees and processing
times are demo values "(confirm)" as well. Loading is idempotent: services are updated by their
slug, and a new form version is published only when the demo form changed.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from rathaus.eservices import demo_forms
from rathaus.eservices.models import FormVersion, LifeSituation, Service
from rathaus.eservices.selectors.catalogue import current_version
from rathaus.organization.models import OrgUnit

LIFE_SITUATIONS = [
    ("tiere", "Tiere", "Pets", 10),
    ("familie", "Familie und Kinder", "Family and children", 20),
    ("wohnen", "Wohnen und Umzug", "Housing and moving", 30),
    ("mobilitaet", "Mobilität und Verkehr", "Mobility and traffic", 40),
    ("abfall", "Abfall und Umwelt", "Waste and environment", 50),
    ("dokumente", "Ausweise und Bescheinigungen", "Documents and certificates", 60),
    ("arbeit", "Arbeit und Gewerbe", "Work and business", 70),
]

GENERIC_DEMO_SLUG = "demo-nachweis"

SERVICES = [
    {
        "slug": "hundesteuer-anmeldung",
        "leika": "99102013104000",
        "name": ("Hund anmelden (Hundesteuer)", "Register a dog (dog tax)"),
        "summary": (
            "Melden Sie Ihren Hund innerhalb von 14 Tagen zur Hundesteuer an.",
            "Register your dog for the dog tax within 14 days.",
        ),
        "description": (
            "Wer in Kaiserslautern einen Hund hält, zahlt Hundesteuer. Den Steuerbescheid und "
            "die Steuermarke erhalten Sie nach der Anmeldung.",
            "Everyone keeping a dog in Kaiserslautern pays dog tax. You receive the tax notice "
            "and the tax tag after registering.",
        ),
        "unit": "steueramt",
        "situations": ["tiere"],
        "fees": ("120 € im Jahr für den ersten Hund", "€120 a year for the first dog"),
        "documents": (
            "Bescheinigung des Tierheims, falls der Hund von dort stammt",
            "Certificate of the animal shelter if the dog comes from there",
        ),
        "maturity": 4,
        "form": demo_forms.DOG_REGISTRATION,
        "handler": "dogtax.registration",
        "retention_days": 10 * 365,
    },
    {
        "slug": "hundesteuer-abmeldung",
        "leika": "99102013105000",  # (confirm)
        "name": ("Hund abmelden (Hundesteuer)", "Deregister a dog (dog tax)"),
        "summary": (
            "Melden Sie Ihren Hund ab, wenn er gestorben ist, abgegeben wurde oder Sie wegziehen.",
            "Deregister your dog when it died, was given away or you move away.",
        ),
        "unit": "steueramt",
        "situations": ["tiere", "wohnen"],
        "fees": ("keine", "none"),
        "documents": ("Steuermarke (bitte zurückgeben)", "Tax tag (please return it)"),
        "maturity": 4,
        "form": demo_forms.DOG_DEREGISTRATION,
        "handler": "dogtax.deregistration",
        "retention_days": 10 * 365,
    },
    {
        "slug": "hundesteuermarke-verloren",
        "leika": "99102013106000",  # pattern of the dog-tax keys only (confirm)
        "name": ("Hundesteuermarke verloren", "Lost dog tax tag"),
        "summary": (
            "Sie erhalten eine neue Steuermarke; die alte Nummer wird ungültig.",
            "You receive a new tax tag; the old number becomes invalid.",
        ),
        "unit": "steueramt",
        "situations": ["tiere"],
        "fees": ("keine (confirm)", "none (confirm)"),
        "maturity": 4,
        "form": demo_forms.DOG_TAG_LOST,
        "handler": "dogtax.tag_lost",
        "retention_days": 10 * 365,
    },
    {
        "slug": "hundesteuer-adressaenderung",
        "leika": "99102013107000",  # pattern of the dog-tax keys only (confirm)
        "name": ("Neue Anschrift für die Hundesteuer", "New address for the dog tax"),
        "summary": (
            "Teilen Sie uns mit, wenn Sie innerhalb von Kaiserslautern umziehen.",
            "Tell us when you move within Kaiserslautern.",
        ),
        "unit": "steueramt",
        "situations": ["tiere", "wohnen"],
        "fees": ("keine", "none"),
        "maturity": 4,
        "form": demo_forms.DOG_ADDRESS_CHANGE,
        "handler": "dogtax.address_change",
        "retention_days": 10 * 365,
    },
    {
        "slug": "hundesteuer-befreiung",
        "leika": "99102013108000",  # pattern of the dog-tax keys only (confirm)
        "name": ("Befreiung von der Hundesteuer beantragen", "Apply for a dog tax exemption"),
        "summary": (
            "Für Hunde aus dem Tierheim Kaiserslautern, Assistenz- und Rettungshunde.",
            "For dogs from the Kaiserslautern shelter, assistance and rescue dogs.",
        ),
        "unit": "steueramt",
        "situations": ["tiere"],
        "fees": ("keine", "none"),
        "documents": (
            "Bescheinigung des Tierheims, Schwerbehindertenausweis oder Prüfungsnachweis",
            "Certificate of the shelter, disability card or test certificate",
        ),
        "maturity": 4,
        "form": demo_forms.DOG_EXEMPTION,
        "handler": "dogtax.exemption",
        "retention_days": 10 * 365,
    },
    {
        "slug": "kindergeld",
        "leika": "99041001000000",  # (confirm)
        "name": ("Kindergeld beantragen", "Apply for child benefit"),
        "summary": (
            "Kindergeld für Beschäftigte im öffentlichen Dienst der Stadt.",
            "Child benefit for public-service employees of the city.",
        ),
        "unit": "familienkasse",
        "situations": ["familie"],
        "fees": ("keine", "none"),
        "documents": (
            "Steuer-Identifikationsnummern von Ihnen und Ihren Kindern\n"
            "Ausbildungs- oder Schulbescheinigung für volljährige Kinder",
            "Tax identification numbers of you and your children\n"
            "Certificate of training or school for children of age",
        ),
        "maturity": 4,
        "form": demo_forms.CHILD_BENEFIT,
        "handler": "childbenefit.application",
        "retention_days": 10 * 365,
        "processing_days": 42,
    },
    {
        "slug": "kindergeld-aenderung",
        "leika": "99041002000000",  # (confirm)
        "name": ("Veränderungsmitteilung Kindergeld", "Report a change for child benefit"),
        "summary": (
            "Ausbildung beendet, Kind ausgezogen, neuer Zeitraum oder neues Konto mitteilen.",
            "Report finished training, a child who moved out, a new period or a new account.",
        ),
        "unit": "familienkasse",
        "situations": ["familie"],
        "fees": ("keine", "none"),
        "documents": (
            "Nachweis über den neuen Zeitraum (z. B. Studienbescheinigung)",
            "Evidence of the new period (e.g. certificate of enrolment)",
        ),
        "maturity": 4,
        "form": demo_forms.CHILD_BENEFIT_CHANGE,
        "handler": "childbenefit.change",
        "retention_days": 10 * 365,
        "processing_days": 28,
    },
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


def _publish_if_changed(service: Service, schema: dict) -> bool:
    latest = current_version(service)
    if latest is not None and latest.schema == schema:
        return False
    FormVersion.objects.create(
        service=service,
        number=(latest.number if latest else 0) + 1,
        schema=schema,
        published_at=timezone.now(),
    )
    return True


@transaction.atomic
def load(stdout=None) -> None:
    situations = {}
    for slug, name_de, name_en, order in LIFE_SITUATIONS:
        situations[slug], _ = LifeSituation.objects.update_or_create(
            slug=slug, defaults={"name_de": name_de, "name_en": name_en, "order": order}
        )
    published = 0
    for entry in SERVICES:
        form = entry.get("form")
        service, _ = Service.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "leika": entry["leika"],
                "name_de": entry["name"][0],
                "name_en": entry["name"][1],
                "summary_de": entry["summary"][0],
                "summary_en": entry["summary"][1],
                "description_de": entry.get("description", ("", ""))[0],
                "description_en": entry.get("description", ("", ""))[1],
                "unit": OrgUnit.objects.get(slug=entry["unit"]),
                "fees_de": entry["fees"][0],
                "fees_en": entry["fees"][1],
                "fee_amount": entry.get("fee_amount"),
                "documents_de": entry.get("documents", ("", ""))[0],
                "documents_en": entry.get("documents", ("", ""))[1],
                "ozg_maturity": entry["maturity"],
                "is_open": form is not None,
                "handler": entry.get("handler", ""),
                "outboxes": entry.get("outboxes", []),
                "processing_days": entry.get("processing_days", 30),
                "case_retention_days": entry.get("retention_days", 3 * 365),
                "form_working_copy": form or {"steps": [], "rules": []},
            },
        )
        service.life_situations.set([situations[slug] for slug in entry["situations"]])
        if form is not None:
            published += _publish_if_changed(service, form)
    if stdout:
        stdout.write(f"  eservices: {len(SERVICES)} services, {published} form versions published")
