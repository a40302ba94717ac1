"""The CSP of a page with a map allows images from exactly the map services it names.

The map template tag notes the origins on the request (`note_image_sources`); this middleware,
below django-csp's, hands them to django-csp as an update of img-src for that response only.
Pages without a map keep the strict policy of the settings.
"""

from __future__ import annotations

ATTRIBUTE = "_rathaus_map_image_sources"


def note_image_sources(request, origins) -> None:
    if request is None:
        return
    noted = getattr(request, ATTRIBUTE, None)
    if noted is None:
        noted = []
        setattr(request, ATTRIBUTE, noted)
    for origin in origins:
        if origin not in noted:
            noted.append(origin)


class MapSourcesCspMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origins = getattr(request, ATTRIBUTE, None)
        if origins:
            update = dict(getattr(response, "_csp_update", None) or {})
            update["img-src"] = [*update.get("img-src", []), *origins]
            response._csp_update = update
        return response
