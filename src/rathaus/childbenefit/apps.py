from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

SERVICE_DEFINITIONS = Path(__file__).parent / "service_definitions"


class ChildbenefitConfig(AppConfig):
    name = "rathaus.childbenefit"
    label = "childbenefit"
    verbose_name = _("Child benefit")

    def ready(self) -> None:
        from datetime import timedelta

        from rathaus.childbenefit import (
            handlers,  # noqa: F401  (registers the service handlers)
            predicates,  # noqa: F401  (registers the duties)
        )
        from rathaus.childbenefit.services import age_reminders_send
        from rathaus.core.schedule import register_job

        register_job("childbenefit.age_reminders", age_reminders_send, every=timedelta(days=1))

        from rathaus.childbenefit.models import BenefitClaim, ClaimChild, DecisionLine
        from rathaus.childbenefit.selectors.schedule import CLAIMS_TOPIC
        from rathaus.core.fragments import connect_topic

        # What the decision page's cached proposal and schedule show.
        connect_topic(CLAIMS_TOPIC, [BenefitClaim, ClaimChild, DecisionLine])

        from rathaus.childbenefit.services import amount_defaults_seed
        from rathaus.core.installation import register_installer
        from rathaus.eservices.definitions import register_service_definitions

        register_installer(
            "childbenefit.amounts",
            lambda: f"{len(amount_defaults_seed(actor=None))} amount rows added",
            order=30,
        )
        register_service_definitions("childbenefit.services", SERVICE_DEFINITIONS)

        from rathaus.accounts.privacy import register_personal_data
        from rathaus.childbenefit.privacy import childbenefit_export

        register_personal_data("childbenefit", export=childbenefit_export)

        from rathaus.childbenefit import personal

        # The payment schedule is cached per person (ADR 0421).
        personal.connect()
        from rathaus.childbenefit.predicates import can_manage_amounts, can_set_role
        from rathaus.core.navigation import Link, register_backoffice_link, register_home_panel

        register_backoffice_link(
            Link(
                title=_("Child benefit amounts"),
                description=_("The amount per child and month, by validity."),
                url_name="backoffice:childbenefit:amounts",
                allowed=can_manage_amounts,
                order=300,
            )
        )
        register_backoffice_link(
            Link(
                title=_("Child benefit: role of the city"),
                description=_("Decide and pay as Familienkasse, or hand applications over."),
                url_name="backoffice:childbenefit:role",
                allowed=can_set_role,
                order=310,
            )
        )
        register_home_panel("childbenefit/home_panel.html", order=300)
