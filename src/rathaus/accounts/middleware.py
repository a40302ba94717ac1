"""A second line behind `core.backoffice.staff_view`: no back-office or admin URL without TOTP."""

from django.conf import settings
from django.utils import translation

from rathaus.accounts.mfa import staff_mfa_redirect


def _protected_prefixes() -> tuple[str, ...]:
    prefixes = ["/admin/", "/backoffice/"]
    prefixes += [f"/{code}/backoffice/" for code, _ in settings.LANGUAGES]
    return tuple(prefixes)


class StaffMfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = _protected_prefixes()

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.is_staff and request.path.startswith(self.prefixes):
            with translation.override(getattr(request, "LANGUAGE_CODE", None)):
                redirect = staff_mfa_redirect(request)
            if redirect is not None:
                return redirect
        return self.get_response(request)
