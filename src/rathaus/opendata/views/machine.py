"""Machine endpoints: the DCAT-AP.de catalogue and the dataset downloads (no language prefix)."""

from __future__ import annotations

import hashlib

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.http import parse_etags
from django.utils.translation import gettext as _

from rathaus.geodata.crs import CRS84, supported
from rathaus.opendata.datasets import FORMATS, get_dataset, listed_datasets
from rathaus.opendata.dcat import catalogue_graph, serialise

CACHE_CONTROL = "public, max-age=300"


def _with_etag(request, body: bytes, media_type: str) -> HttpResponse:
    etag = '"' + hashlib.sha256(body).hexdigest()[:24] + '"'
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=media_type)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return response


def catalog(request, suffix: str):
    base = request.build_absolute_uri("/").rstrip("/")
    graph = catalogue_graph(
        base=base,
        datasets=listed_datasets(),
        landing_page=lambda dataset: request.build_absolute_uri(
            reverse("opendata:dataset", args=[dataset.id])
        ),
    )
    body, media_type = serialise(graph, suffix)
    return _with_etag(request, body, media_type)


def _download_crs(request, distribution) -> str | None:
    """The CRS asked for with `?crs=` (CRS84 without it); None if the download lacks it."""
    raw = request.GET.get("crs")
    if raw is None:
        return CRS84
    found = supported(raw)
    return found.uri if found is not None and found.uri in distribution.crs else None


def download(request, dataset_id: str, suffix: str):
    dataset = get_dataset(dataset_id)
    distribution = dataset.distribution(suffix) if dataset is not None else None
    if distribution is None:
        raise Http404
    target = _download_crs(request, distribution)
    if target is None:
        return JsonResponse(
            {
                "detail": _("This download is offered in these CRS: %(crs)s.")
                % {"crs": ", ".join(distribution.crs)}
            },
            status=400,
        )
    body = distribution.produce() if target == CRS84 else distribution.produce_in(target)
    if isinstance(body, str):
        body = body.encode()
    media_type = FORMATS[suffix].media_type
    if media_type.startswith("text/"):
        media_type += "; charset=utf-8"
    response = _with_etag(request, body, media_type)
    name = dataset.id if target == CRS84 else f"{dataset.id}-epsg{target.rsplit('/', 1)[1]}"
    response["Content-Disposition"] = f'inline; filename="{name}.{suffix}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def dataset(request, dataset_id: str):
    """The dataset's IRI in the catalogue: see its page (303, as for a non-document resource)."""
    if get_dataset(dataset_id) is None:
        raise Http404
    response = HttpResponse(status=303)
    response["Location"] = reverse("opendata:dataset", args=[dataset_id])
    return response
