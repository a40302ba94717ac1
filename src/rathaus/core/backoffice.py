"""The guard every back-office view stands behind.

`staff_view` lets a request through only for a signed-in staff member who has TOTP set up and
used it in this session, and who holds the named permission; citizens get 403, anonymous
visitors the sign-in page.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from rathaus.accounts.mfa import staff_mfa_redirect


def staff_view(permission: str = "core.access_backoffice"):
    def decorator(view):
        @wraps(view)
        @login_required
        def guarded(request, *args, **kwargs):
            if not request.user.has_perm("core.access_backoffice"):
                raise PermissionDenied
            redirect = staff_mfa_redirect(request)
            if redirect is not None:
                return redirect
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorator
