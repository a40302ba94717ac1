"""Forms as data, with no Django import: schema, conditions, values, validation, problems.

The Django side (`rathaus.eservices.stepforms`) builds one form per step from a schema and
lets this package decide what is shown and what is valid, so the web form, the review page and
the final submit all apply the same rules.
"""

from rathaus.eservices.formschema.conditions import evaluate, visible_answers, visible_steps
from rathaus.eservices.formschema.fieldtypes import (
    ValueType,
    field_kinds,
    register_value_type,
    value_type,
)
from rathaus.eservices.formschema.problems import Problem, schema_problems
from rathaus.eservices.formschema.schema import (
    Field,
    FormSchema,
    SchemaError,
    Step,
    parse_schema,
    text_in,
)
from rathaus.eservices.formschema.validation import (
    first_incomplete_step,
    validate_answers,
    validate_step,
)
from rathaus.eservices.formschema.values import Issue, check_upload, check_value

__all__ = [
    "Field",
    "FormSchema",
    "Issue",
    "Problem",
    "SchemaError",
    "Step",
    "ValueType",
    "check_upload",
    "check_value",
    "evaluate",
    "field_kinds",
    "first_incomplete_step",
    "parse_schema",
    "register_value_type",
    "schema_problems",
    "text_in",
    "validate_answers",
    "validate_step",
    "value_type",
    "visible_answers",
    "visible_steps",
]
