"""BundID's endpoints: SP metadata, sign-in start, and the assertion consumer service (ACS).

The IdP POSTs its answer to the ACS from another site, so the browser sends no session cookie
(SameSite=Lax). As allauth does for SAML, the ACS keeps the answer in a short-lived session of
its own and redirects; the finishing GET has the citizen's session, in which the sign-in's
request ID (InResponseTo) was stashed. Every refusal is a translated page; the account and its
verified attributes are written in one transaction, so a failure leaves nothing behind.
"""

from __future__ import annotations

import logging

from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.helpers import complete_social_login
from allauth.socialaccount.internal import statekit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.base.views import BaseLoginView
from allauth.socialaccount.sessions import LoginSession
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from rathaus.accounts.bundid import sp
from rathaus.accounts.bundid.attributes import NoPseudonym, identity_from_assertion
from rathaus.accounts.bundid.services import Replayed, assertion_consume
from rathaus.core.municipality import municipality

logger = logging.getLogger(__name__)

PROVIDER = "bundid"
ACS_SESSION = ("bundid_acs_session", "bundid-acs")

MESSAGES = {
    sp.Reason.REFUSED: _(
        "BundID did not confirm your sign-in: it was cancelled or refused there. You are not "
        "signed in."
    ),
    sp.Reason.EXPIRED: _(
        "The answer from BundID arrived too late and is no longer valid. Please sign in again."
    ),
    sp.Reason.REPLAYED: _(
        "This answer from BundID has already been used to sign in. Please sign in again."
    ),
    sp.Reason.NOT_STARTED: _(
        "This sign-in was not started in this browser, or it took too long. Please sign in again."
    ),
    sp.Reason.UNAVAILABLE: _(
        "Sign-in with BundID is not available at the moment. Please try again later or sign in "
        "with your e-mail address."
    ),
    sp.Reason.INVALID: _(
        "The answer from BundID could not be verified, so you are not signed in. Please sign in "
        "again; if this happens again, please contact the city."
    ),
}


def _provider(request):
    if not sp.enabled():
        raise Http404
    try:
        return get_adapter().get_provider(request, PROVIDER)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error


def refusal(request, reason: sp.Reason) -> HttpResponse:
    status = {sp.Reason.REFUSED: 403, sp.Reason.UNAVAILABLE: 503}.get(reason, 400)
    return render(
        request, "bundid/error.html", {"message": MESSAGES[reason], "reason": reason}, status=status
    )


class LoginView(BaseLoginView):
    """GET: the confirmation page (allauth's); POST: the signed AuthnRequest, by redirect."""

    provider_id = PROVIDER

    def get_provider(self):
        return _provider(self.request)

    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
            if request.method == "GET":
                # The confirmation form posts here and is redirected on to BundID.
                response._csp_update = {"form-action": [sp.idp_origin() + "/"]}
        except Http404:
            raise
        except Exception:  # BundID's metadata unreadable, a key file missing, ...
            logger.exception("BundID sign-in cannot start")
            return refusal(request, sp.Reason.UNAVAILABLE)
        return response


login = login_not_required(LoginView.as_view())


@csrf_exempt
@login_not_required
@require_POST
def acs(request):
    _provider(request)
    encoded = request.POST.get("SAMLResponse", "")
    if not encoded or len(encoded) > sp.MAX_RESPONSE_CHARS:
        return refusal(request, sp.Reason.INVALID)
    response = HttpResponseRedirect(reverse("bundid_finish"))
    session = LoginSession(request, *ACS_SESSION)
    session.store["response"] = encoded
    session.save(response)
    return response


def _outstanding(request) -> dict[str, str]:
    """The sign-ins this browser started with BundID and has not finished: request ID → next."""
    return {
        state_id: (stashed[0] or {}).get("next") or "/"
        for state_id, stashed in statekit.get_states(request).items()
        if len(stashed) == 3 and stashed[2] == PROVIDER
    }


@login_not_required
@require_GET
def finish(request):
    provider = _provider(request)
    session = LoginSession(request, *ACS_SESSION)
    encoded = session.store.get("response")
    session.delete()
    if not encoded:
        return refusal(request, sp.Reason.NOT_STARTED)
    try:
        assertion = sp.read_response(encoded, _outstanding(request))
        state = provider.unstash_redirect_state(request, assertion.in_response_to)
        assertion_consume(assertion_id=assertion.assertion_id, expires_at=assertion.expires_at)
        profile = municipality()
        identity = identity_from_assertion(
            assertion.attributes,
            class_ref=assertion.class_ref,
            municipality_name=profile.name,
            municipality_key=profile.municipality_key,
        )
    except sp.Refused as refused:
        logger.info("BundID sign-in refused: %s", refused)
        return refusal(request, refused.reason)
    except PermissionDenied:
        return refusal(request, sp.Reason.NOT_STARTED)
    except Replayed:
        logger.warning("BundID assertion replayed")
        return refusal(request, sp.Reason.REPLAYED)
    except NoPseudonym:
        logger.warning("BundID assertion without bPK2")
        return refusal(request, sp.Reason.INVALID)
    sociallogin = provider.sociallogin_from_response(request, identity)
    sociallogin.state = state
    try:
        with transaction.atomic():
            return complete_social_login(request, sociallogin)
    except Exception:  # the account is rolled back whole; the citizen gets a page, not a 500
        logger.exception("BundID sign-in could not be completed")
        return refusal(request, sp.Reason.INVALID)


@login_not_required
@require_GET
def metadata(request):
    _provider(request)
    return HttpResponse(sp.metadata_xml(), content_type="application/samlmetadata+xml")
