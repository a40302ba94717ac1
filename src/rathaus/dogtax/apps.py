from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

SERVICE_DEFINITIONS = Path(__file__).parent / "service_definitions"


class DogtaxConfig(AppConfig):
    name = "rathaus.dogtax"
    label = "dogtax"
    verbose_name = _("Dog tax")

    def ready(self) -> None:
        from rathaus.accounts.privacy import register_personal_data
        from rathaus.core.fragments import connect_topic
        from rathaus.core.navigation import Link, register_account_link, register_backoffice_link
        from rathaus.dogtax import (
            form_sources,
            handlers,  # noqa: F401  (registers the service handlers)
            models,
            opendata,
            predicates,  # noqa: F401  (registers the duties)
            selectors,
            tasks,  # noqa: F401  (registers the background tasks services enqueue by name)
        )
        from rathaus.dogtax.predicates import can_look_up_tags, is_tax_office_staff
        from rathaus.dogtax.privacy import dogtax_erase, dogtax_export

        # The keepers' households, dogs and tags: what the form engine's dog choices show.
        connect_topic(form_sources.KEEPERS_TOPIC, [models.TaxAccount, models.Dog, models.Tag])

        register_backoffice_link(
            Link(
                title=_("Dog tax statute"),
                description=_("Rates, exemptions and due dates of the dog tax."),
                url_name="backoffice:dogtax:statute",
                allowed=is_tax_office_staff,
                order=200,
            )
        )
        register_backoffice_link(
            Link(
                title=_("Dog register"),
                description=_("Households, dogs, tax tags, notices and their history."),
                url_name="backoffice:dogtax:register",
                allowed=is_tax_office_staff,
                order=201,
            )
        )
        register_backoffice_link(
            Link(
                title=_("Tax tag lookup"),
                description=_("Whether a dog tax tag is valid, and whose dog wears it."),
                url_name="backoffice:dogtax:tag_lookup",
                allowed=can_look_up_tags,
                order=202,
            )
        )
        register_backoffice_link(
            Link(
                title=_("Annual dog-tax assessment"),
                description=_("Notices for every household, progress, direct debits and exports."),
                url_name="backoffice:dogtax:assessment",
                allowed=is_tax_office_staff,
                order=210,
            )
        )
        register_account_link(
            Link(
                title=_("My dogs"),
                url_name="dogtax:my_dogs",
                description=_("Your dogs with their tax tags, tax account and notices."),
                allowed=lambda user: selectors.keeper_account(user) is not None,
                order=20,
            )
        )
        from rathaus.core.installation import register_installer
        from rathaus.dogtax.services import statute_seed
        from rathaus.eservices.definitions import register_service_definitions

        register_installer("dogtax.statute", lambda: f"statute “{statute_seed().name}”", order=30)
        register_service_definitions("dogtax.services", SERVICE_DEFINITIONS)
        opendata.register()
        register_personal_data("dogtax", export=dogtax_export, erase=dogtax_erase)
