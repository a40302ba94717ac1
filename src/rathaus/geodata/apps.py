from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeodataConfig(AppConfig):
    name = "rathaus.geodata"
    label = "geodata"
    verbose_name = _("Geodata and maps")

    def ready(self) -> None:
        from rathaus.geodata import builtin_layers

        builtin_layers.register()
