"""Departments installed before duties existed get the duties of their shipped definition."""

from django.db import migrations

# The duties that the shipped departments file gives each department (by its slug).
SHIPPED = {
    "steueramt": ["dogtax.tax_office"],
    "ordnungsamt": ["dogtax.tag_lookup"],
    "familienkasse": ["childbenefit.claims"],
}


def forwards(apps, schema_editor):
    OrgUnit = apps.get_model("organization", "OrgUnit")
    UnitDuty = apps.get_model("organization", "UnitDuty")
    for unit in OrgUnit.objects.filter(slug__in=SHIPPED):
        for duty in SHIPPED[unit.slug]:
            UnitDuty.objects.get_or_create(unit=unit, duty=duty)


class Migration(migrations.Migration):
    dependencies = [("organization", "0002_unit_duties")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
