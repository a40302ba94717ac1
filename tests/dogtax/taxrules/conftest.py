from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from rathaus.dogtax.taxrules import LateDeregistration, RatePeriod, Statute, default_statute


@pytest.fixture(scope="session")
def kaiserslautern() -> Statute:
    return default_statute("kaiserslautern")


@pytest.fixture(scope="session")
def other_city(kaiserslautern: Statute) -> Statute:
    """A statute unlike Kaiserslautern's: rates that are not whole cents per month, a rate
    change in the middle of 2025, a dangerous-dog rate and the late-deregistration rule on."""
    return replace(
        kaiserslautern,
        name="Other city",
        rate_periods=(
            RatePeriod(
                valid_from=date(2010, 1, 1),
                valid_until=date(2025, 6, 30),
                first=Decimal("100.10"),
                second=Decimal("150.05"),
                further=Decimal("199.99"),
                dangerous=Decimal("600.00"),
            ),
            RatePeriod(
                valid_from=date(2025, 7, 1),
                first=Decimal("110.00"),
                second=Decimal("160.01"),
                further=Decimal("210.00"),
                dangerous=Decimal("612.01"),
            ),
        ),
        late_deregistration=LateDeregistration(enabled=True, grace_days=14, extra_months=1),
    )
