"""The JSON shape of the public quote API, read into and written from the pure types.

Request::

    {"application_received_on": "2026-11-24", "until": "2026-12",
     "children": [{"ref": "A", "born_on": "2010-05-03",
                   "qualifying_periods": [{"kind": "education", "from": "2026-09", "to": null}]}]}

``requested_from`` (``YYYY-MM``) is optional. The response lists every paid month per child, with
amounts as strings with two decimals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from rathaus.childbenefit.benefitrules.amounts import AmountSchedule
from rathaus.childbenefit.benefitrules.inputs import (
    Child,
    QualifyingKind,
    QualifyingPeriod,
    QuoteRequest,
)
from rathaus.childbenefit.benefitrules.quote import Quote
from rathaus.childbenefit.benefitrules.validation import (
    InputError,
    Issue,
    IssueCode,
    born_on_issues,
    day_range_issues,
    duplicate_ref_issues,
    month_range_issues,
    period_issues,
    range_issues,
)
from rathaus.core.months import Month

_DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
_CENT = Decimal("0.01")
_Value = TypeVar("_Value")


def read_quote_request(payload: object, *, amounts: AmountSchedule) -> QuoteRequest:
    """Read and check a decoded JSON request; raises ``InputError`` with every problem found."""
    if not isinstance(payload, Mapping):
        raise InputError([Issue("", IssueCode.INVALID_TYPE)])
    reader = _Reader()
    received_on = reader.date(payload, "application_received_on", "application_received_on")
    until = reader.month(payload, "until", "until", required=True)
    requested_from = reader.month(payload, "requested_from", "requested_from", required=False)
    children = [
        reader.child(raw, f"children[{index}]", received_on)
        for index, raw in enumerate(reader.items(payload, "children", "children", required=True))
    ]
    reader.issues += duplicate_ref_issues(reader.refs)
    if received_on is not None and until is not None:
        reader.issues += range_issues(
            received_on=received_on, requested_from=requested_from, until=until, amounts=amounts
        )
    if reader.issues or received_on is None or until is None:
        raise InputError(reader.issues)
    return QuoteRequest(
        application_received_on=received_on,
        until=until,
        children=tuple(child for child in children if child is not None),
        requested_from=requested_from,
    )


def quote_payload(quote: Quote) -> dict[str, Any]:
    """The response body: the total and every paid month of every child."""
    return {
        "total": _money(quote.total),
        "children": [
            {
                "ref": child.ref,
                "months": [
                    {"month": str(result.month), "amount": _money(result.amount)}
                    for result in child.paid_months
                    if result.amount is not None
                ],
            }
            for child in quote.children
        ],
    }


def _money(amount: Decimal) -> str:
    return str(amount.quantize(_CENT))


def _parse_date(text: str) -> date:
    """Only ``YYYY-MM-DD`` (``date.fromisoformat`` alone would also take ``20260224``)."""
    if not _DATE_PATTERN.fullmatch(text):
        raise ValueError(f"not a date in the form YYYY-MM-DD: {text!r}")
    return date.fromisoformat(text)


@dataclass
class _Reader:
    """Reads values at JSON paths, noting an issue for each one it cannot read."""

    issues: list[Issue] = field(default_factory=list)
    refs: list[str | None] = field(default_factory=list)
    """The ``ref`` of every child read, ``None`` where unreadable, to find duplicates."""

    def _note(self, path: str, code: IssueCode) -> None:
        self.issues.append(Issue(path, code))

    def _present(self, raw: Mapping[str, Any], key: str, path: str, *, required: bool) -> Any:
        value = raw.get(key)
        if value is None and required:
            self._note(path, IssueCode.REQUIRED)
        return value

    def _parsed(
        self,
        raw: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool,
        parse: Callable[[str], _Value],
        invalid: IssueCode,
    ) -> _Value | None:
        value = self._present(raw, key, path, required=required)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return parse(value)
            except ValueError:
                pass
        self._note(path, invalid)
        return None

    def date(self, raw: Mapping[str, Any], key: str, path: str) -> date | None:
        day = self._parsed(
            raw, key, path, required=True, parse=_parse_date, invalid=IssueCode.INVALID_DATE
        )
        return self._within(day, day_range_issues(path, day) if day is not None else [])

    def month(self, raw: Mapping[str, Any], key: str, path: str, *, required: bool) -> Month | None:
        month = self._parsed(
            raw, key, path, required=required, parse=Month.parse, invalid=IssueCode.INVALID_MONTH
        )
        return self._within(month, month_range_issues(path, month) if month is not None else [])

    def _within(self, value: _Value | None, issues: list[Issue]) -> _Value | None:
        """``value``, or ``None`` with ``issues`` noted when it lies outside the rules' range."""
        self.issues += issues
        return None if issues else value

    def items(self, raw: Mapping[str, Any], key: str, path: str, *, required: bool) -> list[Any]:
        value = self._present(raw, key, path, required=required)
        if value is None:
            return []
        if not isinstance(value, list):
            self._note(path, IssueCode.INVALID_TYPE)
            return []
        if not value and required:
            self._note(path, IssueCode.REQUIRED)
        return value

    def mapping(self, value: Any, path: str) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self._note(path, IssueCode.INVALID_TYPE)
        return None

    def text(self, raw: Mapping[str, Any], key: str, path: str) -> str | None:
        value = self._present(raw, key, path, required=True)
        if value is None:
            return None
        if not isinstance(value, str):
            self._note(path, IssueCode.INVALID_TYPE)
            return None
        if not value.strip():
            self._note(path, IssueCode.REQUIRED)
            return None
        return value

    def kind(self, raw: Mapping[str, Any], path: str) -> QualifyingKind | None:
        value = self._present(raw, "kind", path, required=True)
        if value is None:
            return None
        try:
            return QualifyingKind(value)
        except ValueError:
            self._note(path, IssueCode.UNKNOWN_KIND)
            return None

    def period(self, value: Any, path: str) -> QualifyingPeriod | None:
        raw = self.mapping(value, path)
        if raw is None:
            return None
        kind = self.kind(raw, f"{path}.kind")
        from_month = self.month(raw, "from", f"{path}.from", required=True)
        to_month = self.month(raw, "to", f"{path}.to", required=False)
        if raw.get("to") is not None and to_month is None:
            return None
        self.issues += period_issues(path, kind, from_month, to_month)
        if kind is None or from_month is None:
            return None
        return QualifyingPeriod(kind, from_month, to_month)

    def child(self, value: Any, path: str, received_on: date | None) -> Child | None:
        raw = self.mapping(value, path)
        if raw is None:
            self.refs.append(None)
            return None
        ref = self.text(raw, "ref", f"{path}.ref")
        self.refs.append(ref)
        born_on = self.date(raw, "born_on", f"{path}.born_on")
        if born_on is not None:
            self.issues += born_on_issues(path, born_on, received_on)
        periods = [
            self.period(item, f"{path}.qualifying_periods[{number}]")
            for number, item in enumerate(
                self.items(raw, "qualifying_periods", f"{path}.qualifying_periods", required=False)
            )
        ]
        if ref is None or born_on is None or None in periods:
            return None
        return Child(ref, born_on, tuple(period for period in periods if period is not None))
