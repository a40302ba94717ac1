"""What the participation views share: permission checks, safe redirects back, map places."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def check(request, permission: str, obj=None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied(permission)


def back(request, fallback):
    """Redirect to the `next` field when it is a local address, else to `fallback`."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


def form_data(request):
    """The submitted fields on POST (even when empty, so that a form shows its errors)."""
    return request.POST if request.method == "POST" else None


def form_files(request):
    return request.FILES if request.method == "POST" else None


def map_points(items) -> list[dict]:
    """The places of proposals or projects for a map beside their list: each visible item with
    a point, named by its title and linked to its page."""
    return [
        {
            "lon": item.longitude,
            "lat": item.latitude,
            "label": item.title,
            "url": item.get_absolute_url(),
        }
        for item in items
        if item.has_location and not getattr(item, "is_hidden", False)
    ]


def layer_map_url(layer_id: str, **selection: str) -> str:
    """The geodata page of a whole layer, narrowed to `selection` (e.g. `process=<slug>`)."""
    url = reverse("geodata:layer", args=[layer_id])
    chosen = {key: value for key, value in selection.items() if value}
    return f"{url}?{urlencode(chosen)}" if chosen else url
