"""`manage.py import_districts PATH_OR_URL` as an operator uses it."""

import http.server
import threading
from functools import partial
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from rathaus.geodata.models import District
from tests.geodata.conftest import feature_collection, polygon_feature, square

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("import_districts", *args, stdout=out)
    return out.getvalue()


def test_importing_the_shared_file_by_path_gives_ten_districts(shared_districts_path):
    output = run(str(shared_districts_path))

    assert District.objects.count() == 10
    assert "Imported 10 districts" in output
    assert "already up to date" in run(str(shared_districts_path))


@pytest.fixture
def file_server(shared_districts_path):
    """The shared data folder served over HTTP on loopback."""
    handler = partial(
        http.server.SimpleHTTPRequestHandler, directory=str(shared_districts_path.parent)
    )
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_importing_from_a_url_works_like_a_file(file_server, shared_districts_path):
    run(f"{file_server}/{shared_districts_path.name}")

    assert sorted(District.objects.values_list("number", flat=True)) == list(range(10))


def test_a_missing_url_fails_clearly_and_changes_nothing(file_server):
    with pytest.raises(CommandError, match="Could not download"):
        run(f"{file_server}/missing.geojson")

    assert not District.objects.exists()


def test_an_invalid_file_lists_every_problem_and_changes_nothing(tmp_path, shared_districts_path):
    run(str(shared_districts_path))
    bad = tmp_path / "bad.geojson"
    bad.write_text(
        feature_collection(
            polygon_feature({"Name": "A", "ID": 1}, square(7.7, 49.4)),
            polygon_feature({"Name": "A", "ID": 2}, square(7.8, 49.4)),
        )
    )

    with pytest.raises(CommandError) as raised:
        run(str(bad))

    assert "The name 'A' occurs more than once." in str(raised.value)
    assert District.objects.count() == 10


def test_other_schemes_and_missing_files_are_refused(tmp_path):
    with pytest.raises(CommandError, match="Only http"):
        run("file:///etc/passwd")
    with pytest.raises(CommandError, match="Could not read"):
        run(str(tmp_path / "nothing.geojson"))
