from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from rathaus.core.navigation import home_panels

PAGES = ("legal-notice", "privacy", "accessibility", "easy-language")


def home(request):
    return render(request, "core/home.html", {"home_panels": home_panels()})


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


def page_not_found(request, exception=None):
    return render(request, "core/404.html", status=404)


def server_error(request):
    # Rendered without context processors: the database may be the reason for the error.
    html = loader.get_template("core/500.html").render({"LANGUAGE_CODE": get_language()})
    return HttpResponse(html, status=500)
