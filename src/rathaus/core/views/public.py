from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from rathaus.core.fragments import version
from rathaus.core.navigation import home_panels, home_topics

PAGES = ("legal-notice", "privacy", "accessibility", "easy-language")


def home(request):
    """The start page. For visitors who are not signed in, everything below the heading is one
    cached fragment keyed by the data versions of the panels' topics (ADR 0441); signed-in
    people get their panels rendered afresh (their mailbox, a moderator's processes)."""
    shared = None if request.user.is_authenticated else "v" + version(*home_topics())
    return render(request, "core/home.html", {"home_panels": home_panels(), "home_version": shared})


def page(request, slug: str):
    if slug not in PAGES:
        raise Http404
    return render(request, f"core/pages/{slug}.{get_language()}.html")


@never_cache
def healthz(request):
    """200 when the database answers, 503 otherwise (for load balancers and monitoring)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _back_link(request) -> tuple[str, str]:
    """Where the error page leads back to: the back office for staff there, else the start."""
    if "/backoffice/" in request.path and request.user.has_perm("core.access_backoffice"):
        return reverse("backoffice:home"), _("Back to the back office")
    return reverse("core:home"), _("Go to the start page")


def _error_page(request, template: str, status: int, api_detail: str):
    if _is_api(request):
        return JsonResponse({"detail": api_detail}, status=status)
    back_url, back_label = _back_link(request)
    return render(
        request, template, {"back_url": back_url, "back_label": back_label}, status=status
    )


def page_not_found(request, exception=None):
    return _error_page(request, "core/404.html", 404, _("Not found."))


def permission_denied(request, exception=None):
    return _error_page(request, "core/403.html", 403, _("You are not allowed to do this."))


def server_error(request):
    # Rendered without context processors: the database may be the reason for the error.
    html = loader.get_template("core/500.html").render({"LANGUAGE_CODE": get_language()})
    return HttpResponse(html, status=500)
