from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "rathaus.core"
    label = "core"
    verbose_name = _("Platform core")

    def ready(self) -> None:
        from rathaus.core.installation import register_installer
        from rathaus.core.municipality import municipality_profile_seed

        register_installer(
            "core.municipality", lambda: f"profile of {municipality_profile_seed().name}", order=0
        )
