from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotingConfig(AppConfig):
    name = "rathaus.voting"
    label = "voting"
    verbose_name = _("Votes")

    def ready(self):
        from datetime import timedelta

        from rathaus.accounts.privacy import register_personal_data
        from rathaus.core.fragments import connect_topic
        from rathaus.core.navigation import Link, register_backoffice_link, register_home_panel
        from rathaus.core.schedule import register_job
        from rathaus.organization.predicates import is_moderator
        from rathaus.participation.panels import register_process_panel
        from rathaus.voting import opendata
        from rathaus.voting.models import Option, Poll
        from rathaus.voting.privacy import votes_export
        from rathaus.voting.services.schedule import ballot_boxes_mix_open, polls_close_due

        # What the start page and the result pages show (cached fragments).
        connect_topic("voting", [Poll, Option])
        opendata.register()
        register_personal_data("votes", export=votes_export)
        register_process_panel("voting/process_panel.html", order=10)
        register_job("voting.close_due_polls", polls_close_due, every=timedelta(minutes=1))
        register_job("voting.mix_ballot_boxes", ballot_boxes_mix_open, every=timedelta(hours=1))

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
        register_home_panel("voting/home_panel.html", order=40, topics=("voting", "participation"))
