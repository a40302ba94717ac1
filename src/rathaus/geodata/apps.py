from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeodataConfig(AppConfig):
    name = "rathaus.geodata"
    label = "geodata"
    verbose_name = _("Geodata and maps")

    def ready(self) -> None:
        from rathaus.core.navigation import Link, register_backoffice_link
        from rathaus.geodata import builtin_layers
        from rathaus.organization.predicates import is_administrator

        builtin_layers.register()
        register_backoffice_link(
            Link(
                title=_("Map layers of the city"),
                description=_("Add the city's WMS or WMTS services to the maps' layer switcher."),
                url_name="backoffice:geodata:map_layers",
                allowed=is_administrator,
                order=700,
            )
        )
