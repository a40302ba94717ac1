"""The Referat für Digitalisierung und Innovation, the case-processing departments, and roles."""

from __future__ import annotations

from rathaus.accounts.models import User
from rathaus.organization.models import OrgUnit, Role, UnitKind
from rathaus.organization.services import membership_grant

REFERAT = "referat-digitalisierung"

UNITS = [
    # slug, German name, English name, kind, parent, handles cases, e-mail
    (
        REFERAT,
        "Referat für Digitalisierung und Innovation",
        "Department for Digitalisation and Innovation",
        UnitKind.REFERAT,
        None,
        False,
        "digitalisierung@kaiserslautern.de",
    ),
    (
        "ikt",
        "Informations- und Kommunikationstechnik",
        "Information and Communication Technology",
        UnitKind.DEPARTMENT,
        REFERAT,
        False,
        "",
    ),
    (
        "daten-services",
        "Daten und Services",
        "Data and Services",
        UnitKind.DEPARTMENT,
        REFERAT,
        False,
        "",
    ),
    (
        "geodaten-verwaltungsdigitalisierung",
        "Geodatenservice und Verwaltungsdigitalisierung",
        "Geodata Service and Digital Administration",
        UnitKind.DEPARTMENT,
        REFERAT,
        False,
        "",
    ),
    (
        "steueramt",
        "Steueramt",
        "Tax Office",
        UnitKind.DEPARTMENT,
        None,
        True,
        "steueramt@kaiserslautern.de",
    ),
    (
        "familienkasse",
        "Familienkasse",
        "Family Benefits Office",
        UnitKind.DEPARTMENT,
        None,
        True,
        "familienkasse@kaiserslautern.de",
    ),
    (
        "buergercenter",
        "Bürgercenter",
        "Citizens' Service Centre",
        UnitKind.DEPARTMENT,
        None,
        True,
        "buergercenter@kaiserslautern.de",
    ),
    (
        "ordnungsamt",
        "Ordnungsamt",
        "Public Order Office",
        UnitKind.DEPARTMENT,
        None,
        False,
        "ordnungsamt@kaiserslautern.de",
    ),
]

# Departments that plan the projects of the Vorhabenliste (no inbox for applications).
PLANNING_UNITS = [
    ("stadtentwicklung", "Referat Stadtentwicklung", "Urban Development Department"),
    ("tiefbau", "Referat Tiefbau", "Civil Engineering Department"),
    ("umweltschutz", "Referat Umweltschutz", "Environmental Protection Department"),
    ("schulen", "Referat Schulen", "Schools Department"),
    ("gruenflaechen", "Referat Grünflächen", "Parks and Green Spaces Department"),
]
UNITS += [
    (slug, name_de, name_en, UnitKind.DEPARTMENT, None, False, "")
    for slug, name_de, name_en in PLANNING_UNITS
]

MEMBERSHIPS = [
    ("clerk.tax@example.org", "steueramt", Role.CLERK),
    ("clerk.family@example.org", "familienkasse", Role.CLERK),
    ("clerk.order@example.org", "ordnungsamt", Role.CLERK),
    ("moderator@example.org", "daten-services", Role.MODERATOR),
    ("admin@example.org", "ikt", Role.ADMINISTRATOR),
]


def load(stdout=None) -> None:
    for slug, name_de, name_en, kind, parent, handles_cases, email in UNITS:
        OrgUnit.objects.update_or_create(
            slug=slug,
            defaults={
                "name_de": name_de,
                "name_en": name_en,
                "kind": kind,
                "parent": OrgUnit.objects.get(slug=parent) if parent else None,
                "handles_cases": handles_cases,
                "email": email,
            },
        )
    for email, unit, role in MEMBERSHIPS:
        membership_grant(
            user=User.objects.get(email=email), unit=OrgUnit.objects.get(slug=unit), role=role
        )
    if stdout:
        stdout.write(f"  organization: {len(UNITS)} units, {len(MEMBERSHIPS)} memberships")
