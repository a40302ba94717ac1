"""The field-type registry: every kind has one class, and a domain can add its own."""

import re
from datetime import date

import pytest
from django import forms
from django.utils import translation

from rathaus.eservices import fieldtypes
from rathaus.eservices.builder_forms import FieldEditForm
from rathaus.eservices.formschema import SchemaError, field_kinds, parse_schema, validate_answers
from rathaus.eservices.formschema import fieldtypes as core_registry
from rathaus.eservices.formschema.values import Issue
from rathaus.eservices.stepforms import StepForm
from rathaus.eservices.summary import summary_pairs

PLATE = re.compile(r"^[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} \d{1,4}$")


class LicencePlateType(fieldtypes.FieldType):
    """A type a domain might register: a German number plate, shown with a non-breaking space."""

    kind = "licence_plate"
    label = "Number plate"

    def check(self, field, raw, *, path, today):
        value = str(raw).strip().upper()
        if not PLATE.match(value):
            return value, Issue(path, "invalid_plate")
        return value, None

    def form_field(self, item, *, language, uploaded=None):
        return forms.CharField(max_length=12, label=item.label_in(language), required=item.required)

    def display(self, item, value, language):
        return value.replace(" ", "\u00a0")


@pytest.fixture
def plate_type(monkeypatch):
    monkeypatch.setattr(core_registry, "_TYPES", dict(core_registry._TYPES))
    fieldtypes.register_field_type(LicencePlateType)
    return LicencePlateType


SCHEMA = {
    "steps": [
        {
            "key": "car",
            "title": "Car",
            "fields": [{"key": "plate", "type": "licence_plate", "required": True}],
        }
    ]
}


def test_every_built_in_kind_has_a_django_side_and_a_builder_label():
    kinds = field_kinds()

    assert kinds == (
        "text",
        "textarea",
        "number",
        "date",
        "choice",
        "checkbox",
        "address",
        "iban",
        "steuer_id",
        "file",
        "repeat",
    )
    assert "repeat" not in field_kinds(in_group=True)
    assert all(fieldtypes.field_type(kind).label for kind in kinds)


def test_an_unknown_kind_is_refused_by_the_schema():
    with pytest.raises(SchemaError):
        parse_schema(SCHEMA)


@pytest.mark.django_db
def test_a_type_registered_by_a_domain_is_built_checked_shown_and_offered(plate_type):
    schema = parse_schema(SCHEMA)
    step = schema.step("car")

    form = StepForm({"plate": "kl-ab 123"}, {}, schema=schema, step=step, answers={})
    assert form.is_valid()
    values = form.apply_core_validation({})
    assert values == {"plate": "KL-AB 123"}
    assert not form.has_errors()

    wrong = StepForm({"plate": "nonsense"}, {}, schema=schema, step=step, answers={})
    wrong.is_valid()
    wrong.apply_core_validation({})
    assert "plate" in wrong.errors

    _, issues = validate_answers(schema, {"plate": "KL-AB 123"}, today=date(2026, 1, 1))
    assert issues == []
    with translation.override("en"):
        assert summary_pairs(schema, {"plate": "KL-AB 123"}) == [("plate", "KL-AB\u00a0123")]
    assert ("licence_plate", "Number plate") in FieldEditForm().fields["type"].choices
