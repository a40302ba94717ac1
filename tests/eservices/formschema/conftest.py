from datetime import date

import pytest

from rathaus.eservices.formschema import parse_schema

TODAY = date(2026, 3, 15)

MOVE_SCHEMA = {
    "steps": [
        {
            "key": "person",
            "title": {"de": "Person", "en": "Person"},
            "fields": [
                {
                    "key": "name",
                    "type": "text",
                    "required": True,
                    "label": {"de": "Name", "en": "Name"},
                },
                {
                    "key": "kind",
                    "type": "choice",
                    "required": True,
                    "label": {"de": "Anliegen", "en": "Request"},
                    "options": [
                        {"value": "register", "label": {"de": "Anmelden", "en": "Register"}},
                        {"value": "deregister", "label": {"de": "Abmelden", "en": "Deregister"}},
                    ],
                },
                {
                    "key": "reason",
                    "type": "text",
                    "required": True,
                    "label": {"de": "Grund", "en": "Reason"},
                    "show_if": {"field": "kind", "op": "equals", "value": "deregister"},
                },
            ],
        },
        {
            "key": "dates",
            "title": {"de": "Daten", "en": "Dates"},
            "show_if": {"field": "kind", "op": "equals", "value": "deregister"},
            "fields": [
                {
                    "key": "kept_since",
                    "type": "date",
                    "required": True,
                    "not_future": True,
                    "label": {"de": "Seit", "en": "Since"},
                },
                {
                    "key": "given_up_on",
                    "type": "date",
                    "required": True,
                    "label": {"de": "Bis", "en": "Until"},
                },
            ],
        },
        {
            "key": "family",
            "title": {"de": "Familie", "en": "Family"},
            "fields": [
                {
                    "key": "children",
                    "type": "repeat",
                    "min_items": 1,
                    "max_items": 3,
                    "required": True,
                    "label": {"de": "Kinder", "en": "Children"},
                    "fields": [
                        {
                            "key": "first_name",
                            "type": "text",
                            "required": True,
                            "label": {"de": "Vorname", "en": "First name"},
                        },
                        {
                            "key": "in_training",
                            "type": "checkbox",
                            "label": {"de": "In Ausbildung", "en": "In training"},
                        },
                        {
                            "key": "school",
                            "type": "text",
                            "required": True,
                            "label": {"de": "Schule", "en": "School"},
                            "show_if": {"field": "in_training", "op": "checked"},
                        },
                    ],
                },
                {"key": "iban", "type": "iban", "label": {"de": "IBAN", "en": "IBAN"}},
                {
                    "key": "tax_id",
                    "type": "steuer_id",
                    "label": {"de": "Steuer-ID", "en": "Tax ID"},
                },
            ],
        },
    ],
    "rules": [
        {
            "kind": "compare",
            "left": "given_up_on",
            "op": "ge",
            "right": {"field": "kept_since"},
            "message": {
                "de": "Das Ende liegt vor dem Beginn.",
                "en": "The end is before the start.",
            },
        }
    ],
}


@pytest.fixture
def schema():
    return parse_schema(MOVE_SCHEMA)
