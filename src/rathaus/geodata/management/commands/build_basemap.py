"""Cut the platform's own base map from its data into a PMTiles archive (BASEMAP_ARCHIVE)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rathaus.core.municipality import municipality
from rathaus.geodata.selectors import basemap_features
from rathaus.geodata.services import basemap_build


class Command(BaseCommand):
    help = (
        "Build the base map (vector tiles in a PMTiles archive) from the districts, places, "
        "proposals and project sites, and write it to BASEMAP_ARCHIVE or --output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Where to write the archive (default BASEMAP_ARCHIVE)")
        parser.add_argument(
            "--max-zoom",
            type=int,
            default=settings.BASEMAP_MAX_ZOOM,
            help="The deepest zoom level to cut (default BASEMAP_MAX_ZOOM)",
        )
        parser.add_argument(
            "--if-missing", action="store_true", help="Do nothing when the archive exists"
        )

    def handle(self, *args, output=None, max_zoom: int, if_missing: bool, **options):
        target = Path(output) if output else settings.BASEMAP_ARCHIVE
        if target is None:
            raise CommandError("Set BASEMAP_ARCHIVE or give --output.")
        if not 0 <= max_zoom <= 16:
            raise CommandError("--max-zoom must lie between 0 and 16.")
        if if_missing and target.is_file():
            self.stdout.write(f"{target} exists; nothing to do.")
            return
        features = basemap_features()
        if not features:
            message = "There is nothing to draw yet: import the districts first."
            if if_missing:  # `make run` without district boundaries: the maps show outlines
                self.stdout.write(self.style.WARNING(message))
                return
            raise CommandError(message)
        profile = municipality()
        built = basemap_build(
            features=features,
            path=target,
            max_zoom=max_zoom,
            attribution=profile.basemap_attribution or profile.name,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {built.tiles} tiles ({built.size // 1024} KiB) to {built.path}."
            )
        )
