import io

import pytest
from django.core.management import call_command

from rathaus.childbenefit import demo
from rathaus.childbenefit.models import BenefitAmount

pytestmark = pytest.mark.django_db


def run_seed() -> str:
    out = io.StringIO()
    call_command("childbenefit_seed_amounts", stdout=out)
    return out.getvalue()


def test_the_seed_command_adds_the_missing_default_periods_only():
    BenefitAmount.objects.filter(valid_from="2024-01-01").delete()

    assert run_seed().splitlines()[-1] == "1 amount rows added"
    assert run_seed().splitlines()[-1] == "0 amount rows added"
    assert BenefitAmount.objects.filter(valid_from="2024-01-01").count() == 1


def test_loading_the_demo_twice_keeps_one_row_per_default_amount():
    demo.load()
    demo.load()

    assert BenefitAmount.objects.count() == 8
