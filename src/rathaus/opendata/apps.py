from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "rathaus.opendata"
    label = "opendata"
    verbose_name = _("Open data")

    def ready(self) -> None:
        from rathaus.opendata import builtin_charts, builtin_datasets

        builtin_charts.register()
        builtin_datasets.register()
