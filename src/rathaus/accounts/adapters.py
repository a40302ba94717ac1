"""How allauth fits the platform: where people land after sign-in, and OIDC attributes."""

from __future__ import annotations

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.urls import reverse, translate_url

from rathaus.accounts.oidc import assurance_level, attributes_from_claims, merged_claims
from rathaus.accounts.services import verified_attributes_set
from rathaus.accounts.signin_locks import signin_client_locked, signin_failure_record
from rathaus.core.client import client_ip
from rathaus.core.municipality import municipality


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        user = request.user
        url = (
            reverse("backoffice:home") if user.is_staff else super().get_login_redirect_url(request)
        )
        # Continue in the person's own language (the prefixed page also sets the cookie).
        return translate_url(url, user.language) if user.language else url

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A sign-in within the last minutes counts as re-authentication.

        Staff are sent to set up TOTP right after signing in; asking for the password a second
        time there protects nothing and loses people.
        """
        request = self.request
        records = get_authentication_records(request, request.user) if request else []
        newest = max((record.get("at", 0) for record in records), default=0)
        if time.time() - newest < account_settings.REAUTHENTICATION_TIMEOUT:
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def get_client_ip(self, request):
        """The one client address of the platform (trusted proxies only, see core.client)."""
        return client_ip(request)

    def pre_authenticate(self, request, **credentials):
        if signin_client_locked(request):
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request, **credentials):
        signin_failure_record(request, credentials.get("email") or credentials.get("username", ""))
        super().authentication_failed(request, **credentials)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        names = " ".join(filter(None, [data.get("first_name"), data.get("last_name")]))
        if names and not user.display_name:
            user.display_name = names[:80]
        return user

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        store_verified_claims(user, sociallogin)
        return user

    def pre_social_login(self, request, sociallogin):
        if sociallogin.is_existing:
            store_verified_claims(sociallogin.user, sociallogin)


def store_verified_claims(user, sociallogin) -> None:
    """Verified attributes from the sign-in: the provider's own way where it has one (BundID),
    else OpenID Connect claims."""
    provider = sociallogin.account.get_provider()
    store = getattr(provider, "store_verified_attributes", None)
    if store is not None:
        store(user, sociallogin)
        return
    config = settings.OIDC
    profile = municipality()
    claims = merged_claims(sociallogin.account.extra_data or {})
    values = attributes_from_claims(
        claims,
        mapping=config["CLAIMS"],
        municipality_name=profile.name,
        municipality_key=profile.municipality_key,
    )
    if values:
        verified_attributes_set(
            user=user,
            values=values,
            source=f"oidc:{sociallogin.account.provider}",
            assurance_level=assurance_level(
                claims, configured=config["ACR_LEVELS"], default=config["ASSURANCE_LEVEL"]
            ),
        )
