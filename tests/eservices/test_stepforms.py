import pytest
from django.utils import translation

from rathaus.eservices.demo_forms import DOG_REGISTRATION
from rathaus.eservices.formschema import parse_schema
from rathaus.eservices.stepforms import StepForm
from tests.eservices.children_form import CHILDREN_FORM as CHILD_BENEFIT

pytestmark = pytest.mark.django_db


def form_for(schema_data, step_key, data=None, files=None, answers=None):
    schema = parse_schema(schema_data)
    step = schema.step(step_key)
    if data is None:
        return StepForm(schema=schema, step=step, answers=answers or {})
    return StepForm(data, files or {}, schema=schema, step=step, answers=answers or {})


def children_data(*entries, **extra):
    data = {"children-TOTAL_FORMS": str(len(entries)), "children-INITIAL_FORMS": "0"}
    for index, entry in enumerate(entries):
        for key, value in entry.items():
            data[f"children-{index}-{key}"] = value
    return data | extra


DOG = {
    "dog_name": "Bello",
    "breed": "Mischling",
    "sex": "male",
    "born_on": "2020-01-01",
    "kept_since": "2024-05-10",
}


def test_a_field_hidden_by_an_answer_on_the_same_step_is_not_required():
    form = form_for(DOG_REGISTRATION, "dog", {**DOG, "exemption": "none"})

    assert form.is_valid()
    assert form.apply_core_validation({})["exemption"] == "none"
    assert not form.has_errors()


def test_a_field_shown_by_an_answer_on_the_same_step_is_required_and_checked():
    form = form_for(DOG_REGISTRATION, "dog", {**DOG, "exemption": "shelter"})

    form.is_valid()
    form.apply_core_validation({})

    assert "evidence" in form.errors


def test_an_iban_is_checked():
    form = form_for(CHILD_BENEFIT, "account", {"tax_id": "86095742719", "iban": "DE00 1234"})

    form.is_valid()
    form.apply_core_validation({})

    assert "iban" in form.errors
    assert "IBAN ist nicht gültig" in str(form.errors["iban"])


def test_conditional_fields_carry_their_condition_for_the_browser():
    layout = form_for(DOG_REGISTRATION, "dog").layout()

    shown = {item["key"]: item["show_if"] for item in layout}
    assert shown["exemption"] == ""
    assert '"op": "in"' in shown["evidence"]


def test_each_entry_of_a_repeating_group_is_validated_with_its_position():
    data = children_data(
        {"first_name": "Mia", "born_on": "2015-04-01", "tax_id": "86095742719"},
        {"first_name": "", "born_on": "2018-02-30", "tax_id": "123"},
    )
    form = form_for(CHILD_BENEFIT, "children", data)

    form.is_valid()
    form.apply_core_validation({})

    group = form.groups["children"]
    assert not group.forms[0].errors
    assert set(group.forms[1].errors) == {"first_name", "born_on", "tax_id"}
    assert form.has_errors()


def test_valid_entries_become_a_list_of_answers():
    data = children_data(
        {"first_name": "Mia", "born_on": "2015-04-01", "tax_id": "86 095 742 719"},
        {
            "first_name": "Leo",
            "born_on": "2019-09-09",
            "tax_id": "86095742719",
            "in_training": "on",
        },
    )
    form = form_for(CHILD_BENEFIT, "children", data)

    assert form.is_valid()
    values = form.apply_core_validation({})

    assert values["children"] == [
        {
            "first_name": "Mia",
            "born_on": "2015-04-01",
            "tax_id": "86095742719",
            "in_training": False,
        },
        {
            "first_name": "Leo",
            "born_on": "2019-09-09",
            "tax_id": "86095742719",
            "in_training": True,
        },
    ]


def test_an_unbound_required_group_offers_one_empty_entry():
    form = form_for(CHILD_BENEFIT, "children")

    assert len(form.groups["children"].forms) == 1


def test_labels_and_help_follow_the_language():
    with translation.override("en"):
        form = form_for(DOG_REGISTRATION, "dog")
    assert form.fields["kept_since"].label == "In the household since"
    assert form.fields["kept_since"].help_text.startswith("The day you took the dog in")
