import pytest

from rathaus.childbenefit.benefitrules import AmountSchedule, load_default_amounts


@pytest.fixture(scope="session")
def amounts() -> AmountSchedule:
    return load_default_amounts()
