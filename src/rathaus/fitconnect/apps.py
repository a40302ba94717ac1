from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FitConnectConfig(AppConfig):
    name = "rathaus.fitconnect"
    label = "fitconnect"
    verbose_name = _("FIT-Connect")

    def ready(self) -> None:
        from rathaus.fitconnect import outbox  # noqa: F401  (registers the outbox)
