"""A small form with a repeating group of children, for the engine's own tests.

(The demo child benefit form grew into KG 1 with "Anlage Kind"; these tests need a simple group.)
"""

from rathaus.eservices.demo_forms import APPLICANT, field, step

CHILDREN_FORM = {
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
