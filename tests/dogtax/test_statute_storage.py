"""The statute is stored once from its file and read back as the pure value, unchanged."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from importlib.resources import files

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from rathaus.core.models import AuditEntry
from rathaus.dogtax.models import DogTaxStatute, ExemptionKind, RatePeriod
from rathaus.dogtax.selectors import current_statute, statute_record
from rathaus.dogtax.services import statute_seed
from rathaus.dogtax.taxrules import default_statute

pytestmark = pytest.mark.django_db


def test_before_a_statute_is_stored_the_configured_file_is_in_force_and_reading_writes_nothing():
    assert not DogTaxStatute.objects.exists()

    statute = current_statute()

    assert statute == default_statute("kaiserslautern")
    assert statute_record() is None
    assert not DogTaxStatute.objects.exists()
    assert not AuditEntry.objects.filter(action="dogtax.statute.seed").exists()


def test_the_installer_stores_the_kaiserslautern_statute_exactly_as_its_file_says():
    statute_seed()

    assert current_statute() == default_statute("kaiserslautern")
    assert AuditEntry.objects.filter(action="dogtax.statute.seed").count() == 1


def test_seeding_again_changes_nothing_the_tax_office_has_edited(stored_statute):
    RatePeriod.objects.filter(valid_from=date(2022, 1, 1)).update(first=Decimal("130.00"))

    statute_seed()
    statute_seed()

    assert DogTaxStatute.objects.count() == 1
    assert RatePeriod.objects.count() == 2
    assert RatePeriod.objects.get(valid_from=date(2022, 1, 1)).first == Decimal("130.00")
    assert AuditEntry.objects.filter(action="dogtax.statute.seed").count() == 1


def test_the_selector_reads_what_is_stored(stored_statute):
    ExemptionKind.objects.filter(code="shelter").update(duration_months=12, name_en="Rescue dog")

    shelter = current_statute().exemption_kind("shelter", "dog")

    assert shelter.duration_months == 12
    assert shelter.name.en == "Rescue dog"


def test_the_statute_is_read_in_four_queries(stored_statute, django_assert_num_queries):
    with django_assert_num_queries(4):
        current_statute()


def test_the_exemption_kinds_keep_the_order_of_the_file(stored_statute):
    codes = [kind.code for kind in statute_record().exemption_kinds.all()]

    assert codes == ["shelter", "nato_forces", "assistance", "rescue"]


def test_another_city_seeds_from_its_own_file(tmp_path, settings):
    text = (
        files("rathaus.dogtax")
        .joinpath("statute_defaults", "kaiserslautern.toml")
        .read_text(encoding="utf-8")
        .replace('name = "Hundesteuersatzung der Stadt Kaiserslautern"', 'name = "Andere Stadt"')
        .replace("first = 120.00", "first = 96.00")
    )
    path = tmp_path / "andere-stadt.toml"
    path.write_text(text, encoding="utf-8")
    settings.DOGTAX_STATUTE_DEFAULTS = str(path)

    statute_seed()
    statute = current_statute()

    expected = default_statute("kaiserslautern")
    assert statute.name == "Andere Stadt"
    assert statute.rate_periods[1] == replace(expected.rate_periods[1], first=Decimal("96.00"))
    assert DogTaxStatute.objects.get().source == str(path)


def test_the_seed_command_stores_the_statute_once(capsys):
    call_command("dogtax_statute_seed")
    call_command("dogtax_statute_seed")

    output = capsys.readouterr().out
    assert "Stored “Hundesteuersatzung der Stadt Kaiserslautern”" in output
    assert "A statute is stored already" in output
    assert DogTaxStatute.objects.count() == 1


def test_the_seed_command_refuses_an_unsound_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('name = "Broken"\n[[rate_periods]]\nvalid_from = 2022-01-01\n', "utf-8")

    with pytest.raises(CommandError, match="not sound"):
        call_command("dogtax_statute_seed", file=str(path))

    assert not DogTaxStatute.objects.exists()


def test_demo_loading_twice_stores_one_statute():
    from rathaus.dogtax import demo

    demo.load()
    demo.load()

    assert DogTaxStatute.objects.count() == 1
    assert current_statute() == default_statute("kaiserslautern")
