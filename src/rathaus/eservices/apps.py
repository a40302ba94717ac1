from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EservicesConfig(AppConfig):
    name = "rathaus.eservices"
    label = "eservices"
    verbose_name = _("Online services")

    def ready(self) -> None:
        from datetime import timedelta

        from django.contrib.auth import get_user_model

        from rathaus.accounts.privacy import register_personal_data
        from rathaus.core.fragments import connect_topic
        from rathaus.core.installation import register_installer
        from rathaus.core.navigation import (
            Link,
            register_account_link,
            register_backoffice_link,
            register_home_panel,
        )
        from rathaus.core.schedule import register_job
        from rathaus.eservices import (
            conf,
            metrics,
            opendata,
            outboxes,  # noqa: F401
            personal,
            prefill,  # noqa: F401  (registers the person's pre-fill sources)
            tasks,  # noqa: F401  (registers the background tasks services enqueue by name)
        )
        from rathaus.eservices.definitions import life_situations_install
        from rathaus.eservices.models import FormVersion, LifeSituation, Service
        from rathaus.eservices.outboxes import (  # noqa: F401  (they register themselves)
            folder,
            storage,
            xdomea,
        )
        from rathaus.eservices.privacy import services_erase, services_export
        from rathaus.eservices.rules import leads_any_unit, works_on_cases
        from rathaus.eservices.selectors.inbox import FILTER_TOPIC, PEOPLE_TOPIC
        from rathaus.eservices.services.archiving import archive_run
        from rathaus.eservices.services.handoff import deliveries_retry_due
        from rathaus.eservices.services.retention import retention_apply
        from rathaus.organization.models import Membership, OrgUnit
        from rathaus.organization.predicates import is_administrator

        # What the catalogue and the service pages show (cached fragments).
        connect_topic("eservices.catalogue", [Service, LifeSituation, FormVersion, OrgUnit])
        # The inbox's filter choices (services and departments).
        connect_topic(FILTER_TOPIC, [Service, OrgUnit])
        # The people the case page's history and assign form name (cached fragments); a
        # sign-in saves only `last_login`, which neither shows.
        connect_topic(PEOPLE_TOPIC, [get_user_model(), Membership], unseen=["last_login"])
        # What a citizen's own pages show (personal fragments, ADR 0421).
        personal.connect()
        register_installer("eservices.life_situations", life_situations_install, order=20)
        metrics.register()
        opendata.register()
        register_personal_data("services", export=services_export, erase=services_erase)
        register_job("eservices.retry_deliveries", deliveries_retry_due, every=timedelta(minutes=5))
        register_job("eservices.apply_retention", retention_apply, every=timedelta(days=1))
        register_job("eservices.archive", archive_run, every=timedelta(minutes=5))

        register_backoffice_link(
            Link(
                title=_("Inbox"),
                url_name="backoffice:eservices:inbox",
                description=_("Applications of your departments: review, ask, decide."),
                allowed=works_on_cases,
                order=10,
            )
        )
        register_backoffice_link(
            Link(
                title=_("Stuck submissions"),
                url_name="backoffice:eservices:stuck",
                description=_("Submissions whose processing did not finish: run it again."),
                allowed=works_on_cases,
                order=11,
            )
        )
        register_backoffice_link(
            Link(
                title=_("Archive hand-over"),
                url_name="backoffice:eservices:archive",
                description=_("Closed cases on their way to the archive, and those it rejected."),
                allowed=lambda user: conf.archive_enabled() and works_on_cases(user),
                order=13,
            )
        )
        register_backoffice_link(
            Link(
                title=_("Payments"),
                url_name="backoffice:eservices:payments",
                description=_("Due amounts, direct-debit export, bank statement import."),
                allowed=works_on_cases,
                order=12,
            )
        )
        register_backoffice_link(
            Link(
                title=_("Services and forms"),
                url_name="backoffice:eservices:services",
                description=_("Define online services and build their forms without code."),
                allowed=lambda user: is_administrator(user) or leads_any_unit(user),
                order=15,
            )
        )
        register_account_link(
            Link(
                title=_("My mailbox"),
                url_name="eservices:mailbox",
                description=_("Your applications, messages and notices."),
                order=10,
            )
        )
        register_home_panel("eservices/home_panel.html", order=10)
