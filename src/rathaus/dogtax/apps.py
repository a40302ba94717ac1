from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DogtaxConfig(AppConfig):
    name = "rathaus.dogtax"
    label = "dogtax"
    verbose_name = _("Dog tax")

    def ready(self) -> None:
        from rathaus.core.navigation import Link, register_backoffice_link
        from rathaus.dogtax import handlers  # noqa: F401  (registers the service handlers)
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
