"""What a destination must offer before anything is sent to it: pure, no Django."""

from __future__ import annotations

from rathaus.eservices.outboxes import DeliveryRefused
from rathaus.fitconnect.metadata import DATA_MIME_TYPE, service_identifier


def data_schema(destination: dict, *, leika: str) -> str:
    """The schema URI the destination expects JSON data of this service in, or DeliveryRefused."""
    name = destination.get("destinationId", "?")
    if destination.get("status", "active") != "active":
        raise DeliveryRefused(f"Destination {name} is not active.")
    versions = destination.get("metadataVersions")
    if versions is not None and not any(str(version).startswith("1.") for version in versions):
        raise DeliveryRefused(f"Destination {name} reads no metadata version 1.x.")
    identifier = service_identifier(leika)
    for service in destination.get("services") or []:
        if service.get("identifier") != identifier:
            continue
        for schema in service.get("submissionSchemas") or []:
            if schema.get("mimeType") == DATA_MIME_TYPE and schema.get("schemaUri"):
                return schema["schemaUri"]
        raise DeliveryRefused(f"Destination {name} takes no JSON data for {identifier}.")
    raise DeliveryRefused(f"Destination {name} does not serve {identifier}.")
