"""BundID in allauth's registry of sign-in providers, beside e-mail and OpenID Connect.

allauth lists the provider on the sign-in page when `SOCIALACCOUNT_PROVIDERS["bundid"]` has an
app, which settings add only when BundID is configured; the SAML work is in `sp.py`, the views
in `views.py`. allauth imports this module while it builds its URL configuration, after the
apps are ready.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers.base import Provider, ProviderAccount
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from rathaus.accounts.bundid import sp
from rathaus.accounts.bundid.attributes import BundIdIdentity, identity_to_data
from rathaus.accounts.services import verified_attributes_replace

SOURCE = "bundid"


class BundIdAccount(ProviderAccount):
    def to_str(self) -> str:
        return self.account.provider


class BundIdProvider(Provider):
    id = "bundid"
    name = "BundID"
    supports_redirect = True
    account_class = BundIdAccount

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.name = self.app.name or self.name

    def get_login_url(self, request, **kwargs) -> str:
        url = reverse("bundid_login")
        return f"{url}?{urlencode(kwargs)}" if kwargs else url

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        request_id, location = sp.authn_request()
        self.stash_redirect_state(request, process, next_url, data, state_id=request_id, **kwargs)
        return HttpResponseRedirect(location)

    # A BundIdIdentity (attributes.py) is the "response" allauth builds the login from.
    def extract_uid(self, data: BundIdIdentity) -> str:
        return data.uid

    def extract_extra_data(self, data: BundIdIdentity) -> dict:
        return identity_to_data(data)

    def extract_common_fields(self, data: BundIdIdentity) -> dict:
        return {"email": data.email, "first_name": data.given_name, "last_name": data.family_name}

    def extract_email_addresses(self, data: BundIdIdentity) -> list:
        if not data.email:
            return []
        return [EmailAddress(email=data.email, verified=False, primary=True)]

    def store_verified_attributes(self, user, sociallogin) -> None:
        """Every sign-in replaces what BundID verified before (a move away ends the residence).

        The values then live only in the verified attributes: the social account keeps the
        level, not a second copy of names, birth date and address.
        """
        account = sociallogin.account
        data = account.extra_data or {}
        verified_attributes_replace(user=user, by_level=data.get("verified") or {}, source=SOURCE)
        account.extra_data = {key: value for key, value in data.items() if key != "verified"}
        if account.pk:
            SocialAccount.objects.filter(pk=account.pk).update(extra_data=account.extra_data)


provider_classes = [BundIdProvider]
