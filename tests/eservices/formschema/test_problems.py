import copy

from rathaus.eservices.formschema import schema_problems
from tests.eservices.formschema.conftest import MOVE_SCHEMA


def problem_codes(data):
    return {(problem.code, problem.where) for problem in schema_problems(data)}


def test_a_complete_schema_has_no_problems():
    assert schema_problems(MOVE_SCHEMA) == []


def test_conditions_may_only_look_at_earlier_or_same_step_fields():
    data = copy.deepcopy(MOVE_SCHEMA)
    data["steps"][0]["fields"][2]["show_if"] = {"field": "given_up_on", "op": "filled"}

    assert ("condition_unknown_field", "person.reason") in problem_codes(data)


def test_duplicate_keys_missing_translations_and_lonely_choices_are_reported():
    data = copy.deepcopy(MOVE_SCHEMA)
    data["steps"][1]["fields"][0]["key"] = "name"
    data["steps"][0]["fields"][0]["label"] = {"de": "Name"}
    data["steps"][0]["fields"][1]["options"] = data["steps"][0]["fields"][1]["options"][:1]

    assert {
        ("duplicate_key", "dates.name"),
        ("label_missing", "person.name"),
        ("choice_needs_options", "person.kind"),
    } <= problem_codes(data)


def test_rules_on_unknown_fields_and_malformed_schemas_are_reported():
    data = copy.deepcopy(MOVE_SCHEMA)
    data["rules"][0]["right"] = {"field": "nowhere"}

    assert ("condition_unknown_field", "rules[0]") in problem_codes(data)
    assert problem_codes({"steps": [{"key": "s", "fields": [{"key": "f", "type": "magic"}]}]}) == {
        ("malformed", "")
    }
    assert problem_codes({"steps": []}) == {("no_steps", "")}


def test_a_definition_may_not_raise_the_maxima_beyond_the_platform_bounds():
    from tests.eservices.children_form import CHILDREN_FORM

    data = copy.deepcopy(CHILDREN_FORM)
    group = data["steps"][1]["fields"][0]
    group["max_items"] = 51
    group["fields"][0]["max_length"] = 4001
    codes = {code for code, _where in problem_codes(data)}

    assert codes == {"limit_too_high"}
    assert len([p for p in schema_problems(data) if p.code == "limit_too_high"]) == 2
    group["max_items"], group["fields"][0]["max_length"] = 50, 4000
    assert schema_problems(data) == []
