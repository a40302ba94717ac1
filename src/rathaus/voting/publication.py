"""What a poll publishes, as plain JSON-safe values: its definition, its ballots, its result.

The platform counts a poll by turning its stored definition into a tally ``Poll`` here and calling
``tally``; ``manage.py recount`` does exactly the same with the definition and ballots of the
published export. Both therefore produce the same result document, field for field.

Money travels as decimal strings (``"45000.00"``), never as floats; shares as decimal strings
with six places, rounded half to even from the exact fraction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

from rathaus.voting import sealing
from rathaus.voting.tally import BudgetResult, CountResult, Kind, Poll, RankedResult, tally

EXPORT_FORMAT = "rathaus-poll-export"
EXPORT_VERSION = 1
SHARE_PLACES = Decimal("0.000001")


class ExportError(ValueError):
    """The document is not a poll export this code understands."""


def _money(value: object) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def money_text(value: object) -> str:
    return str(value if isinstance(value, (int, Decimal)) else Decimal(str(value)))


def share_text(share: Fraction) -> str:
    exact = Decimal(share.numerator) / Decimal(share.denominator) if share else Decimal(0)
    return str(exact.quantize(SHARE_PLACES, rounding=ROUND_HALF_EVEN))


def tally_poll(definition: Mapping[str, Any]) -> Poll:
    """The tally's view of a poll definition (see ``definition`` keys in docs/voting.md)."""
    options = definition["options"]
    kind = Kind(definition["kind"])
    budget_fields = {}
    if kind is Kind.BUDGET:
        budget_fields = {
            "budget": _money(definition.get("budget")),
            "costs": {option["key"]: _money(option.get("cost")) for option in options},
            "max_cost": _money(definition.get("max_cost")),
            "max_points": definition.get("max_points"),
            "rule": definition.get("rule"),
        }
    return Poll(
        kind=kind,
        options=tuple(option["key"] for option in options),
        min_choices=definition.get("min_choices") or 0,
        max_choices=definition.get("max_choices"),
        **budget_fields,
    )


def count(
    definition: Mapping[str, Any], ballots: Iterable[Sequence[str] | object]
) -> dict[str, Any]:
    """Tally ``ballots`` under ``definition`` and return the result document."""
    as_tuples = (
        tuple(ballot) if isinstance(ballot, (list, tuple)) else ballot for ballot in ballots
    )
    result = tally(tally_poll(definition), as_tuples)
    return result_document(definition, result)


def result_document(definition: Mapping[str, Any], result: CountResult) -> dict[str, Any]:
    document: dict[str, Any] = {
        "kind": str(result.kind),
        "ballots": result.ballots_counted,
        "invalid": dict(sorted(result.invalid.items())),
        "options": [
            {"key": key, "votes": votes, "share": share_text(result.shares[key])}
            for key, votes in result.votes.items()
        ],
    }
    if isinstance(result, RankedResult):
        document["ranking"] = list(result.ranking)
        document["tie_broken"] = [list(pair) for pair in result.tie_broken]
        document["pairwise"] = result.pairwise
    if isinstance(result, BudgetResult):
        for row in document["options"]:
            row["points"] = result.points[row["key"]]
        document["rule"] = str(result.rule)
        document["selected"] = list(result.selected)
        document["cost"] = money_text(result.cost)
        document["budget"] = money_text(_money(definition["budget"]))
        document["districts"] = _money_per_district(definition, result.selected)
    return document


def _money_per_district(
    definition: Mapping[str, Any], selected: Sequence[str]
) -> list[dict[str, Any]]:
    """Funded projects and their cost per district ("" for projects without a district), in the
    order the districts first appear among the options."""
    funded = set(selected)
    rows: dict[str, dict[str, Any]] = {}
    for option in definition["options"]:
        district = option.get("district") or ""
        row = rows.setdefault(district, {"district": district, "cost": Decimal(0), "selected": []})
        if option["key"] in funded:
            row["cost"] += _money(option["cost"])
            row["selected"].append(option["key"])
    return [{**row, "cost": money_text(row["cost"])} for row in rows.values()]


def api_result(document: Mapping[str, Any]) -> dict[str, Any]:
    """The result as the API publishes it: ballots, votes per option, ranking or selection."""
    summary: dict[str, Any] = {
        "ballots": document["ballots"],
        "options": [{"key": row["key"], "votes": row["votes"]} for row in document["options"]],
    }
    if "ranking" in document:
        summary["ranking"] = document["ranking"]
    if "selected" in document:
        summary["selected"] = document["selected"]
        summary["cost"] = document["cost"]
    return summary


def recount(export: Mapping[str, Any]) -> dict[str, Any]:
    """Count the ballots of a published export again; the result document."""
    if export.get("format") != EXPORT_FORMAT or export.get("version") != EXPORT_VERSION:
        raise ExportError(f"not a {EXPORT_FORMAT} document of version {EXPORT_VERSION}")
    if "sealed_box" in export:
        sealed_box_check(export)
    try:
        return count(export["poll"], (ballot["choices"] for ballot in export["ballots"]))
    except (KeyError, TypeError) as error:
        raise ExportError(f"incomplete export: {error}") from error


def sealed_box_check(export: Mapping[str, Any]) -> None:
    """For a sealed poll: every tracker is the hash of its sealed ballot, no tracker twice, and
    there are as many plaintext ballots as sealed ones (ExportError otherwise). That the
    plaintext ballots are what the sealed ones contain is *not* checked here: see ADR 171."""
    try:
        sealed = export["sealed_box"]["ballots"]
        trackers = [ballot["tracker"] for ballot in sealed]
        mismatched = [
            ballot["tracker"]
            for ballot in sealed
            if sealing.tracker_of(sealing.from_b64(ballot["sealed"])) != ballot["tracker"]
        ]
    except (KeyError, TypeError, ValueError) as error:
        raise ExportError(f"incomplete sealed box: {error}") from error
    if mismatched:
        raise ExportError(f"tracker is not the hash of its sealed ballot: {mismatched[0]}")
    if len(set(trackers)) != len(trackers):
        raise ExportError("a tracker appears twice in the sealed box")
    if len(sealed) != len(export.get("ballots", ())):
        raise ExportError(
            f"{len(sealed)} sealed ballots but {len(export.get('ballots', ()))} plaintext ballots"
        )
