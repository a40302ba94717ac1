"""A closed poll's result prepared for the results page: table rows and the bar charts drawn
from the very same rows, so that chart and table always show the same numbers.

Bar charts are server-rendered SVG (``voting/includes/bar_chart.html``): one bar per row, its
length the row's ``fraction`` of the largest value, its text the row's ``value_text`` - the
strings the table prints too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from rathaus.voting.messages import money
from rathaus.voting.models import Kind, Option, Poll

BAR_ROW_HEIGHT = 48
CHART_WIDTH = 640
BAR_MAX_LENGTH = 440
LABEL_CHARS = 60


@dataclass(frozen=True)
class Row:
    key: str
    title: str
    votes: int
    share_text: str
    """The share of the ballots counted, as the table prints it (``42,9 %``)."""
    option: Option | None = None
    points: int | None = None
    funded: bool = False


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    fraction: Decimal
    highlighted: bool = False


@dataclass
class Chart:
    title: str
    bars: list[Bar]
    height: int = field(init=False)

    def __post_init__(self) -> None:
        self.height = BAR_ROW_HEIGHT * len(self.bars) + 8

    def placed(self):
        """Bars with their position and length in the SVG's units (CHART_WIDTH wide)."""
        for index, bar in enumerate(self.bars):
            length = (bar.fraction * BAR_MAX_LENGTH).quantize(Decimal("0.1"))
            yield {
                "bar": bar,
                "label_y": index * BAR_ROW_HEIGHT + 16,
                "bar_y": index * BAR_ROW_HEIGHT + 22,
                "length": max(length, Decimal(1)),
                "value_x": length + 8,
                "value_y": index * BAR_ROW_HEIGHT + 37,
            }


def percent(share: str) -> str:
    """A share (``"0.428571"``) as a percentage with one decimal place, rounded half up."""
    value = (Decimal(share) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return _("%(value)s %%") % {"value": formats.number_format(value, 1, use_l10n=True)}


def rows(poll: Poll) -> list[Row]:
    options = {option.key: option for option in poll.options.all()}
    result = poll.result
    funded = set(result.get("selected", ()))
    return [
        Row(
            key=row["key"],
            title=options[row["key"]].title,
            votes=row["votes"],
            share_text=percent(row["share"]),
            option=options[row["key"]],
            points=row.get("points") if poll.cumulative else None,
            funded=row["key"] in funded,
        )
        for row in result["options"]
    ]


def _fraction(value, largest) -> Decimal:
    return Decimal(value) / Decimal(largest) if largest else Decimal(0)


def votes_chart(poll: Poll, table: list[Row]) -> Chart:
    largest = max((row.votes for row in table), default=0)
    title = _("Supporters per project") if poll.kind == Kind.BUDGET else _("Votes per option")
    if poll.kind == Kind.RANKED:
        title = _("First preferences per option")
    return Chart(
        title=title,
        bars=[
            Bar(
                label=_label(row.title),
                value_text=f"{row.votes} ({row.share_text})",
                fraction=_fraction(row.votes, largest),
                highlighted=row.funded,
            )
            for row in table
        ],
    )


@dataclass(frozen=True)
class DistrictRow:
    district: str
    amount_text: str
    projects: list[str]
    amount: Decimal


def district_rows(poll: Poll) -> list[DistrictRow]:
    titles = {option.key: option.title for option in poll.options.all()}
    return [
        DistrictRow(
            district=row["district"] or _("whole city"),
            amount_text=money(Decimal(row["cost"])),
            projects=[titles[key] for key in row["selected"]],
            amount=Decimal(row["cost"]),
        )
        for row in poll.result.get("districts", ())
    ]


def district_chart(table: list[DistrictRow]) -> Chart:
    largest = max((row.amount for row in table), default=0)
    return Chart(
        title=_("Money per district"),
        bars=[
            Bar(
                label=_label(row.district),
                value_text=row.amount_text,
                fraction=_fraction(row.amount, largest),
            )
            for row in table
        ],
    )


def budget_summary(poll: Poll) -> dict[str, str]:
    budget, used = Decimal(poll.result["budget"]), Decimal(poll.result["cost"])
    return {"budget": money(budget), "used": money(used), "left": money(budget - used)}


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"
