"""Staff must use TOTP: set up before any back-office page, and used in the session.

A staff session passes when the person confirmed a TOTP code in it: at sign-in (allauth's MFA
stage), by re-authenticating, or by setting up TOTP in this session (`record_totp_activation`).
"""

from __future__ import annotations

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.http import HttpResponseRedirect
from django.urls import reverse

SETUP = "setup"
VERIFY = "verify"
OK = "ok"


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def staff_mfa_state(request) -> str:
    if not has_totp(request.user):
        return SETUP
    records = get_authentication_records(request, request.user)
    return OK if any(record.get("method") == "mfa" for record in records) else VERIFY


def record_totp_activation(sender, request, user, authenticator, **kwargs) -> None:
    """Setting up TOTP proves the code in this session (allauth's `authenticator_added`)."""
    if request is not None and authenticator.type == authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", type="totp", activated=True)


def staff_mfa_redirect(request) -> HttpResponseRedirect | None:
    """Where a staff member must go first, or None when they may proceed."""
    state = staff_mfa_state(request)
    if state == OK:
        return None
    target = "mfa_activate_totp" if state == SETUP else "mfa_reauthenticate"
    query = urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(f"{reverse(target)}?{query}")
