"""The dog tax in the open-data app: its chart on the "Stadt in Zahlen" dashboard.

`register()` (called from the AppConfig) declares the chart `dogs-by-district`: dogs registered
for the dog tax and the tax assessed for the year, per district (one aggregate query, see
`selectors.dogs_and_tax_by_district`; cells of districts with fewer than three households
are left empty).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from rathaus.dogtax import selectors
from rathaus.opendata.charts import CITY, DISTRICT, Chart, ChartColumn, register_chart

DOGS_BY_DISTRICT = Chart(
    id="dogs-by-district",
    title=_("Dogs and dog tax by district"),
    description=_("Dogs registered for the dog tax, and the tax assessed for the year."),
    columns=(
        DISTRICT,
        ChartColumn("dogs", _("Dogs")),
        ChartColumn("dog_tax_eur", _("Dog tax"), decimals=2, unit="€"),
    ),
    rows=selectors.dogs_and_tax_by_district,
    kind="choropleth",
    dashboard=CITY,
    order=60,
)


def register() -> None:
    register_chart(DOGS_BY_DISTRICT)
