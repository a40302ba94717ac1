from django.db import migrations, models

# The English name of an existing profile, derived from its German official name.
ENGLISH_FORMS = (
    ("Stadtverwaltung ", "City of "),
    ("Stadt ", "City of "),
    ("Gemeindeverwaltung ", "Municipality of "),
    ("Gemeinde ", "Municipality of "),
    ("Verbandsgemeindeverwaltung ", "Collective municipality of "),
    ("Kreisverwaltung ", "District of "),
)


def english_name(german: str, name: str) -> str:
    for prefix, english in ENGLISH_FORMS:
        if german.startswith(prefix):
            return english + german.removeprefix(prefix)
    return f"City of {name}"


def name_existing_profiles_in_english(apps, schema_editor):
    for profile in apps.get_model("core", "MunicipalityProfile").objects.all():
        profile.official_name_en = english_name(profile.official_name_de, profile.name)
        profile.save(update_fields=["official_name_en"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_municipality_abbreviation"),
    ]

    operations = [
        migrations.RenameField(
            model_name="municipalityprofile",
            old_name="official_name",
            new_name="official_name_de",
        ),
        migrations.AlterField(
            model_name="municipalityprofile",
            name="official_name_de",
            field=models.CharField(
                max_length=200, verbose_name="official name of the authority (German)"
            ),
        ),
        migrations.AddField(
            model_name="municipalityprofile",
            name="official_name_en",
            field=models.CharField(
                default="",
                help_text="Shown on English pages and notices, e.g. City of Kaiserslautern",
                max_length=200,
                verbose_name="official name of the authority (English)",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(name_existing_profiles_in_english, migrations.RunPython.noop),
    ]
