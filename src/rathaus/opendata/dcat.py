"""The DCAT-AP.de catalogue of the listed datasets, as an rdflib graph.

Serialised as Turtle, RDF/XML and JSON-LD at /opendata/catalog.{ttl,rdf,jsonld}; this is what
GovData and the state portal harvest. Vocabulary IRIs: EU data themes and file types, the
dcat-ap.de licences and political geocoding of the municipality (its official key, AGS).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from django.conf import settings
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from rathaus.core.municipality import municipality
from rathaus.opendata.datasets import IANA, Dataset

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/"
MUNICIPALITY_LEVEL = URIRef(GEOCODING + "Level/municipality")
CONTRIBUTORS = "http://dcat-ap.de/def/contributors/"
LANGUAGES = {"de": "DEU", "en": "ENG"}
LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language/"
SERIALISATIONS = {
    "ttl": ("turtle", "text/turtle"),
    "rdf": ("pretty-xml", "application/rdf+xml"),
    "jsonld": ("json-ld", "application/ld+json"),
}


def contributor_id() -> str:
    """The dcatde:contributorID GovData assigns to the publisher (setting DCATDE_CONTRIBUTOR_ID).

    Until one is configured, a provisional ID in GovData's namespace is derived from the
    municipality's name; replace it with the assigned one before registering the catalogue.
    """
    configured = getattr(settings, "DCATDE_CONTRIBUTOR_ID", "")
    if configured:
        return configured
    words = "".join(ch if ch.isalnum() else " " for ch in municipality().name).split()
    return CONTRIBUTORS + "stadt" + "".join(word[:1].upper() + word[1:] for word in words)


def _date_literal(value: date | datetime) -> Literal:
    if isinstance(value, datetime):
        return Literal(value.replace(microsecond=0).isoformat(), datatype=XSD.dateTime)
    return Literal(value.isoformat(), datatype=XSD.date)


def _as_datetime(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time.min, tzinfo=UTC)


def _texts(graph: Graph, subject, predicate, values: dict[str, str]) -> None:
    for language, value in values.items():
        if value:
            graph.add((subject, predicate, Literal(str(value), lang=language)))


def catalogue_graph(*, base: str, datasets: list[Dataset], landing_page) -> Graph:
    """The catalogue; `landing_page(dataset)` gives the absolute URL of its HTML page."""
    profile = municipality()
    graph = Graph()
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("dcatde", DCATDE),
        ("vcard", VCARD),
    ):
        graph.bind(prefix, namespace)
    catalogue = URIRef(f"{base}/opendata/catalog")
    publisher = URIRef(f"{base}/opendata/catalog#publisher")
    spatial = URIRef(f"{GEOCODING}municipalityKey/{profile.municipality_key}")

    graph.add((publisher, RDF.type, FOAF.Organization))
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(profile.official_name_de)))
    graph.add((publisher, FOAF.homepage, URIRef(profile.website)))

    # An IRI, not a blank node: every dataset points to it, and RDF/XML keeps one shared node.
    contact = URIRef(f"{base}/opendata/catalog#contact")
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, RDF.type, VCARD.Kind))  # Organization is a Kind (vCard ontology)
    graph.add((contact, VCARD.fn, Literal(profile.official_name_de)))
    graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{profile.email}")))
    graph.add((contact, VCARD.hasURL, URIRef(profile.website)))

    graph.add((catalogue, RDF.type, DCAT.Catalog))
    _texts(
        graph,
        catalogue,
        DCTERMS.title,
        {"de": f"Offene Daten: {profile.official_name_de}", "en": f"Open data: {profile.name}"},
    )
    _texts(
        graph,
        catalogue,
        DCTERMS.description,
        {
            "de": f"Offene Daten der Stadt {profile.name}: Geodaten, Beteiligung und Statistik.",
            "en": f"Open data of the city of {profile.name}: geodata, participation, statistics.",
        },
    )
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, FOAF.homepage, URIRef(f"{base}/data/")))
    graph.add((catalogue, DCTERMS.spatial, spatial))
    for code in LANGUAGES.values():
        graph.add((catalogue, DCTERMS.language, URIRef(LANGUAGE_AUTHORITY + code)))

    changes = []
    for dataset in datasets:
        node = _dataset(graph, base, dataset, publisher, contact, spatial, landing_page(dataset))
        graph.add((catalogue, DCAT.dataset, node))
        changes += [dataset.modified()] if dataset.modified else []
    changes = [value for value in changes if value is not None]
    if changes:
        graph.add((catalogue, DCTERMS.modified, _date_literal(max(changes, key=_as_datetime))))
    return graph


def _dataset(graph, base, dataset: Dataset, publisher, contact, spatial, landing_page) -> URIRef:
    node = URIRef(f"{base}/opendata/datasets/{dataset.id}")
    graph.add((node, RDF.type, DCAT.Dataset))
    _texts(graph, node, DCTERMS.title, {"de": dataset.title_de, "en": dataset.title_en})
    _texts(
        graph,
        node,
        DCTERMS.description,
        {"de": dataset.description_de, "en": dataset.description_en},
    )
    graph.add((node, DCTERMS.identifier, Literal(str(node))))
    graph.add((node, DCATDE.contributorID, URIRef(contributor_id())))
    graph.add((node, DCTERMS.publisher, publisher))
    graph.add((node, DCAT.contactPoint, contact))
    graph.add((node, DCAT.landingPage, URIRef(landing_page)))
    for theme in dataset.themes:
        graph.add((node, DCAT.theme, URIRef(theme)))
    for language, keywords in (("de", dataset.keywords_de), ("en", dataset.keywords_en)):
        for keyword in keywords:
            graph.add((node, DCAT.keyword, Literal(keyword, lang=language)))
    area = URIRef(dataset.spatial) if dataset.spatial else spatial
    graph.add((node, DCTERMS.spatial, area))
    if not dataset.spatial:
        graph.add((node, DCATDE.politicalGeocodingURI, spatial))
        graph.add((node, DCATDE.politicalGeocodingLevelURI, MUNICIPALITY_LEVEL))
    if dataset.temporal is not None:
        start, end = dataset.temporal()
        if start or end:
            period = BNode()
            graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
            if start:
                graph.add((period, DCAT.startDate, _date_literal(start)))
            if end:
                graph.add((period, DCAT.endDate, _date_literal(end)))
            graph.add((node, DCTERMS.temporal, period))
    issued = dataset.issued() if dataset.issued else None
    if issued is not None:
        graph.add((node, DCTERMS.issued, _date_literal(issued)))
    modified = dataset.modified() if dataset.modified else None
    if modified is not None:
        graph.add((node, DCTERMS.modified, _date_literal(modified)))
    for distribution in dataset.distributions:
        file_format = distribution.file_format
        url = URIRef(f"{base}/opendata/datasets/{dataset.id}.{file_format.key}")
        item = URIRef(f"{url}#distribution")
        graph.add((node, DCAT.distribution, item))
        graph.add((item, RDF.type, DCAT.Distribution))
        _texts(
            graph,
            item,
            DCTERMS.title,
            {
                "de": f"{dataset.title_de} ({file_format.label})",
                "en": f"{dataset.title_en} ({file_format.label})",
            },
        )
        graph.add((item, DCAT.accessURL, url))
        graph.add((item, DCAT.downloadURL, url))
        graph.add((item, DCTERMS.format, URIRef(file_format.file_type)))
        graph.add((item, DCAT.mediaType, URIRef(IANA + file_format.media_type)))
        graph.add((item, DCTERMS.license, URIRef(dataset.licence_iri)))
        graph.add((item, DCATDE.licenseAttributionByText, Literal(municipality().official_name_de)))
        if modified is not None:
            graph.add((item, DCTERMS.modified, _date_literal(modified)))
    return node


def serialise(graph: Graph, suffix: str) -> tuple[bytes, str]:
    """The graph in the serialisation for `suffix` (ttl, rdf, jsonld) and its media type."""
    rdflib_format, media_type = SERIALISATIONS[suffix]
    data = graph.serialize(format=rdflib_format, encoding="utf-8")
    return data, media_type
