from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "rathaus.opendata"
    label = "opendata"
    verbose_name = _("Open data")

    def ready(self) -> None:
        from rathaus.core.schedule import register_job
        from rathaus.opendata import builtin_charts, builtin_datasets
        from rathaus.opendata.figures import REFRESH_EVERY, figures_refresh

        builtin_charts.register()
        builtin_datasets.register()
        register_job("opendata.figures", figures_refresh, every=REFRESH_EVERY)
