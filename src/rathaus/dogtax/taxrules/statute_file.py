"""Reading a statute from a TOML file (money as decimals, dates as TOML local dates).

The keys mirror the fields of ``Statute``; see ``statute_defaults/kaiserslautern.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from .errors import Code, InvalidInput, Problem, raise_if_any
from .statute import (
    DueDate,
    ExemptionKind,
    ExemptionLevel,
    InstallmentDate,
    LateDeregistration,
    LocalizedText,
    RatePeriod,
    Statute,
    statute_problems,
)

T = TypeVar("T")
_REQUIRED: Any = object()


def default_statute(name: str) -> Statute:
    """A statute shipped with the platform, e.g. ``default_statute("kaiserslautern")``."""
    resource = files("rathaus.dogtax").joinpath("statute_defaults", f"{name}.toml")
    return statute_from_toml(resource.read_text(encoding="utf-8"))


def load_statute(path: Path) -> Statute:
    return statute_from_toml(path.read_text(encoding="utf-8"))


def statute_from_toml(text: str) -> Statute:
    """Raises ``InvalidInput`` with every missing or mistyped key and every unsound figure."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput([Problem(field="", code=Code.WRONG_TYPE)]) from error
    problems: list[Problem] = []
    top = _Table(data, "", problems)
    statute = Statute(
        name=top.get("name", _text),
        currency=top.get("currency", _text, "EUR"),
        rate_periods=tuple(_rate_period(t) for t in top.tables("rate_periods")),
        exemption_kinds=tuple(_exemption_kind(t) for t in top.tables("exemption_kinds")),
        installment_dates=tuple(_installment_date(t) for t in top.tables("installment_dates")),
        whole_year_due=_due_date(top.table("whole_year_due")),
        late_assessment_due_months=top.get("late_assessment_due_months", _int, 1),
        late_deregistration=_late_deregistration(top.table("late_deregistration")),
        dangerous_dogs_rank=top.get("dangerous_dogs_rank", _bool, True),
    )
    raise_if_any(problems)
    raise_if_any(statute_problems(statute))
    return statute


class _Table:
    def __init__(self, data: dict[str, Any], path: str, problems: list[Problem]) -> None:
        self.data, self.path, self.problems = data, path, problems

    def _path(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, convert: Callable[[Any], T], default: T = _REQUIRED) -> T:
        if key not in self.data:
            if default is _REQUIRED:
                self.problems.append(Problem(field=self._path(key), code=Code.MISSING))
            return default
        try:
            return convert(self.data[key])
        except (TypeError, ValueError):
            self.problems.append(Problem(field=self._path(key), code=Code.WRONG_TYPE))
            return default

    def table(self, key: str) -> _Table | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problems.append(Problem(field=self._path(key), code=Code.WRONG_TYPE))
            return None
        return _Table(value, self._path(key), self.problems)

    def tables(self, key: str) -> list[_Table]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problems.append(Problem(field=self._path(key), code=Code.WRONG_TYPE))
            return []
        return [_Table(v, f"{self._path(key)}[{i}]", self.problems) for i, v in enumerate(value)]

    def localized(self, key: str) -> LocalizedText:
        table = self.table(key) or _Table({}, self._path(key), self.problems)
        return LocalizedText(de=table.get("de", _text), en=table.get("en", _text))


def _checked(kind: type[T]) -> Callable[[Any], T]:
    def convert(value: Any) -> T:
        # bool is an int and datetime a date in Python; TOML keeps them apart, and so do we
        if type(value) is not kind:
            raise TypeError(value)
        return value

    return convert


_text, _int, _bool, _date = _checked(str), _checked(int), _checked(bool), _checked(date)


def _money(value: Any) -> Decimal:
    if type(value) not in (Decimal, int):
        raise TypeError(value)
    return Decimal(value)


def _months(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise TypeError(value)
    return tuple(_int(v) for v in value)


def _rate_period(t: _Table) -> RatePeriod:
    return RatePeriod(
        valid_from=t.get("valid_from", _date),
        valid_until=t.get("valid_until", _date, None),
        first=t.get("first", _money),
        second=t.get("second", _money),
        further=t.get("further", _money),
        dangerous=t.get("dangerous", _money, None),
    )


def _exemption_kind(t: _Table) -> ExemptionKind:
    return ExemptionKind(
        code=t.get("code", _text),
        level=t.get("level", ExemptionLevel),
        name=t.localized("name"),
        condition=t.localized("condition"),
        evidence=t.localized("evidence"),
        duration_months=t.get("duration_months", _int, None),
        once_in_years=t.get("once_in_years", _int, None),
        clerk_check=t.get("clerk_check", _bool, True),
    )


def _installment_date(t: _Table) -> InstallmentDate:
    return InstallmentDate(
        month=t.get("month", _int), day=t.get("day", _int), covers=t.get("covers", _months)
    )


def _due_date(t: _Table | None) -> DueDate | None:
    return None if t is None else DueDate(month=t.get("month", _int), day=t.get("day", _int))


def _late_deregistration(t: _Table | None) -> LateDeregistration:
    if t is None:
        return LateDeregistration()
    return LateDeregistration(
        enabled=t.get("enabled", _bool, False),
        grace_days=t.get("grace_days", _int, 14),
        extra_months=t.get("extra_months", _int, 1),
    )
