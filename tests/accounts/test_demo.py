import pytest
from django.core.management import call_command

from rathaus.accounts.models import User
from rathaus.core.models import AuditEntry
from rathaus.organization.models import Membership, OrgUnit
from tests.factories import has_totp

pytestmark = pytest.mark.django_db


def counts():
    return (
        User.objects.count(),
        OrgUnit.objects.count(),
        Membership.objects.count(),
        AuditEntry.objects.count(),
    )


def test_demo_data_loads_once_and_a_second_run_changes_nothing():
    call_command("load_demo", stdout=None)
    first = counts()

    call_command("load_demo")

    assert counts() == first
    assert first[0] >= 6


def test_demo_people_are_as_documented(settings):
    call_command("load_demo")

    anna = User.objects.get(email="anna.schmidt@example.org")
    john = User.objects.get(email="john.miller@example.org")
    assert (anna.language, john.language) == ("de", "en")
    assert anna.check_password(settings.DEMO_PASSWORD)
    assert anna.verified_attributes.filter(name="residence").exists()
    for email in [
        "clerk.tax@example.org",
        "clerk.family@example.org",
        "moderator@example.org",
        "admin@example.org",
    ]:
        staff = User.objects.get(email=email)
        assert staff.is_staff and has_totp(staff)
    assert Membership.objects.filter(
        user__email="clerk.tax@example.org", unit__slug="steueramt"
    ).exists()
    assert Membership.objects.filter(
        user__email="clerk.family@example.org", unit__slug="familienkasse"
    ).exists()
    assert set(
        OrgUnit.objects.filter(parent__slug="referat-digitalisierung").values_list(
            "name_de", flat=True
        )
    ) == {
        "Informations- und Kommunikationstechnik",
        "Daten und Services",
        "Geodatenservice und Verwaltungsdigitalisierung",
    }


def test_the_demo_residents_live_in_their_districts():
    from rathaus.accounts import demo
    from rathaus.accounts.selectors import verified_residence

    demo.load()

    anna = User.objects.get(email="anna.schmidt@example.org")
    john = User.objects.get(email="john.miller@example.org")
    assert verified_residence(anna)["district"] == "Innenstadt"
    assert verified_residence(john)["district"] == "Einsiedlerhof"
    assert verified_residence(john)["postal_code"] == "67661"


def test_older_demo_residents_gain_their_district_but_a_real_sign_in_is_kept():
    from rathaus.accounts import demo
    from rathaus.accounts.models import VerifiedAttribute
    from rathaus.accounts.selectors import verified_residence

    demo.load()
    anna = User.objects.get(email="anna.schmidt@example.org")
    john = User.objects.get(email="john.miller@example.org")
    VerifiedAttribute.objects.filter(user=anna, name="residence").update(
        value={"municipality_key": "07312000", "municipality": "Kaiserslautern"}
    )
    VerifiedAttribute.objects.filter(user=john, name="residence").update(
        value={"municipality_key": "07312000", "district": "Erfenbach"}, source="oidc:city"
    )

    demo.load()

    assert verified_residence(anna)["district"] == "Innenstadt"
    assert verified_residence(john)["district"] == "Erfenbach"
