from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DogtaxConfig(AppConfig):
    name = "rathaus.dogtax"
    label = "dogtax"
    verbose_name = _("Dog tax")
