"""Full-text search of proposals: PostgreSQL's text search on a GIN index, a fallback elsewhere.

On PostgreSQL every proposal keeps `search_document`: the words of its title and text in the
German and the English configuration (stemmed: "Brunnen" also finds "Brunnens", "trees" finds
"tree"). A trigger (migration 0002) computes it on insert and whenever the title or the text
changes, also for bulk inserts, and a GIN index serves the search; the query is parsed once per
request in both configurations. German compound words are single words to the text search:
"Brunnen" does not find "Trinkbrunnen". Other databases (SQLite in development and tests)
match a case-insensitive substring of title or text. See ADR 0231.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q, QuerySet

CONFIGS = ("german", "english")


def full_text_available() -> bool:
    return connection.vendor == "postgresql"


def proposals_matching(proposals: QuerySet, query: str) -> QuerySet:
    """The proposals whose title or text match `query` (hidden ones never match)."""
    proposals = proposals.filter(hidden_at__isnull=True)
    if not full_text_available():
        return proposals.filter(Q(title__icontains=query) | Q(text__icontains=query))
    parsed = SearchQuery(query, config=CONFIGS[0], search_type="websearch")
    for config in CONFIGS[1:]:
        parsed |= SearchQuery(query, config=config, search_type="websearch")
    return proposals.filter(search_document=parsed)
