from django.conf import settings
from django.urls import translate_url

from rathaus.core.municipality import municipality
from rathaus.core.navigation import section_of


def platform(request):
    match = getattr(request, "resolver_match", None)
    path = request.get_full_path()
    return {
        "municipality": municipality(),
        "nav_section": section_of(match.namespace if match else None),
        "language_alternates": [
            (code, name, translate_url(path, code)) for code, name in settings.LANGUAGES
        ],
    }
