"""The public dog-tax quote: ``POST /api/v1/dogtax/quote``, no sign-in needed."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from pydantic import (
    BeforeValidator,
    ConfigDict,
    StrictBool,
    StrictInt,
    StrictStr,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from rathaus.core.api import DomainValidationError, ErrorOut, ValidationErrorOut, limited
from rathaus.core.guard import compute_slot
from rathaus.dogtax import taxrules
from rathaus.dogtax.messages import quote_problem_messages
from rathaus.dogtax.quote import EARLIEST, LATEST, DogInput, assessment_payload, quote
from rathaus.dogtax.selectors import current_statute

router = Router(tags=["dogtax"])

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_DOGS = 30
"""More dogs than a household keeps (the calculator page allows 20); bounds one request's work."""
EXAMPLE = {
    "year": 2026,
    "keeper": {"exemption": None},
    "dogs": [
        {"ref": "A", "kept_since": "2024-05-10", "born_on": "2020-01-01", "exemption": None},
        {"ref": "B", "kept_since": "2026-03-03", "exemption": "shelter"},
    ],
}
AMOUNT = r"^\d+\.\d{2}$"


def _iso_date(value: object) -> object:
    """A date written YYYY-MM-DD from EARLIEST to LATEST; errors of the kinds the platform
    translates (``date_*``, ``greater_than_equal``, ``less_than_equal``)."""
    if value is None or isinstance(value, date):
        return value
    if not (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        raise PydanticCustomError("date_type", "Input should be a date in the form YYYY-MM-DD")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_parsing", "Input should be a valid date") from None
    if day < EARLIEST:
        raise PydanticCustomError(
            "greater_than_equal",
            "Input should be on or after {ge}",
            {"ge": EARLIEST.isoformat()},
        )
    if day > LATEST:
        raise PydanticCustomError(
            "less_than_equal", "Input should be on or before {le}", {"le": LATEST.isoformat()}
        )
    return day


IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]
"""A date written YYYY-MM-DD, from 1900-01-01 to 2999-12-31."""


DEPRECATED_KEEPER_FLAG = "nato_forces"
"""The statute code that the deprecated ``keeper.nato_forces: true`` stands for (Kaiserslautern's
exemption of the NATO forces); ``keeper.exemption`` replaces it; removed in the next release."""


class DogTaxKeeperIn(Schema):
    model_config = ConfigDict(extra="forbid")

    exemption: StrictStr | None = Field(
        None,
        max_length=40,
        description="An exemption of the keeper, and so of all their dogs, by its code in the "
        'city\'s statute (the dog-tax calculator lists them), e.g. "nato_forces" where '
        "members of the NATO forces are exempt.",
        examples=["nato_forces"],
    )
    nato_forces: StrictBool = Field(
        False,
        # Marked in the OpenAPI document; pydantic's own `deprecated` would warn on every read.
        json_schema_extra={"deprecated": True},
        description='Deprecated: use `"exemption": "nato_forces"`. Removed in the next release.',
    )


def keeper_exemption(keeper: DogTaxKeeperIn | None) -> str | None:
    """The code of the keeper's exemption, from ``exemption`` or the deprecated flag."""
    if keeper is None:
        return None
    if keeper.nato_forces and keeper.exemption not in (None, DEPRECATED_KEEPER_FLAG):
        raise DomainValidationError(
            [("keeper.exemption", _("Name the keeper's exemption once, in “exemption” only."))]
        )
    return keeper.exemption or (DEPRECATED_KEEPER_FLAG if keeper.nato_forces else None)


class DogTaxDogIn(Schema):
    model_config = ConfigDict(extra="forbid")

    ref: StrictStr = Field(
        min_length=1, max_length=100, description="Your name for the dog, echoed in the answer."
    )
    kept_since: IsoDate = Field(description="The day the dog was taken into the household.")
    born_on: IsoDate | None = Field(None, description="The dog's day of birth.")
    given_up_on: IsoDate | None = Field(
        None, description="The day the dog was sold, given away or died, or the keeper moved away."
    )
    exemption: StrictStr | None = Field(
        None,
        max_length=40,
        description="An exemption of the dog, by its code in the statute: "
        'e.g. "shelter", "assistance" or "rescue" (the dog-tax calculator lists them).',
        examples=["shelter"],
    )


class DogTaxQuoteIn(Schema):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [EXAMPLE]})

    year: StrictInt = Field(ge=EARLIEST.year, le=LATEST.year, examples=[2026])
    keeper: DogTaxKeeperIn | None = None
    dogs: list[DogTaxDogIn] = Field(
        max_length=MAX_DOGS, description="The household's dogs; ties in rank go to the earlier."
    )


class DogTaxMonthOut(Schema):
    month: int = Field(ge=1, le=12)
    rank: int | None = Field(description="The dog's rank that month; null when exempt.")
    exempt: bool
    amount: str = Field(pattern=AMOUNT, examples=["10.00"])


class DogTaxDogOut(Schema):
    ref: str
    amount: str = Field(pattern=AMOUNT, examples=["120.00"])
    months: list[DogTaxMonthOut] = Field(description="Every month of the year the dog is liable.")


class DogTaxInstallmentOut(Schema):
    due_on: date
    amount: str = Field(pattern=AMOUNT, examples=["30.00"])


class DogTaxQuoteOut(Schema):
    year: int
    currency: str = Field(examples=["EUR"])
    total: str = Field(pattern=AMOUNT, examples=["120.00"])
    dogs: list[DogTaxDogOut]
    installments: list[DogTaxInstallmentOut] = Field(
        description="Each instalment is the tax of its months; instalments of zero are left out."
    )


@router.post(
    "/dogtax/quote",
    response={200: DogTaxQuoteOut, 413: ErrorOut, 422: ValidationErrorOut, 503: ErrorOut},
    summary="Compute the dog tax of a household for a year",
    description=(
        "No sign-in needed. Each liable month costs the annual rate of the dog's rank that "
        "month divided by 12; amounts are strings with two decimals. Invalid input is answered "
        "with 422 and a message per field in the language of `Accept-Language`."
    ),
)
@limited("quote")
def dogtax_quote(request, payload: DogTaxQuoteIn):
    statute = current_statute()
    dogs = [
        DogInput(
            ref=dog.ref,
            kept_since=dog.kept_since,
            born_on=dog.born_on,
            given_up_on=dog.given_up_on,
            exemption=dog.exemption,
        )
        for dog in payload.dogs
    ]
    exemption = keeper_exemption(payload.keeper)
    try:
        with compute_slot():
            assessment = quote(
                statute=statute, year=payload.year, dogs=dogs, keeper_exemption=exemption
            )
    except taxrules.InvalidInput as error:
        raise DomainValidationError(
            quote_problem_messages(error, statute=statute, dogs=dogs)
        ) from error
    return assessment_payload(assessment)
