"""The metadata record of a submission (FIT-Connect metadata schema 1.x): pure, no Django.

It names the public service by its LeiKa key, the schema of the data, and every attachment with
its purpose, MIME type and the SHA-512 hash of its unencrypted content, so the destination can tell
that nothing was exchanged on the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

SCHEMA_URI = "https://schema.fitko.de/fit-connect/metadata/1.0.0/metadata.schema.json"
LEIKA_URN = "urn:de:fim:leika:leistung:"
DATA_MIME_TYPE = "application/json"

MIME_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".json": "application/json",
    ".xml": "application/xml",
}


@dataclass(frozen=True)
class Attachment:
    attachment_id: str
    filename: str
    sha512: str

    @property
    def mime_type(self) -> str:
        return MIME_TYPES.get(
            PurePosixPath(self.filename).suffix.lower(), "application/octet-stream"
        )

    @property
    def purpose(self) -> str:
        """form: the PDF of the whole application; report: made later (a notice); else evidence."""
        if self.filename.endswith("-receipt.pdf"):
            return "form"
        if self.filename.startswith("notice-"):
            return "report"
        return "attachment"


def service_identifier(leika: str) -> str:
    return f"{LEIKA_URN}{leika}"


def metadata_record(
    *, service_name: str, leika: str, data_sha512: str, schema_uri: str, attachments
) -> dict:
    return {
        "$schema": SCHEMA_URI,
        "publicServiceType": {"name": service_name, "identifier": service_identifier(leika)},
        "contentStructure": {
            "data": {
                "hash": {"type": "sha512", "content": data_sha512},
                "submissionSchema": {"schemaUri": schema_uri, "mimeType": DATA_MIME_TYPE},
            },
            "attachments": [
                {
                    "attachmentId": attachment.attachment_id,
                    "filename": attachment.filename,
                    "mimeType": attachment.mime_type,
                    "purpose": attachment.purpose,
                    "hash": {"type": "sha512", "content": attachment.sha512},
                }
                for attachment in attachments
            ],
        },
    }
