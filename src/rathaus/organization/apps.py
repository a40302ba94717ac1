from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationConfig(AppConfig):
    name = "rathaus.organization"
    label = "organization"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from rathaus.core.installation import register_installer
        from rathaus.core.navigation import Link, register_backoffice_link
        from rathaus.organization.installation import units_install

        register_installer("organization.units", units_install, order=10)
        from rathaus.organization.predicates import is_administrator, is_staff_member

        register_backoffice_link(
            Link(
                title=_("Organisation"),
                description=_("Departments, roles and who belongs where."),
                url_name="backoffice:organization:units",
                allowed=is_staff_member,
                order=900,
            )
        )
        register_backoffice_link(
            Link(
                title=_("Audit log"),
                description=_("Who changed what, and when."),
                url_name="backoffice:audit",
                allowed=is_administrator,
                order=910,
            )
        )
