from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "rathaus.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added

        from rathaus.accounts.mfa import record_totp_activation
        from rathaus.accounts.privacy import account_export, register_personal_data
        from rathaus.core.navigation import Link, register_account_link

        authenticator_added.connect(record_totp_activation, dispatch_uid="rathaus_totp_activation")
        register_personal_data("account", export=account_export)
        register_account_link(
            Link(
                title=_("My data"),
                url_name="accounts:my_data",
                description=_("Download all your data or delete your account."),
                order=95,
            )
        )

        register_account_link(
            Link(title=_("Profile and settings"), url_name="accounts:profile_edit", order=90)
        )
        register_account_link(Link(title=_("E-mail addresses"), url_name="account_email", order=91))
        register_account_link(
            Link(title=_("Password"), url_name="account_change_password", order=92)
        )
        register_account_link(
            Link(title=_("Two-factor authentication"), url_name="mfa_index", order=93)
        )
