from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotingConfig(AppConfig):
    name = "rathaus.voting"
    label = "voting"
    verbose_name = _("Votes")

    def ready(self):
        from rathaus.core.navigation import Link, register_backoffice_link, register_home_panel
        from rathaus.organization.predicates import is_moderator

        register_backoffice_link(
            Link(
                title=_("Polls and votes"),
                url_name="backoffice:voting:polls",
                description=_(
                    "Create polls and participatory budgets, generate voting codes, close "
                    "polls and publish their results."
                ),
                allowed=is_moderator,
                order=60,
            )
        )
        register_home_panel("voting/home_panel.html", order=40)
