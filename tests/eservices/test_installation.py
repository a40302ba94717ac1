"""install_services: what a production city gets on day one, idempotent, never overwriting the
city's own form versions; handlers declare the answer keys a form must have."""

import copy
import io

import pytest
from django.core.management import call_command
from django.utils import translation

from rathaus.core.installation import installers
from rathaus.eservices.definitions import read_definition, services_install
from rathaus.eservices.messages import problem_message
from rathaus.eservices.models import FormVersion, Service
from rathaus.eservices.selectors.catalogue import current_version
from rathaus.eservices.services.formbuilder import NotPublishable, form_edit, form_publish
from rathaus.organization.models import OrgUnit
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

FLAGSHIPS = {
    "hundesteuer-anmeldung",
    "hundesteuer-abmeldung",
    "hundesteuermarke-verloren",
    "hundesteuer-adressaenderung",
    "hundesteuer-befreiung",
    "kindergeld",
    "kindergeld-aenderung",
}


def install() -> str:
    out = io.StringIO()
    call_command("install_services", stdout=out)
    return out.getvalue()


def test_the_domains_register_their_installers():
    names = {step.name for step in installers()}
    assert {"organization.units", "dogtax.statute", "dogtax.services"} <= names
    assert {"childbenefit.amounts", "childbenefit.services", "core.municipality"} <= names


def test_install_creates_the_flagship_services_once():
    install()
    counts = (Service.objects.count(), FormVersion.objects.count(), OrgUnit.objects.count())

    assert set(Service.objects.values_list("slug", flat=True)) == FLAGSHIPS
    for service in Service.objects.all():
        assert service.is_open and current_version(service).published_by is None
    assert OrgUnit.objects.get(slug="steueramt").handles_cases

    install()
    assert (Service.objects.count(), FormVersion.objects.count(), OrgUnit.objects.count()) == counts


def product_update(slug: str) -> dict:
    """The definition file of a later release, whose form asks one more question."""
    from rathaus.dogtax.apps import SERVICE_DEFINITIONS

    definition = read_definition(SERVICE_DEFINITIONS, slug)
    updated = copy.deepcopy(definition)
    updated["form"]["steps"][0]["fields"].append(
        {"key": "email", "type": "text", "label": {"de": "E-Mail", "en": "E-mail"}}
    )
    return updated


def test_a_product_update_of_an_untouched_form_is_published():
    install()
    services_install([product_update("hundesteuermarke-verloren")])

    service = Service.objects.get(slug="hundesteuermarke-verloren")
    assert current_version(service).number == 2
    assert "email" in str(current_version(service).schema)
    assert service.form_working_copy == current_version(service).schema


def test_the_citys_published_form_is_never_overwritten():
    install()
    service = Service.objects.get(slug="hundesteuermarke-verloren")
    lead = StaffFactory(unit=service.unit)
    edited = copy.deepcopy(service.form_working_copy)
    edited["steps"][0]["title"] = {"de": "Über Sie", "en": "About you"}
    form_edit(service=service, schema=edited, actor=lead)
    city_version = form_publish(service=service, actor=lead)

    install()
    services_install([product_update("hundesteuermarke-verloren")])

    assert current_version(service) == city_version
    service.refresh_from_db()
    assert service.form_working_copy == edited


def test_a_form_without_an_answer_the_handler_reads_is_not_published():
    install()
    service = Service.objects.get(slug="hundesteuer-anmeldung")
    lead = StaffFactory(unit=service.unit)
    schema = copy.deepcopy(service.form_working_copy)
    for step in schema["steps"]:
        step["fields"] = [item for item in step["fields"] if item["key"] != "dog_name"]
    form_edit(service=service, schema=schema, actor=lead)

    with pytest.raises(NotPublishable) as refused:
        form_publish(service=service, actor=lead)

    assert current_version(service).number == 1
    (problem,) = refused.value.problems
    with translation.override("de"):
        assert problem_message(problem) == (
            "Die Verarbeitung „dogtax.registration“ liest die Angabe „dog_name“; "
            "fügen Sie ein Feld mit diesem Schlüssel hinzu."
        )
