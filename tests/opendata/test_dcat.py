"""The DCAT-AP.de catalogue: its content, its three serialisations, and SHACL validation."""

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic

from rathaus.geodata import demo
from tests.factories import OrgUnitFactory
from tests.geodata.shared_data import dcat_shapes_dir

pytestmark = pytest.mark.django_db


DCATDE = "http://dcat-ap.de/def/dcatde/"
# Profile "DCAT-AP.de 2.0 – Spezifikation + Konventionen" without the owl:imports (offline).
SHAPE_FILES = (
    "dcat-ap-spec-german-messages.ttl",
    "dcat-ap-spec-german-additions.ttl",
    "dcat-ap-de-deprecated.ttl",
    "dcat-ap-konventionen.ttl",
    "dcat-ap_2.1.1_shacl_shapes.ttl",
)
# The controlled vocabularies the shapes check membership of, by namespace (see PROVENANCE.md).
VOCABULARIES = {
    "http://publications.europa.eu/resource/authority/data-theme/": "data-theme",
    "http://publications.europa.eu/resource/authority/file-type/": "file-type",
    "http://publications.europa.eu/resource/authority/language/": "language",
    "http://dcat-ap.de/def/licenses/": "licenses",
    "http://dcat-ap.de/def/contributors/": "contributors",
    "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/": "municipalityKey",
    "http://dcat-ap.de/def/politicalGeocoding/Level/": "Level",
}


@pytest.fixture
def city(db, imported_districts):
    demo.load()
    OrgUnitFactory(slug="steueramt", name_de="Steueramt", name_en="Tax Office")


def catalogue(client, suffix="ttl") -> Graph:
    response = client.get(f"/opendata/catalog.{suffix}")
    assert response.status_code == 200
    return Graph().parse(
        data=response.content, format={"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}[suffix]
    )


def vocabulary_memberships(data: Graph) -> Graph:
    """Each vocabulary IRI the catalogue uses, declared a concept of its scheme by namespace."""
    memberships = Graph()
    for value in set(data.objects()):
        if not isinstance(value, URIRef):
            continue
        for namespace in VOCABULARIES:
            if str(value).startswith(namespace):
                memberships.add((value, ns.RDF.type, ns.SKOS.Concept))
                memberships.add((value, ns.SKOS.inScheme, URIRef(namespace.rstrip("/"))))
    return memberships


def violations(data: Graph) -> list[str]:
    shapes = Graph()
    for name in SHAPE_FILES:
        shapes.parse(dcat_shapes_dir() / name, format="turtle")
    _, report, _ = validate(
        data + vocabulary_memberships(data), shacl_graph=shapes, inference="none", advanced=True
    )
    return [
        str(report.value(result, ns.SH.resultMessage))
        for result in report.subjects(ns.SH.resultSeverity, ns.SH.Violation)
    ]


@pytest.mark.usefixtures("city")
def test_the_catalogue_with_every_dataset_connected_validates_without_violation(
    client, connected_slots
):
    data = catalogue(client)

    assert len(list(data.subjects(ns.RDF.type, ns.DCAT.Dataset))) >= 5
    assert violations(data) == []


@pytest.mark.usefixtures("city")
def test_the_catalogue_as_published_now_validates_too(client):
    assert violations(catalogue(client)) == []


@pytest.mark.usefixtures("city")
def test_the_validation_catches_a_dataset_without_licence(client):
    data = catalogue(client)
    for distribution in list(data.subjects(ns.RDF.type, ns.DCAT.Distribution)):
        data.remove((distribution, ns.DCTERMS.license, None))

    assert any("dct:license" in message for message in violations(data))


@pytest.mark.usefixtures("city")
def test_each_dataset_names_publisher_contact_contributor_theme_and_the_city(client):
    data = catalogue(client)
    districts = URIRef("http://testserver/opendata/datasets/districts")

    assert data.value(districts, ns.DCTERMS.title, any=True) is not None
    assert (
        districts,
        ns.DCTERMS.spatial,
        URIRef("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/07312000"),
    ) in data
    assert str(data.value(districts, URIRef(DCATDE + "contributorID"))).startswith(
        "http://dcat-ap.de/def/contributors/"
    )
    assert (
        districts,
        ns.DCAT.theme,
        URIRef("http://publications.europa.eu/resource/authority/data-theme/REGI"),
    ) in data
    contact = data.value(districts, ns.DCAT.contactPoint)
    assert data.value(contact, URIRef("http://www.w3.org/2006/vcard/ns#hasEmail")) is not None
    publisher = data.value(districts, ns.DCTERMS.publisher)
    assert data.value(publisher, URIRef("http://xmlns.com/foaf/0.1/name")) == Literal(
        "Stadtverwaltung Kaiserslautern"
    )


@pytest.mark.usefixtures("city")
def test_every_distribution_has_access_url_format_and_an_open_licence(client):
    data = catalogue(client)
    distributions = list(data.subjects(ns.RDF.type, ns.DCAT.Distribution))

    assert len(distributions) == 3 + 3 + 2
    for distribution in distributions:
        access = str(data.value(distribution, ns.DCAT.accessURL))
        assert client.get(access.removeprefix("http://testserver")).status_code == 200
        assert str(data.value(distribution, ns.DCTERMS.format)).startswith(
            "http://publications.europa.eu/resource/authority/file-type/"
        )
        assert (
            str(data.value(distribution, ns.DCTERMS.license))
            == "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
        )


@pytest.mark.usefixtures("city")
def test_turtle_rdf_xml_and_json_ld_say_the_same(client):
    turtle = catalogue(client, "ttl")

    assert isomorphic(turtle, catalogue(client, "rdf"))
    assert isomorphic(turtle, catalogue(client, "jsonld"))


@pytest.fixture
def whole_demo(db, imported_districts):
    import io

    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.usefixtures("whole_demo")
def test_the_catalogue_of_the_demo_lists_participation_and_votes_and_validates(client):
    data = catalogue(client)
    base = "http://testserver/opendata/datasets/"
    listed = {str(node) for node in data.subjects(ns.RDF.type, ns.DCAT.Dataset)}

    assert {base + name for name in ("projects", "proposals", "comments", "poll-results")} <= listed
    assert violations(data) == []
    for distribution in data.subjects(ns.RDF.type, ns.DCAT.Distribution):
        access = str(data.value(distribution, ns.DCAT.accessURL))
        assert client.get(access.removeprefix("http://testserver")).status_code == 200, access
    results = next(data.objects(URIRef(base + "poll-results"), ns.DCAT.distribution))
    assert str(data.value(results, ns.DCTERMS.license)) == (
        "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"
    )
