"""Services defined as data files beside their domain, installed by `manage.py install_services`.

A domain keeps one JSON file per service in its `service_definitions/` folder and registers the
folder with `register_service_definitions`; the installation creates what is missing and never
overwrites what the city changed:

- a service that does not exist yet is created with the file's texts, department and form;
  an existing service keeps the texts and settings the city gave it;
- ``{city}`` in any text of a file stands for the city of the municipality profile;
- the file's form is published when the service has no published version yet, or when the
  newest version was itself published by the installation and the file has changed since
  (an update of the product). A version a person published in the form builder is the city's:
  the installation leaves it, and the city's form stays in use.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.core.installation import register_installer
from rathaus.core.municipality import municipality
from rathaus.eservices.formschema import schema_problems
from rathaus.eservices.handlers import missing_answer_keys
from rathaus.eservices.models import FormVersion, LifeSituation, Service
from rathaus.eservices.selectors.catalogue import current_version
from rathaus.organization.models import OrgUnit
from rathaus.organization.selectors import unit_with_duty

CITY = "{city}"
LIFE_SITUATIONS_FILE = Path(__file__).parent / "service_definitions" / "life_situations.json"


class DefinitionError(Exception):
    """A definition file that cannot be installed (a product error, not the city's)."""


def read_definitions(folder: Path) -> list[dict]:
    return [json.loads(path.read_text("utf-8")) for path in sorted(folder.glob("*.json"))]


def read_definition(folder: Path, slug: str) -> dict:
    return json.loads((folder / f"{slug}.json").read_text("utf-8"))


def register_service_definitions(name: str, folder: Path, *, order: int = 40) -> None:
    """Install the services of `folder` with `install_services` (after departments and amounts)."""
    register_installer(name, lambda: services_install(read_definitions(folder)), order=order)


def life_situations_install() -> str:
    entries = json.loads(LIFE_SITUATIONS_FILE.read_text("utf-8"))
    created = 0
    for entry in entries:
        _, new = LifeSituation.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "name_de": entry["name"]["de"],
                "name_en": entry["name"]["en"],
                "order": entry["order"],
            },
        )
        created += new
    return f"{created} of {len(entries)} life situations added"


def for_city(value, city: str):
    """The definition with ``{city}`` in every text replaced by the city's name."""
    if isinstance(value, str):
        return value.replace(CITY, city)
    if isinstance(value, list):
        return [for_city(item, city) for item in value]
    if isinstance(value, dict):
        return {key: for_city(item, city) for key, item in value.items()}
    return value


@transaction.atomic
def services_install(definitions: list[dict]) -> str:
    created = published = kept = 0
    city = municipality().city
    for definition in (for_city(definition, city) for definition in definitions):
        service, new = _service(definition)
        created += new
        form = definition.get("form")
        if form is None:
            continue
        outcome = _form(service, form)
        published += outcome == "published"
        kept += outcome == "kept"
    return (
        f"{len(definitions)} services ({created} new), {published} form versions published, "
        f"{kept} forms of the city kept"
    )


def _texts(definition: dict, name: str, *, required: bool = False) -> dict:
    texts = definition[name] if required else definition.get(name, {"de": "", "en": ""})
    return {f"{name}_de": texts["de"], f"{name}_en": texts["en"]}


def _unit(definition: dict) -> OrgUnit:
    """The department holding the service's duty (or, in a city's own file, named by slug)."""
    if "duty" in definition:
        unit = unit_with_duty(definition["duty"])
        if unit is None:
            raise DefinitionError(
                f"{definition['slug']}: no department holds the duty {definition['duty']!r}; "
                "give it to one (ORGANIZATION_UNITS or the admin's departments)."
            )
        return unit
    return OrgUnit.objects.get(slug=definition["unit"])


def _service(definition: dict) -> tuple[Service, bool]:
    existing = Service.objects.filter(slug=definition["slug"]).first()
    if existing is not None:
        return existing, False
    form = definition.get("form")
    fee = definition.get("fee_amount")
    service = Service(
        form_working_copy=copy.deepcopy(form) if form else {"steps": [], "rules": []},
        slug=definition["slug"],
        leika=definition["leika"],
        unit=_unit(definition),
        ozg_maturity=definition["ozg_maturity"],
        is_open=form is not None,
        handler=definition.get("handler", ""),
        outboxes=definition.get("outboxes", []),
        processing_days=definition.get("processing_days", 30),
        case_retention_days=definition.get("case_retention_days", 3 * 365),
        fee_amount=Decimal(fee) if fee is not None else None,
        **_texts(definition, "name", required=True),
        **_texts(definition, "summary", required=True),
        **_texts(definition, "description"),
        **_texts(definition, "fees"),
        **_texts(definition, "documents"),
    )
    service.full_clean()
    service.save()
    service.life_situations.set(
        LifeSituation.objects.filter(slug__in=definition.get("life_situations", []))
    )
    audit_record(
        actor=None, action="eservices.service.install", target=service, after={"slug": service.slug}
    )
    return service, True


def _form(service: Service, form: dict) -> str:
    """'published', 'unchanged' or 'kept' (the city published its own version)."""
    problems = schema_problems(form) + missing_answer_keys(service.handler, form)
    if problems:
        raise DefinitionError(f"The form of {service.slug} cannot be installed: {problems}")
    latest = current_version(service)
    if latest is not None and latest.published_by_id is not None:
        return "kept"
    if latest is not None and latest.schema == form:
        return "unchanged"
    number = (service.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    FormVersion.objects.create(
        service=service, number=number, schema=copy.deepcopy(form), published_at=timezone.now()
    )
    if latest is None or service.form_working_copy == latest.schema:
        Service.objects.filter(pk=service.pk).update(form_working_copy=copy.deepcopy(form))
    audit_record(
        actor=None, action="eservices.form.install", target=service, after={"version": number}
    )
    return "published"
