"""Reads the child-benefit amounts from TOML (default: ``amount_defaults/kindergeld.toml``)."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from importlib.resources import files
from typing import Any

from rathaus.childbenefit.benefitrules.amounts import AmountPeriod, AmountSchedule
from rathaus.core.months import Month

_CENT = Decimal("0.01")


class AmountDataError(ValueError):
    """The amount data is malformed; the message names the period and the problem."""


def load_default_amounts() -> AmountSchedule:
    resource = files("rathaus.childbenefit") / "amount_defaults" / "kindergeld.toml"
    return parse_amounts(resource.read_text(encoding="utf-8"))


def parse_amounts(text: str) -> AmountSchedule:
    """Read ``[[period]]`` tables; amounts become ``Decimal`` without passing through float."""
    try:
        document = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise AmountDataError(f"amount data is not valid TOML: {error}") from error
    tables = document.get("period")
    if not isinstance(tables, list) or not tables:
        raise AmountDataError("amount data needs at least one [[period]]")
    periods = [_period(number, table) for number, table in enumerate(tables, start=1)]
    try:
        return AmountSchedule(tuple(periods))
    except ValueError as error:
        raise AmountDataError(str(error)) from error


def _period(number: int, table: dict[str, Any]) -> AmountPeriod:
    where = f"period {number}"
    if ("amount" in table) == ("by_ordinal" in table):
        raise AmountDataError(f"{where}: give either amount or by_ordinal")
    raw_amounts = [table["amount"]] if "amount" in table else table["by_ordinal"]
    if not isinstance(raw_amounts, list):
        raise AmountDataError(f"{where}: by_ordinal must be a list of amounts")
    amounts = tuple(_amount(where, raw) for raw in raw_amounts)
    try:
        return AmountPeriod(
            valid_from=Month.parse(str(table.get("valid_from"))),
            valid_until=Month.parse(str(table.get("valid_until"))),
            by_ordinal=amounts,
        )
    except ValueError as error:
        raise AmountDataError(f"{where}: {error}") from error


def _amount(where: str, raw: object) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | Decimal):
        raise AmountDataError(f"{where}: amount {raw!r} is not a number")
    amount = Decimal(raw)
    if amount != amount.quantize(_CENT):
        raise AmountDataError(f"{where}: amount {raw} has fractions of a cent")
    return amount.quantize(_CENT)
