"""Downloads of a closed poll: the result as open data (JSON, CSV), the full export for recount
(JSON) and, for participatory budgets, the pabulib file."""

from __future__ import annotations

import csv
import io
import json

from django.http import Http404, HttpResponse, JsonResponse

from rathaus.voting import pabulib, selectors
from rathaus.voting.models import Kind, Poll
from rathaus.voting.services import poll_close_if_due


def closed_poll(pk: int) -> Poll:
    poll = selectors.polls_public().filter(pk=pk).first()
    if poll is None:
        raise Http404
    poll = poll_close_if_due(poll=poll)
    if poll.closed_at is None:
        raise Http404
    return poll


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def results_json(request, pk: int):
    poll = closed_poll(pk)
    response = JsonResponse(
        selectors.result_open_data(poll), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    return _attachment(response, f"poll-{poll.pk}-results.json")


def results_csv(request, pk: int):
    poll = closed_poll(pk)
    out = io.StringIO()
    writer = csv.writer(out)
    rows = selectors.result_table(poll)
    writer.writerow(rows[0].keys())
    writer.writerows(row.values() for row in rows)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    return _attachment(response, f"poll-{poll.pk}-results.csv")


def export_json(request, pk: int):
    poll = closed_poll(pk)
    response = HttpResponse(
        json.dumps(selectors.poll_export(poll), ensure_ascii=False, indent=1),
        content_type="application/json",
    )
    return _attachment(response, f"poll-{poll.pk}-ballots.json")


def export_pabulib(request, pk: int):
    poll = closed_poll(pk)
    if poll.kind != Kind.BUDGET:
        raise Http404
    response = HttpResponse(
        pabulib.dumps(selectors.poll_pabulib(poll)), content_type="text/plain; charset=utf-8"
    )
    return _attachment(response, f"poll-{poll.pk}.pb")
