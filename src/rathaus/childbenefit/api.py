"""``POST /api/v1/childbenefit/quote``: which months and how much, without signing in.

The body is declared here for the OpenAPI document; the rules read it (``read_quote_request``),
so every domain problem comes back as a 422 with one message per field in the request's
language.
"""

from __future__ import annotations

from ninja import Field, Router, Schema
from pydantic import ConfigDict

from rathaus.childbenefit.benefitrules import (
    InputError,
    QualifyingKind,
    compute_quote,
    quote_payload,
    read_quote_request,
)
from rathaus.childbenefit.messages import input_issue_message
from rathaus.childbenefit.selectors import amount_schedule
from rathaus.core.api import DomainValidationError, ErrorOut, ValidationErrorOut, limited
from rathaus.core.guard import compute_slot

router = Router(tags=["childbenefit"])

_MONTH = {"pattern": r"^\d{4}-\d{2}$", "examples": ["2026-05"]}
MAX_CHILDREN = 20
"""More children than any family claims for; bounds the work of one request."""
MAX_PERIODS = 10
"""Qualifying periods per child: school, training, service and gaps stay far below this."""


class _Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class ChildBenefitQuotePeriod(_Strict):
    kind: str = Field(
        ...,
        max_length=40,
        description="Why a child of 18 or over still counts.",
        json_schema_extra={"enum": [kind.value for kind in QualifyingKind]},
    )
    from_: str = Field(
        ..., alias="from", max_length=7, description="First month.", json_schema_extra=_MONTH
    )
    to: str | None = Field(
        None, max_length=7, description="Last month; null while open.", json_schema_extra=_MONTH
    )


class ChildBenefitQuoteChild(_Strict):
    ref: str = Field(
        ..., max_length=100, description="Your name for the child, repeated in the answer."
    )
    born_on: str = Field(..., max_length=10, json_schema_extra={"format": "date"})
    qualifying_periods: list[ChildBenefitQuotePeriod] = Field(
        default_factory=list,
        max_length=MAX_PERIODS,
        description="Needed for the months from the 18th birthday on.",
    )


class ChildBenefitQuoteRequest(_Strict):
    application_received_on: str = Field(
        ...,
        max_length=10,
        description="The day the application arrives; it reaches back six months.",
        json_schema_extra={"format": "date"},
    )
    until: str = Field(
        ...,
        max_length=7,
        description="Last month to compute; at most 360 months after the first month reached.",
        json_schema_extra=_MONTH,
    )
    children: list[ChildBenefitQuoteChild] = Field(..., max_length=MAX_CHILDREN)


class ChildBenefitQuoteMonth(Schema):
    month: str = Field(..., json_schema_extra=_MONTH)
    amount: str = Field(..., description="Euro, two decimals.", examples=["259.00"])


class ChildBenefitQuoteChildResult(Schema):
    ref: str
    months: list[ChildBenefitQuoteMonth] = Field(..., description="Every paid month, oldest first.")


class ChildBenefitQuote(Schema):
    total: str = Field(..., description="Euro, two decimals.", examples=["2072.00"])
    children: list[ChildBenefitQuoteChildResult]


@router.post(
    "/childbenefit/quote",
    response={200: ChildBenefitQuote, 413: ErrorOut, 422: ValidationErrorOut, 503: ErrorOut},
    summary="Child benefit per child and month",
    description=(
        "Every paid month from the earliest month the application can reach (six months "
        "before the month it is received) to `until`, per child, with the total. Months are "
        "`YYYY-MM`, amounts euro strings with two decimals. No sign-in. Invalid input answers "
        "422 with a message per field in the language of `Accept-Language`."
    ),
)
@limited("quote")
def quote(request, payload: ChildBenefitQuoteRequest):
    amounts = amount_schedule()
    try:
        quote_request = read_quote_request(payload.model_dump(by_alias=True), amounts=amounts)
        with compute_slot():
            result = compute_quote(request=quote_request, amounts=amounts)
    except InputError as error:
        raise DomainValidationError(
            (issue.path, input_issue_message(issue)) for issue in error.issues
        ) from error
    return quote_payload(result)
