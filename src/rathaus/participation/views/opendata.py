"""Open data: proposals and comments without personal data, as CSV and JSON (streamed)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from django.http import Http404, StreamingHttpResponse

from rathaus.participation.exports import (
    COMMENT_COLUMNS,
    PROPOSAL_COLUMNS,
    open_comment_rows,
    open_proposal_rows,
)

DATASETS = {
    "proposals": (PROPOSAL_COLUMNS, open_proposal_rows),
    "comments": (COMMENT_COLUMNS, open_comment_rows),
}


class _Line:
    """A file-like object whose write() returns the line, for csv.writer in a stream."""

    def write(self, value: str) -> str:
        return value


def _csv(columns: tuple[str, ...], rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.DictWriter(_Line(), fieldnames=columns)
    yield "\ufeff" + writer.writeheader()  # BOM: spreadsheet programs then read UTF-8
    for row in rows:
        yield writer.writerow(row)


def _json(rows: Iterable[dict]) -> Iterator[str]:
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"


def dataset(request, name: str, fmt: str):
    if name not in DATASETS or fmt not in ("csv", "json"):
        raise Http404
    columns, rows = DATASETS[name]
    if fmt == "csv":
        response = StreamingHttpResponse(
            _csv(columns, rows()), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(_json(rows()), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="participation-{name}.{fmt}"'
    return response
