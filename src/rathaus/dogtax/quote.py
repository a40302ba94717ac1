"""A dog-tax quote as the calculator and the API ask for it, mapped onto the pure rules.

The request names a keeper-level exemption (``keeper.exemption``) and a dog's exemption by their
codes in the statute; problems come back under the request's own field names
(``dogs[0].exemption``, ``keeper.exemption``), so both callers can show them where they belong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rathaus.dogtax import taxrules

EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)
"""Dates and years a quote accepts; outside them a request is refused as out of range."""


@dataclass(frozen=True, kw_only=True)
class DogInput:
    ref: str
    kept_since: date
    born_on: date | None = None
    given_up_on: date | None = None
    exemption: str | None = None


def quote(
    *,
    statute: taxrules.Statute,
    year: int,
    dogs: Sequence[DogInput],
    keeper_exemption: str | None = None,
) -> taxrules.Assessment:
    """Raises ``taxrules.InvalidInput`` with every problem, named by the request's fields."""
    keeper = taxrules.Keeper(
        exemption=taxrules.Exemption(kind=keeper_exemption) if keeper_exemption else None
    )
    try:
        return taxrules.assess(
            statute=statute,
            year=year,
            keeper=keeper,
            dogs=[
                taxrules.Dog(
                    ref=dog.ref,
                    kept_since=dog.kept_since,
                    born_on=dog.born_on,
                    given_up_on=dog.given_up_on,
                    exemption=taxrules.Exemption(kind=dog.exemption) if dog.exemption else None,
                )
                for dog in dogs
            ],
        )
    except taxrules.InvalidInput as error:
        raise taxrules.InvalidInput(
            taxrules.Problem(field=request_field(p.field), code=p.code) for p in error.problems
        ) from error


def request_field(field: str) -> str:
    """``dogs[0].exemption.kind`` → ``dogs[0].exemption``, ``keeper.exemption.kind`` →
    ``keeper.exemption``; other fields are the request's already."""
    return field.removesuffix(".kind")


def money(amount) -> str:
    """An amount as the API writes it: a string with two decimals."""
    return f"{amount:.2f}"


def assessment_payload(assessment: taxrules.Assessment) -> dict:
    """The quote response: amounts as strings with two decimals, dates in ISO form."""
    return {
        "year": assessment.year,
        "currency": assessment.currency,
        "total": money(assessment.total),
        "dogs": [
            {
                "ref": dog.ref,
                "amount": money(dog.amount),
                "months": [
                    {
                        "month": charge.month,
                        "rank": charge.rank,
                        "exempt": charge.exempt,
                        "amount": money(charge.amount),
                    }
                    for charge in dog.months
                ],
            }
            for dog in assessment.dogs
        ],
        "installments": [
            {"due_on": item.due_on.isoformat(), "amount": money(item.amount)}
            for item in assessment.installments
        ],
    }
