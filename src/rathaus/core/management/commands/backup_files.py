"""Copy every file of the default storage (local MEDIA_ROOT or the S3 bucket) into a tar archive.

Used by `scripts/backup`; `restore_files` puts the archive back through the same storage API,
so a backup taken from the local disk can be restored into an object store and the other way.
"""

import tarfile
from io import BytesIO

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand


def stored_names(storage, directory: str = ""):
    folders, files = storage.listdir(directory)
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for folder in folders:
        yield from stored_names(storage, f"{directory}/{folder}" if directory else folder)


class Command(BaseCommand):
    help = "Write all stored files (uploads, notices, exports) into a tar archive."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        count = 0
        with tarfile.open(archive, "w:gz") as tar:
            for name in stored_names(default_storage):
                with default_storage.open(name, "rb") as handle:
                    content = handle.read()
                info = tarfile.TarInfo(name)
                info.size = len(content)
                tar.addfile(info, BytesIO(content))
                count += 1
        self.stdout.write(f"{count} files written to {archive}")
