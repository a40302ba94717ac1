"""Seed the amounts from amount_defaults/kindergeld.toml; periods someone entered stay as they are.

`manage.py childbenefit_seed_amounts` does the same later (audited), e.g. after a release brings
the amounts of a new year.
"""

from django.db import migrations

from rathaus.childbenefit.benefitrules import (
    AmountRow,
    Month,
    load_default_amounts,
    missing_default_rows,
    rows_from_schedule,
)


def seed(apps, schema_editor):
    BenefitAmount = apps.get_model("childbenefit", "BenefitAmount")
    existing = [
        AmountRow(Month.of(row.valid_from), Month.of(row.valid_until), row.amount, row.child_ordinal)
        for row in BenefitAmount.objects.all()
    ]
    defaults = rows_from_schedule(load_default_amounts())
    for row in missing_default_rows(existing=existing, defaults=defaults):
        BenefitAmount.objects.create(
            valid_from=row.valid_from.first_day,
            valid_until=row.valid_until.first_day,
            child_ordinal=row.ordinal,
            amount=row.amount,
        )


class Migration(migrations.Migration):
    dependencies = [("childbenefit", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
