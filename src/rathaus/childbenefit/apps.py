from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChildbenefitConfig(AppConfig):
    name = "rathaus.childbenefit"
    label = "childbenefit"
    verbose_name = _("Child benefit")
