"""Import the district boundaries from a GeoJSON file or URL, replacing the districts."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from urllib.error import URLError

from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError

from rathaus.geodata.boundaries import BoundaryFileError, parse_boundaries
from rathaus.geodata.services import districts_replace

TIMEOUT_SECONDS = 30
MAX_BYTES = 50 * 1024 * 1024


def read_source(source: str, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The bytes at `source`: an http(s) URL or a file path."""
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=timeout) as response:  # noqa: S310 (scheme checked)
                data = response.read(MAX_BYTES + 1)
        except (URLError, TimeoutError, OSError) as error:
            raise CommandError(f"Could not download {source}: {error}") from error
        if len(data) > MAX_BYTES:
            raise CommandError(f"{source} is larger than {MAX_BYTES // (1024 * 1024)} MB.")
        return data
    if "://" in source:
        raise CommandError("Only http(s) URLs and file paths can be imported.")
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise CommandError(f"Could not read {source}: {error.strerror or error}") from error


class Command(BaseCommand):
    help = (
        "Import district boundaries (GeoJSON FeatureCollection of polygons in WGS84, properties "
        "Bezirk/Nummer or Name/ID) from a file path or http(s) URL, replacing the districts."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Path or http(s) URL of the GeoJSON file")

    def handle(self, *args, source: str, **options):
        try:
            boundaries = parse_boundaries(read_source(source))
        except BoundaryFileError as error:
            problems = "\n".join(f"  - {problem}" for problem in error.problems)
            raise CommandError(f"{source} cannot be imported:\n{problems}") from error
        try:
            result = districts_replace(boundaries=boundaries, source=source)
        except ProtectedError as error:
            raise CommandError(
                "A district missing from the file is still referenced elsewhere; "
                f"nothing was changed. ({error.args[0]})"
            ) from error
        for label, names in (
            ("created", result.created),
            ("updated", result.updated),
            ("deleted", result.deleted),
            ("unchanged", result.unchanged),
        ):
            if names:
                self.stdout.write(f"{label.capitalize()}: {', '.join(names)}")
        total = len(boundaries)
        if result.changed:
            self.stdout.write(self.style.SUCCESS(f"Imported {total} districts from {source}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"The {total} districts are already up to date."))
