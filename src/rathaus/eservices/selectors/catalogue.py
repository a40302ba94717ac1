"""Reads of the service catalogue: public listing, search, the current form of a service."""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from rathaus.eservices.models import FormVersion, LifeSituation, Service


def current_version(service: Service) -> FormVersion | None:
    """The newest published form of a service (what a new application is made with)."""
    return service.versions.order_by("-number").first()


def public_services() -> QuerySet[Service]:
    return Service.objects.select_related("unit").prefetch_related("life_situations")


def public_service(slug: str) -> Service:
    """A service for its page (one query; its life situations are read where they are shown,
    in the page's cached fragment)."""
    return get_object_or_404(Service.objects.select_related("unit"), slug=slug)


def service_search(
    *, query: str = "", life_situation: str = "", open_only: bool = False
) -> QuerySet[Service]:
    """Services matching the words, in order of relevance on PostgreSQL (German text search)."""
    services = public_services()
    if life_situation:
        services = services.filter(life_situations__slug=life_situation)
    if open_only:
        services = services.filter(is_open=True)
    query = query.strip()
    if not query:
        return services.order_by("name_de")
    if connection.vendor == "postgresql":
        return _postgres_search(services, query)
    words = query.split()
    for word in words:
        services = services.filter(
            Q(name_de__icontains=word)
            | Q(name_en__icontains=word)
            | Q(summary_de__icontains=word)
            | Q(summary_en__icontains=word)
            | Q(description_de__icontains=word)
            | Q(description_en__icontains=word)
            | Q(leika=word)
        )
    return services.distinct().order_by("name_de")


def _postgres_search(services: QuerySet[Service], query: str) -> QuerySet[Service]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = (
        SearchVector("name_de", weight="A", config="german")
        + SearchVector("summary_de", "description_de", weight="B", config="german")
        + SearchVector("name_en", weight="A", config="english")
        + SearchVector("summary_en", "description_en", weight="B", config="english")
    )
    german = SearchQuery(query, config="german", search_type="websearch")
    english = SearchQuery(query, config="english", search_type="websearch")
    return (
        services.annotate(rank=SearchRank(vector, german | english))
        # German compounds ("Hundesteuer") are not split by the stemmer: parts of words match too.
        .filter(
            Q(rank__gt=0)
            | Q(leika=query)
            | Q(name_de__icontains=query)
            | Q(name_en__icontains=query)
            | Q(summary_de__icontains=query)
        )
        .order_by("-rank", "name_de")
    )


def life_situations() -> QuerySet[LifeSituation]:
    return LifeSituation.objects.filter(services__isnull=False).distinct()
