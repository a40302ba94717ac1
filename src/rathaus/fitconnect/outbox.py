"""The FIT-Connect outbox: a case goes to its destination through the Submission API.

Each call of `deliver` does the next durable step and reports it, so the engine commits the
journal between steps and a crash resumes where it stopped:

1. no submission yet (or the last one was rejected and a clerk sends it again): find the
   destination (configured per service, else the Routing API by LeiKa key and regional key),
   check it serves the service with JSON data, announce the submission with its attachments,
   record the submission id — underway;
2. announced: if the event log already shows it submitted (a crash after the submit), record that;
   otherwise fetch and check the destination's encryption key, upload each attachment not yet
   uploaded as a JWE, then submit the encrypted metadata (with every hash) and data — underway;
3. submitted: read the event log (signatures checked); accepted → delivered; rejected → refused
   (failed at once; a clerk may send it again only where the problems allow); nothing yet →
   underway, looked at again after FIT_CONNECT_CHECK_MINUTES.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.models import Case
from rathaus.eservices.outboxes import (
    DeliveryRefused,
    DeliveryUnderway,
    Outbox,
    Parcel,
    register_outbox,
)
from rathaus.fitconnect import conf, crypto
from rathaus.fitconnect.client import Api
from rathaus.fitconnect.destinations import data_schema
from rathaus.fitconnect.events import ACCEPTED, Outcome, outcome_of
from rathaus.fitconnect.metadata import (
    DATA_MIME_TYPE,
    Attachment,
    metadata_record,
    service_identifier,
)
from rathaus.fitconnect.models import Transfer, TransferState
from rathaus.fitconnect.selectors import latest_transfer, transfer_may_retry, transfer_progress
from rathaus.fitconnect.services import (
    transfer_announced,
    transfer_attachment_uploaded,
    transfer_settle,
    transfer_submitted,
)

logger = logging.getLogger(__name__)


def _acceptance_holds(transfer: Transfer, details: dict, signer: dict) -> bool:
    """Signed by the destination itself, and naming the authentication tags of what we sent
    (where both sides know them: a destination may omit them, and after a crash resumed from the
    event log we do not know ours)."""
    if signer.get("by") != "destination":
        logger.warning("Acceptance of %s not signed by the destination.", transfer.submission_id)
        return False
    named = details.get("authenticationTags")
    if named and transfer.authentication_tags and named != transfer.authentication_tags:
        logger.warning("Acceptance of %s names other content.", transfer.submission_id)
        return False
    return True


def data_bytes(parcel: Parcel) -> bytes:
    return json.dumps(parcel.data, ensure_ascii=False, sort_keys=True).encode()


@register_outbox
class FitConnectOutbox(Outbox):
    key = "fitconnect"
    label = _("FIT-Connect (Submission API)")

    @classmethod
    def available(cls) -> bool:
        return conf.enabled()

    def progress(self, *, reference: str) -> str:
        return transfer_progress(latest_transfer(reference=reference))

    def may_retry(self, *, reference: str) -> bool:
        return transfer_may_retry(latest_transfer(reference=reference))

    def deliver(self, parcel: Parcel) -> None:
        if not conf.enabled():
            raise DeliveryRefused("FIT-Connect is not switched on (FIT_CONNECT_ENABLED).")
        case = Case.objects.select_related("service").get(reference=parcel.reference)
        api = Api()
        transfer = latest_transfer(reference=parcel.reference)
        if transfer is not None and transfer.state == TransferState.ACCEPTED:
            return
        if transfer is None or transfer.state == TransferState.REJECTED:
            self._announce(api, case, parcel, previous=transfer)
            raise DeliveryUnderway("announced", check_again_in=timedelta(0))
        if transfer.state == TransferState.ANNOUNCED:
            self._send(api, case, transfer, parcel)
            raise DeliveryUnderway("submitted", check_again_in=conf.check_again_in())
        outcome = self._outcome(api, transfer)
        if outcome.settled:
            transfer_settle(transfer=transfer, outcome=outcome)
        if outcome.accepted:
            return
        if outcome.rejected:
            raise DeliveryRefused(transfer_progress(transfer))
        raise DeliveryUnderway("waiting for the destination", check_again_in=conf.check_again_in())

    # -- step 1 --------------------------------------------------------------------------------
    @staticmethod
    def _where(api: Api, leika: str) -> tuple[str, str]:
        configured = conf.destinations().get(leika)
        if configured:
            return configured, conf.setting("SUBMISSION_URL")
        if conf.setting("ROUTING_URL") and conf.setting("ARS"):
            return api.route(leika=leika, ars=conf.setting("ARS"))
        raise DeliveryRefused(f"No FIT-Connect destination is configured for LeiKa {leika}.")

    def _announce(self, api: Api, case: Case, parcel: Parcel, *, previous: Transfer | None):
        leika = case.service.leika
        destination_id, base = self._where(api, leika)
        data_schema(api.destination(base, destination_id), leika=leika)
        attachments = [
            {"id": str(uuid.uuid4()), "filename": name, "sha512": "", "uploaded": False}
            for name, _content in parcel.documents
        ]
        body = {
            "destinationId": destination_id,
            "announcedAttachments": [entry["id"] for entry in attachments],
            "serviceType": {"name": case.service.name_de, "identifier": service_identifier(leika)},
        }
        if previous is not None:
            body["caseId"] = previous.fit_case_id  # the same case, sent again
        answer = api.announce(base, body)
        return transfer_announced(
            case=case,
            destination_id=destination_id,
            submission_url=base,
            submission_id=answer["submissionId"],
            fit_case_id=answer["caseId"],
            attachments=attachments,
        )

    # -- step 2 --------------------------------------------------------------------------------
    def _send(self, api: Api, case: Case, transfer: Transfer, parcel: Parcel) -> None:
        if self._outcome(api, transfer).submitted:
            transfer_submitted(transfer=transfer, found_in_log=True)
            return
        base, destination_id = transfer.submission_url, transfer.destination_id
        destination = api.destination(base, destination_id)
        schema_uri = data_schema(destination, leika=case.service.leika)
        kid = destination.get("encryptionKid", "")
        try:
            key = crypto.encryption_key(
                api.destination_key(base, destination_id, kid),
                kid=kid,
                policy=conf.trust_policy(),
                now=timezone.now(),
            )
        except crypto.KeyRejected as error:
            raise DeliveryRefused(f"The destination's encryption key is refused: {error}") from None
        documents = dict(parcel.documents)
        for entry in transfer.attachments:
            if entry["uploaded"]:
                continue
            if entry["filename"] not in documents:
                raise DeliveryRefused(f"The announced attachment {entry['filename']} is gone.")
            content = documents[entry["filename"]]
            attachment = Attachment(entry["id"], entry["filename"], crypto.sha512_hex(content))
            token = crypto.encrypt(content, key, content_type=attachment.mime_type)
            api.upload(base, transfer.submission_id, entry["id"], token)
            transfer_attachment_uploaded(
                transfer=transfer,
                attachment_id=entry["id"],
                sha512=attachment.sha512,
                tag=crypto.authentication_tag(token),
            )
        data = data_bytes(parcel)
        metadata = metadata_record(
            service_name=case.service.name_de,
            leika=case.service.leika,
            data_sha512=crypto.sha512_hex(data),
            schema_uri=schema_uri,
            attachments=[
                Attachment(entry["id"], entry["filename"], entry["sha512"])
                for entry in transfer.attachments
            ],
        )
        body = {
            "encryptedMetadata": crypto.encrypt(
                json.dumps(metadata, ensure_ascii=False).encode(), key, content_type=DATA_MIME_TYPE
            ),
            "encryptedData": crypto.encrypt(data, key, content_type=DATA_MIME_TYPE),
        }
        submitted_now = api.submit(base, transfer.submission_id, body)
        tags = {
            "metadata": crypto.authentication_tag(body["encryptedMetadata"]),
            "data": crypto.authentication_tag(body["encryptedData"]),
            "attachments": {entry["id"]: entry.get("tag", "") for entry in transfer.attachments},
        }
        transfer_submitted(
            transfer=transfer, found_in_log=not submitted_now, tags=tags if submitted_now else None
        )

    # -- step 3 --------------------------------------------------------------------------------
    @staticmethod
    def _outcome(api: Api, transfer: Transfer) -> Outcome:
        """What the case's event log says about this submission; unverifiable tokens count for
        nothing, and only the destination's own keys can accept or reject."""
        base = transfer.submission_url
        service_keys = {key.get("kid"): key for key in api.service_keys(base)}
        payloads = []
        for token in api.event_log(base, transfer.fit_case_id):
            signer = {}

            def key_for(kid: str, signer=signer) -> dict:
                if kid in service_keys:
                    signer["by"] = "service"
                    return service_keys[kid]
                signer["by"] = "destination"
                return api.destination_key(base, transfer.destination_id, kid)

            try:
                payload = crypto.signed_payload(token, key_for)
            except crypto.KeyRejected as error:
                logger.warning("Event of %s not verified: %s", transfer.submission_id, error)
                continue
            events = payload.get("events") or {}
            if ACCEPTED in events and not _acceptance_holds(transfer, events[ACCEPTED], signer):
                continue
            payloads.append(payload)
        return outcome_of(payloads, submission_id=transfer.submission_id)
