import pytest

from rathaus.eservices.formschema import evaluate, visible_answers, visible_steps


@pytest.mark.parametrize(
    ("condition", "answers", "expected"),
    [
        ({"field": "kind", "op": "equals", "value": "a"}, {"kind": "a"}, True),
        ({"field": "kind", "op": "equals", "value": "a"}, {"kind": "b"}, False),
        ({"field": "kind", "op": "not_equals", "value": "a"}, {}, True),
        ({"field": "kind", "op": "in", "value": ["a", "b"]}, {"kind": "b"}, True),
        ({"field": "kind", "op": "not_in", "value": ["a", "b"]}, {"kind": "b"}, False),
        ({"field": "note", "op": "filled"}, {"note": "  x"}, True),
        ({"field": "note", "op": "empty"}, {"note": ""}, True),
        ({"field": "agree", "op": "checked"}, {"agree": True}, True),
        ({"field": "agree", "op": "checked"}, {"agree": "yes"}, False),
        ({"field": "count", "op": "gt", "value": "2"}, {"count": "10"}, True),
        ({"field": "count", "op": "le", "value": 2}, {"count": "2.0"}, True),
        ({"field": "born", "op": "lt", "value": "2020-01-01"}, {"born": "2019-12-31"}, True),
        ({"field": "born", "op": "lt", "value": "2020-01-01"}, {}, False),
        ({"field": "count", "op": "gt", "value": "2"}, {"count": "2020-01-01"}, False),
        (
            {"all": [{"field": "a", "op": "checked"}, {"not": {"field": "b", "op": "filled"}}]},
            {"a": True, "b": ""},
            True,
        ),
        ({"any": [{"field": "a", "op": "checked"}, {"field": "b", "op": "filled"}]}, {}, False),
        (None, {}, True),
    ],
)
def test_conditions_compare_answers_as_a_person_would_expect(condition, answers, expected):
    assert evaluate(condition, answers) is expected


def test_an_unknown_operator_is_an_error_not_a_silent_false():
    with pytest.raises(ValueError):
        evaluate({"field": "a", "op": "resembles", "value": 1}, {"a": 1})


def test_a_step_is_shown_only_when_its_condition_holds(schema):
    register = [step.key for step in visible_steps(schema, {"kind": "register"})]
    deregister = [step.key for step in visible_steps(schema, {"kind": "deregister"})]

    assert register == ["person", "family"]
    assert deregister == ["person", "dates", "family"]


def test_answers_of_hidden_steps_and_fields_are_dropped(schema):
    answers = {
        "name": "Ada",
        "kind": "register",
        "reason": "moved away",
        "kept_since": "2020-01-01",
        "children": [{"first_name": "Bo", "in_training": False, "school": "HS"}],
    }

    shown = visible_answers(schema, answers)

    assert shown == {
        "name": "Ada",
        "kind": "register",
        "children": [{"first_name": "Bo", "in_training": False}],
    }
