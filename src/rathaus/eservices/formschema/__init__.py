"""Forms as data, with no Django import: schema, conditions, values, validation, problems.

The Django side (`rathaus.eservices.stepforms`) builds one form per step from a schema and
lets this package decide what is shown and what is valid, so the web form, the review page and
the final submit all apply the same rules.
"""

from rathaus.eservices.formschema.conditions import evaluate, visible_answers, visible_steps
from rathaus.eservices.formschema.problems import Problem, schema_problems
from rathaus.eservices.formschema.schema import (
    FIELD_TYPES,
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
    "FIELD_TYPES",
    "Field",
    "FormSchema",
    "Issue",
    "Problem",
    "SchemaError",
    "Step",
    "check_upload",
    "check_value",
    "evaluate",
    "first_incomplete_step",
    "parse_schema",
    "schema_problems",
    "text_in",
    "validate_answers",
    "validate_step",
    "visible_answers",
    "visible_steps",
]
