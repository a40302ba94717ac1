"""A case with the rows its page shows, reading only the kinds of rows the case has.

A case page shows up to eight kinds of rows (history, messages, notes, notices, payments,
uploads, hand-offs); most cases have few of them. The case's own query tells, by one `EXISTS`
per kind, which kinds it has; only those are prefetched (a prefetch of `none()` costs no query),
so an ordinary case costs two or three queries instead of eight (ADR 0401).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, prefetch_related_objects

from rathaus.eservices.models import Case


def _flag(name: str) -> str:
    return f"has_{name}"


def marked(cases: QuerySet[Case], rows: dict[str, QuerySet]) -> QuerySet[Case]:
    """`cases` annotated with whether each case has rows of each kind in `rows`
    (related name → the queryset to prefetch them with)."""
    return cases.annotate(
        **{
            _flag(name): Exists(rows_of.model.objects.filter(case=OuterRef("pk")))
            for name, rows_of in rows.items()
        }
    )


def prefetch_present(case: Case | None, rows: dict[str, QuerySet], always: tuple = ()) -> None:
    """Prefetch the kinds of rows `case` has (by the flags of `marked`), the others as empty
    without a query; `always` are prefetched as given."""
    if case is None:
        return
    prefetch_related_objects(
        [case],
        *always,
        *(
            Prefetch(name, queryset=rows_of if getattr(case, _flag(name)) else rows_of.none())
            for name, rows_of in rows.items()
        ),
    )
