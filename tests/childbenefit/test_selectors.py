import pytest

from rathaus.childbenefit.models import BenefitAmount, BenefitRole
from rathaus.childbenefit.selectors import amount_schedule, benefit_role
from rathaus.childbenefit.services import role_set

pytestmark = pytest.mark.django_db


def test_the_stored_amounts_start_as_the_defaults_file(amounts):
    assert amount_schedule() == amounts
    assert BenefitAmount.objects.filter(child_ordinal__isnull=False).count() == 4


def test_the_schedule_is_read_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        amount_schedule()


def test_without_amounts_every_month_is_a_gap(amounts):
    BenefitAmount.objects.all().delete()

    schedule = amount_schedule()

    assert schedule.periods == ()


def test_the_city_decides_until_someone_chooses_otherwise(administrator):
    assert benefit_role() is BenefitRole.DECIDE

    role_set(actor=administrator, role=BenefitRole.HANDOVER)

    assert benefit_role() is BenefitRole.HANDOVER
