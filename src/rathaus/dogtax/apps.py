from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DogtaxConfig(AppConfig):
    name = "rathaus.dogtax"
    label = "dogtax"
    verbose_name = _("Dog tax")

    def ready(self) -> None:
        from rathaus.core.navigation import Link, register_backoffice_link
        from rathaus.dogtax.predicates import is_tax_office_staff

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
                title=_("Annual dog-tax assessment"),
                description=_("Notices for every household, progress, direct debits and exports."),
                url_name="backoffice:dogtax:assessment",
                allowed=is_tax_office_staff,
                order=210,
            )
        )
