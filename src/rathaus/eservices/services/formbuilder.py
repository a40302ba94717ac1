"""Staff define services and their forms as data: edit a working copy, publish a version."""

from __future__ import annotations

import copy

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.eservices.formschema import Problem, schema_problems
from rathaus.eservices.handlers import missing_answer_keys
from rathaus.eservices.models import FormVersion, Service

SERVICE_FIELDS = (
    "leika",
    "slug",
    "name_de",
    "name_en",
    "summary_de",
    "summary_en",
    "description_de",
    "description_en",
    "unit",
    "fees_de",
    "fees_en",
    "fee_amount",
    "documents_de",
    "documents_en",
    "ozg_maturity",
    "is_open",
    "handler",
    "outboxes",
    "processing_days",
    "draft_retention_days",
    "case_retention_days",
)


class NotPublishable(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(problems)


def _snapshot(service: Service, fields) -> dict:
    return {
        name: (getattr(service, f"{name}_id") if name == "unit" else getattr(service, name))
        for name in fields
    }


@transaction.atomic
def service_create(*, actor, life_situations=(), **values) -> Service:
    unknown = set(values) - set(SERVICE_FIELDS)
    if unknown:
        raise ValueError(f"Not service fields: {sorted(unknown)}")
    service = Service(**values)
    service.full_clean()
    service.save()
    service.life_situations.set(life_situations)
    audit_record(
        actor=actor,
        action="eservices.service.create",
        target=service,
        after={
            **_snapshot(service, values),
            "life_situations": [ls.slug for ls in life_situations],
        },
    )
    return service


@transaction.atomic
def service_update(*, service: Service, actor, life_situations=None, **changes) -> Service:
    unknown = set(changes) - set(SERVICE_FIELDS)
    if unknown:
        raise ValueError(f"Not service fields: {sorted(unknown)}")
    service = Service.objects.select_for_update().get(pk=service.pk)
    before = _snapshot(service, changes)
    for name, value in changes.items():
        setattr(service, name, value)
    service.full_clean()
    service.save()
    if life_situations is not None:
        service.life_situations.set(life_situations)
    after = _snapshot(service, changes)
    if before != after or life_situations is not None:
        audit_record(
            actor=actor,
            action="eservices.service.update",
            target=service,
            before=before,
            after=after,
        )
    return service


@transaction.atomic
def form_edit(*, service: Service, schema: dict, actor) -> Service:
    """Replace the working copy (what the builder shows); citizens still get the published form."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    service.form_working_copy = schema
    service.save(update_fields=["form_working_copy", "updated_at"])
    audit_record(
        actor=actor,
        action="eservices.form.edit",
        target=service,
        after={"steps": [step.get("key") for step in schema.get("steps", [])]},
    )
    return service


@transaction.atomic
def form_publish(*, service: Service, actor) -> FormVersion:
    """Publish the working copy as a new immutable version; new applications use it."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    problems = schema_problems(service.form_working_copy) + [
        Problem("handler_key_missing", "", {"key": key, "handler": service.handler})
        for key in missing_answer_keys(service.handler, service.form_working_copy)
    ]
    if problems:
        raise NotPublishable(problems)
    number = (service.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = FormVersion.objects.create(
        service=service,
        number=number,
        schema=copy.deepcopy(service.form_working_copy),
        published_at=timezone.now(),
        published_by=actor,
    )
    audit_record(
        actor=actor, action="eservices.form.publish", target=service, after={"version": number}
    )
    return version
