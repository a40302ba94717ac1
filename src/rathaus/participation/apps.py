from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "rathaus.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from datetime import timedelta

        from rathaus.accounts.privacy import register_personal_data
        from rathaus.core.fragments import connect_topic
        from rathaus.core.navigation import (
            Link,
            register_account_link,
            register_backoffice_link,
            register_home_panel,
        )
        from rathaus.core.schedule import register_job
        from rathaus.organization.predicates import is_moderator
        from rathaus.participation import (
            layers,
            opendata,
            tasks,  # noqa: F401  (registers the background tasks services enqueue by name)
        )
        from rathaus.participation.models import (
            Category,
            Comment,
            OfficialAnswer,
            ParticipantProfile,
            Phase,
            Process,
            Project,
            Proposal,
            ProposalImage,
            Support,
        )
        from rathaus.participation.privacy import participation_export
        from rathaus.participation.selectors import PROPOSALS_TOPIC
        from rathaus.participation.services.processes import phases_announce

        # What the start page, the process lists and the Vorhabenliste show (cached fragments).
        connect_topic("participation", [Process, Phase, Category, Project])
        layers.register()
        # What the cached parts of the proposal pages show (ADR 0391): the proposals with their
        # counts, answers and authors' pseudonyms, and their process.
        connect_topic(
            PROPOSALS_TOPIC,
            [
                Process,
                Phase,
                Category,
                Proposal,
                ProposalImage,
                Comment,
                Support,
                OfficialAnswer,
                ParticipantProfile,
            ],
        )
        opendata.register()
        register_personal_data("participation", export=participation_export)
        register_job("participation.announce_phases", phases_announce, every=timedelta(minutes=5))

        register_backoffice_link(
            Link(
                title=_("Moderation of participation"),
                url_name="backoffice:participation:queue",
                description=_("Reports, hidden content, official answers, blocked participants."),
                allowed=is_moderator,
                order=40,
            )
        )
        register_backoffice_link(
            Link(
                title=_("Processes and planned projects"),
                url_name="backoffice:participation:manage",
                description=_(
                    "Create participation processes with their phases; keep the "
                    "Vorhabenliste up to date."
                ),
                allowed=is_moderator,
                order=41,
            )
        )
        register_account_link(
            Link(
                title=_("My participation"),
                url_name="participation:my_contributions",
                description=_(
                    "Your proposals, comments and supports, your pseudonym, e-mail settings "
                    "and data export."
                ),
                order=40,
            )
        )
        register_home_panel("participation/home_panel.html", order=40, topics=("participation",))
