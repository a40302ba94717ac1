from rathaus.eservices.formschema import first_incomplete_step, validate_answers, validate_step
from tests.eservices.formschema.conftest import TODAY

VALID_STEUER_ID = "86095742719"


def codes(issues):
    return {(issue.path, issue.code) for issue in issues}


def test_a_required_field_shown_by_a_condition_must_be_filled(schema):
    _, issues = validate_step(
        schema, schema.step("person"), {"name": "Ada", "kind": "deregister"}, today=TODAY
    )

    assert codes(issues) == {("reason", "required")}


def test_a_required_field_hidden_by_a_condition_is_not_asked_for(schema):
    values, issues = validate_step(
        schema, schema.step("person"), {"name": " Ada ", "kind": "register"}, today=TODAY
    )

    assert issues == []
    assert values == {"name": "Ada", "kind": "register"}


def test_an_unknown_choice_is_refused(schema):
    _, issues = validate_step(
        schema, schema.step("person"), {"name": "A", "kind": "steal"}, today=TODAY
    )

    assert codes(issues) == {("kind", "invalid_choice")}


def test_dates_must_be_real_and_not_in_the_future_when_so_configured(schema):
    answers = {"kind": "deregister", "kept_since": "2026-04-01", "given_up_on": "2026-02-30"}

    _, issues = validate_step(schema, schema.step("dates"), answers, today=TODAY)

    assert codes(issues) == {("kept_since", "future"), ("given_up_on", "invalid_date")}


def test_a_cross_field_rule_reports_on_its_left_field_with_its_own_message(schema):
    answers = {"kind": "deregister", "kept_since": "2025-05-01", "given_up_on": "2025-04-30"}

    _, issues = validate_step(schema, schema.step("dates"), answers, today=TODAY)

    assert [(issue.path, issue.code, issue.message["en"]) for issue in issues] == [
        ("given_up_on", "rule", "The end is before the start.")
    ]


def test_repeating_groups_check_count_and_each_item_with_item_conditions(schema):
    answers = {
        "children": [
            {"first_name": "Bo", "in_training": True, "school": ""},
            {"first_name": "", "in_training": False},
            {"first_name": "Cy"},
            {"first_name": "Di"},
        ]
    }

    _, issues = validate_step(schema, schema.step("family"), answers, today=TODAY)

    assert codes(issues) == {
        ("children", "too_many_items"),
        ("children[0].school", "required"),
        ("children[1].first_name", "required"),
    }


def test_a_required_group_without_items_asks_for_one(schema):
    _, issues = validate_step(schema, schema.step("family"), {"children": []}, today=TODAY)

    assert codes(issues) == {("children", "too_few_items")}


def test_iban_and_steuer_id_are_checked_and_normalised(schema):
    answers = {
        "children": [{"first_name": "Bo"}],
        "iban": "de02 1203 0000 0000 2020 51",
        "tax_id": "86 095 742 719",
    }

    values, issues = validate_step(schema, schema.step("family"), answers, today=TODAY)

    assert issues == []
    assert values["iban"] == "DE02120300000000202051"
    assert values["tax_id"] == VALID_STEUER_ID


def test_a_wrong_iban_check_digit_and_a_wrong_steuer_id_are_refused(schema):
    answers = {
        "children": [{"first_name": "Bo"}],
        "iban": "DE03120300000000202051",
        "tax_id": "86095742718",
    }

    _, issues = validate_step(schema, schema.step("family"), answers, today=TODAY)

    assert codes(issues) == {("iban", "invalid_iban"), ("tax_id", "invalid_steuer_id")}


def test_validating_everything_returns_only_the_shown_answers(schema):
    answers = {
        "name": "Ada",
        "kind": "register",
        "kept_since": "2020-01-01",
        "children": [{"first_name": "Bo", "in_training": False}],
    }

    clean, issues = validate_answers(schema, answers, today=TODAY)

    assert issues == []
    assert "kept_since" not in clean
    assert clean["children"] == [{"first_name": "Bo", "in_training": False}]


def test_the_first_incomplete_step_is_where_a_person_must_continue(schema):
    answers = {"name": "Ada", "kind": "deregister", "reason": "moved"}

    assert first_incomplete_step(schema, answers, today=TODAY).key == "dates"
    answers |= {
        "kept_since": "2020-01-01",
        "given_up_on": "2021-01-01",
        "children": [{"first_name": "A"}],
    }
    assert first_incomplete_step(schema, answers, today=TODAY) is None
