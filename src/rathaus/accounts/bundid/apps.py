from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BundIdConfig(AppConfig):
    name = "rathaus.accounts.bundid"
    label = "bundid"
    verbose_name = _("BundID sign-in")
