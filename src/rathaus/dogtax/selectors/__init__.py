"""Every read of the dog tax; nothing here writes (writes are in ``services``).

``statute``: the statute in force; ``register``: households, dogs, tags, notices and what a
household owes; ``assessment``: the annual run's households and files; ``figures``: dashboards.
"""

from rathaus.dogtax.selectors.assessment import (
    DONE_STATES,
    export_rows,
    household_mandate,
    liable_accounts,
    pending_accounts,
    statute_covers,
    tax_office,
)
from rathaus.dogtax.selectors.figures import (
    SMALLEST_PUBLISHED,
    DistrictFigures,
    YearFigures,
    dogs_and_tax_by_district,
    figures_by_district,
    figures_by_year,
)
from rathaus.dogtax.selectors.register import (
    KeeperDog,
    assess_account,
    current_notice,
    household_detail,
    household_search,
    keeper_account,
    keeper_dogs,
    keeper_overview,
    payable_installments,
    register_dogs,
    tag_lookup_find,
)
from rathaus.dogtax.selectors.statute import current_statute, exemption_names, statute_record

__all__ = [
    "DONE_STATES",
    "SMALLEST_PUBLISHED",
    "DistrictFigures",
    "KeeperDog",
    "YearFigures",
    "assess_account",
    "current_notice",
    "current_statute",
    "dogs_and_tax_by_district",
    "exemption_names",
    "export_rows",
    "figures_by_district",
    "figures_by_year",
    "household_detail",
    "household_mandate",
    "household_search",
    "keeper_account",
    "keeper_dogs",
    "keeper_overview",
    "liable_accounts",
    "payable_installments",
    "pending_accounts",
    "register_dogs",
    "statute_covers",
    "statute_record",
    "tag_lookup_find",
    "tax_office",
]
