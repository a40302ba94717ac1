import pytest

from rathaus.childbenefit.models import BenefitAmount, BenefitRole
from rathaus.childbenefit.selectors import benefit_role
from rathaus.core.models import AuditEntry
from tests.factories import sign_in

pytestmark = pytest.mark.django_db

AMOUNTS = "/backoffice/childbenefit/amounts/"
NEW = "/backoffice/childbenefit/amounts/new/"
ROLE = "/backoffice/childbenefit/role/"


def amount_form(**changes) -> dict[str, str]:
    return {
        "valid_from": "2027-01",
        "valid_until": "2027-12",
        "child_ordinal": "",
        "amount": "265,00",
        **changes,
    }


def test_the_familienkasse_sees_every_amount_with_its_months(client, family_clerk):
    sign_in(client, family_clerk)

    page = client.get(AMOUNTS).content.decode()

    assert "Januar 2026" in page
    assert "259,00 €" in page
    assert "3. Kind und jedes weitere" in page


@pytest.mark.parametrize("person", ["citizen", "tax_clerk", "administrator"])
@pytest.mark.parametrize("path", [AMOUNTS, NEW])
def test_nobody_outside_the_familienkasse_opens_the_amounts(client, request, person, path):
    sign_in(client, request.getfixturevalue(person))

    assert client.get(path).status_code == 403


def test_the_back_office_links_to_the_amounts_for_the_familienkasse_only(
    client, family_clerk, tax_clerk
):
    sign_in(client, family_clerk)
    assert AMOUNTS in client.get("/backoffice/").content.decode()

    sign_in(client, tax_clerk)
    assert AMOUNTS not in client.get("/backoffice/").content.decode()


def test_a_clerk_adds_the_next_year_in_german_notation(client, family_clerk):
    sign_in(client, family_clerk)

    response = client.post(NEW, amount_form())

    assert response.status_code == 302
    stored = BenefitAmount.objects.get(valid_from="2027-01-01")
    assert str(stored.amount) == "265.00"
    assert AuditEntry.objects.filter(action="childbenefit_amount.create", actor=family_clerk)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"valid_from": "2026-07"},
            "Diese Monate überschneiden sich mit dem Betrag für jedes Kind von Januar 2026 bis "
            "Dezember 2026.",
        ),
        ({"valid_until": "2026-12"}, "Der letzte Monat liegt vor dem ersten Monat."),
        ({"amount": "-1"}, "Der Betrag darf nicht negativ sein."),
        ({"valid_from": "2027-13"}, "Geben Sie einen gültigen Monat im Format JJJJ-MM ein."),
        (
            {"child_ordinal": "3"},
            "Von Januar 2027 bis Dezember 2027 gäbe es Beträge für weitere Kinder, aber keinen "
            "für das erste Kind.",
        ),
    ],
)
def test_a_wrong_amount_is_refused_with_the_reason_at_the_field(
    client, family_clerk, changes, message
):
    sign_in(client, family_clerk)

    response = client.post(NEW, amount_form(**changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BenefitAmount.objects.filter(valid_until="2027-12-01").exists()


def test_a_clerk_changes_an_amount(client, family_clerk):
    stored = BenefitAmount.objects.get(valid_from="2026-01-01")
    sign_in(client, family_clerk)
    form = client.get(f"{AMOUNTS}{stored.pk}/").content.decode()
    assert 'value="2026-01"' in form
    assert 'value="259,00"' in form

    response = client.post(
        f"{AMOUNTS}{stored.pk}/", amount_form(valid_from="2026-01", valid_until="2026-12")
    )

    assert response.status_code == 302
    stored.refresh_from_db()
    assert str(stored.amount) == "265.00"


def test_removing_the_first_child_amount_explains_why_not(client, family_clerk):
    first_child = BenefitAmount.objects.get(valid_from="2022-01-01", child_ordinal=1)
    sign_in(client, family_clerk)

    response = client.post(f"{AMOUNTS}{first_child.pk}/delete/")

    assert response.status_code == 200
    assert "aber keinen für das erste Kind" in response.content.decode()
    assert BenefitAmount.objects.filter(pk=first_child.pk).exists()


def test_a_clerk_removes_an_amount_after_confirming(client, family_clerk):
    stored = BenefitAmount.objects.get(valid_from="2026-01-01")
    sign_in(client, family_clerk)
    assert "Betrag entfernen" in client.get(f"{AMOUNTS}{stored.pk}/delete/").content.decode()

    response = client.post(f"{AMOUNTS}{stored.pk}/delete/")

    assert response.status_code == 302
    assert not BenefitAmount.objects.filter(pk=stored.pk).exists()


def test_an_unknown_amount_is_not_found(client, family_clerk):
    sign_in(client, family_clerk)

    assert client.get(f"{AMOUNTS}999999/").status_code == 404


@pytest.mark.parametrize("person", ["administrator", "family_lead"])
def test_administrators_and_the_familienkasse_lead_choose_the_role(client, request, person):
    user = request.getfixturevalue(person)
    sign_in(client, user)
    assert (
        '<input type="radio" name="role" value="decide" id="id_role_0" required checked>'
        in client.get(ROLE).content.decode()
    )

    response = client.post(ROLE, {"role": "handover"})

    assert response.status_code == 302
    assert benefit_role() is BenefitRole.HANDOVER
    assert AuditEntry.objects.get(action="childbenefit_role.set").actor == user


@pytest.mark.parametrize("person", ["citizen", "family_clerk", "tax_clerk"])
def test_others_cannot_choose_the_role(client, request, person):
    sign_in(client, request.getfixturevalue(person))

    assert client.get(ROLE).status_code == 403
    assert client.post(ROLE, {"role": "handover"}).status_code == 403
    assert benefit_role() is BenefitRole.DECIDE


def test_an_unknown_role_is_refused(client, administrator):
    sign_in(client, administrator)

    response = client.post(ROLE, {"role": "abolish"})

    assert response.status_code == 200
    assert benefit_role() is BenefitRole.DECIDE
