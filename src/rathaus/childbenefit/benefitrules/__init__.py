"""Child-benefit (Kindergeld) rules as pure functions over plain values; no Django here.

``compute_quote`` answers which months each child is paid and how much, or why not;
``wire`` reads and writes the JSON of the public quote API; ``recipient_conflicts`` checks that
a child is paid to one person only; ``ages`` knows when a year of life is completed.
"""

from rathaus.childbenefit.benefitrules.ages import (
    last_month_under,
    month_completing_18th_year,
    year_of_life_completed_on,
)
from rathaus.childbenefit.benefitrules.amount_data import (
    AmountDataError,
    load_default_amounts,
    parse_amounts,
)
from rathaus.childbenefit.benefitrules.amount_rows import (
    AmountRow,
    RowIssue,
    RowIssueCode,
    first_child_gaps,
    missing_default_rows,
    row_issues,
    rows_from_schedule,
    schedule_from_rows,
)
from rathaus.childbenefit.benefitrules.amounts import AmountPeriod, AmountSchedule
from rathaus.childbenefit.benefitrules.backdating import earliest_month
from rathaus.childbenefit.benefitrules.eligibility import RefusalReason
from rathaus.childbenefit.benefitrules.inputs import (
    Child,
    QualifyingKind,
    QualifyingPeriod,
    QuoteRequest,
)
from rathaus.childbenefit.benefitrules.quote import ChildQuote, MonthResult, Quote, compute_quote
from rathaus.childbenefit.benefitrules.recipients import (
    Grant,
    RecipientConflict,
    recipient_conflicts,
)
from rathaus.childbenefit.benefitrules.validation import InputError, Issue, IssueCode
from rathaus.childbenefit.benefitrules.wire import quote_payload, read_quote_request
from rathaus.core.months import Month, months_between

__all__ = [
    "AmountDataError",
    "AmountPeriod",
    "AmountRow",
    "AmountSchedule",
    "Child",
    "ChildQuote",
    "Grant",
    "InputError",
    "Issue",
    "IssueCode",
    "Month",
    "MonthResult",
    "QualifyingKind",
    "QualifyingPeriod",
    "Quote",
    "QuoteRequest",
    "RecipientConflict",
    "RefusalReason",
    "RowIssue",
    "RowIssueCode",
    "compute_quote",
    "earliest_month",
    "first_child_gaps",
    "last_month_under",
    "load_default_amounts",
    "missing_default_rows",
    "month_completing_18th_year",
    "months_between",
    "parse_amounts",
    "quote_payload",
    "read_quote_request",
    "recipient_conflicts",
    "row_issues",
    "rows_from_schedule",
    "schedule_from_rows",
    "year_of_life_completed_on",
]
