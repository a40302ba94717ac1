"""A case with the rows its page shows, reading only the kinds of rows the case has.

A case page shows up to eight kinds of rows (history, messages, notes, notices, payments,
uploads, hand-offs); most cases have few of them. The case's own query tells, by one `EXISTS`
per kind, which kinds it has; only those are prefetched (a prefetch of `none()` costs no query),
so an ordinary case costs two or three queries instead of eight (ADR 0401).
"""

from __future__ import annotations

from functools import cache

from django.db import connection
from django.db.models import BooleanField, Model, Prefetch, QuerySet, prefetch_related_objects
from django.db.models.expressions import RawSQL

from rathaus.eservices.models import Case


def _flag(name: str) -> str:
    return f"has_{name}"


@cache
def _rows_sql(model: type[Model], what: str) -> str:
    """`what` ("EXISTS", "COUNT", "MAX") over the rows of `model` of the outer query's case.

    Written out once per model and kind: Django compiles an `Exists` or an aggregate
    `Subquery` afresh for every query (about 0.3 ms each, more than the database needs to
    answer it on the index of `case_id`)."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    rows = f"FROM {table} WHERE {table}.{quote(model._meta.get_field('case').column)} = "
    rows += f"{quote(Case._meta.db_table)}.{quote(Case._meta.pk.column)}"
    if what == "EXISTS":
        return f"EXISTS (SELECT 1 {rows})"
    return f"(SELECT {what}({table}.{quote(model._meta.pk.column)}) {rows})"


def rows_of_case(model: type[Model], what: str, output_field) -> RawSQL:
    """An annotation of a query of cases (not a subquery: the case table is named as such)."""
    # Names from the models' own metadata, quoted; nothing from a request.
    return RawSQL(_rows_sql(model, what), (), output_field=output_field)  # noqa: S611


def marked(cases: QuerySet[Case], rows: dict[str, QuerySet]) -> QuerySet[Case]:
    """`cases` annotated with whether each case has rows of each kind in `rows`
    (related name → the queryset to prefetch them with)."""
    return cases.annotate(
        **{
            _flag(name): rows_of_case(rows_of.model, "EXISTS", BooleanField())
            for name, rows_of in rows.items()
        }
    )


def prefetch_present(case: Case | None, rows: dict[str, QuerySet], always: tuple = ()) -> None:
    """Prefetch the kinds of rows `case` has (by the flags of `marked`); the others are set
    empty as a prefetch would leave them, without a query and without building one (Django
    still builds a prefetch of `none()` for each kind); `always` are prefetched as
    given."""
    if case is None:
        return
    present = [
        Prefetch(name, queryset=rows_of)
        for name, rows_of in rows.items()
        if getattr(case, _flag(name))
    ]
    if not hasattr(case, "_prefetched_objects_cache"):
        case._prefetched_objects_cache = {}
    for name, rows_of in rows.items():
        if not getattr(case, _flag(name)):
            empty = rows_of.none()
            empty._result_cache = []
            empty._prefetch_done = True
            case._prefetched_objects_cache[name] = empty
    if always or present:
        prefetch_related_objects([case], *always, *present)
