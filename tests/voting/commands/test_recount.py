import io
import json

import pytest
from django.core.management import CommandError, call_command

from rathaus.voting.selectors import poll_export
from rathaus.voting.services import ballot_cast, poll_close
from tests.voting.factories import PollFactory, make_codes, options

pytestmark = pytest.mark.django_db


@pytest.fixture
def export_file(tmp_path):
    poll = PollFactory(kind="ranked", options=options(*"abcd"))
    rankings = [["a", "b"], ["b", "a", "c"], ["c"], ["b"], ["d", "a"], ["b", "c"]]
    for code, ranking in zip(make_codes(poll, len(rankings)), rankings, strict=True):
        ballot_cast(poll=poll, choices=ranking, code=code)
    closed = poll_close(actor=None, poll=poll)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(poll_export(closed)))
    return path, closed


def test_recount_prints_the_published_result_and_says_so(export_file):
    path, poll = export_file
    out, err = io.StringIO(), io.StringIO()

    call_command("recount", str(path), stdout=out, stderr=err)

    printed = json.loads(out.getvalue())
    assert printed["ranking"] == poll.result["ranking"] == ["b", "a", "c", "d"]
    assert printed["ballots"] == 6
    assert "agrees" in err.getvalue()


def test_recount_reports_a_tampered_export(export_file):
    path, _poll = export_file
    export = json.loads(path.read_text())
    export["ballots"][0]["choices"] = ["d", "c", "b", "a"]
    path.write_text(json.dumps(export))

    with pytest.raises(CommandError, match="DIFFERS"):
        call_command("recount", str(path), stdout=io.StringIO(), stderr=io.StringIO())
