from rathaus.eservices.payments.charset import is_sepa_identifier, to_sepa_text


def test_german_umlauts_are_transliterated_the_german_way():
    assert to_sepa_text("Jürgen Müller & Söhne, Straße", max_length=70) == (
        "Juergen Mueller + Soehne, Strasse"
    )


def test_other_letters_lose_their_accents_and_symbols_become_spaces():
    assert to_sepa_text("Çelik Zoë – Gebühr 5 € *", max_length=70) == "Celik Zoe Gebuehr 5"


def test_texts_are_cut_to_the_allowed_length():
    assert to_sepa_text("Hundesteuer 2026 für drei Hunde", max_length=16) == "Hundesteuer 2026"


def test_identifiers_use_the_sepa_set_without_spaces_or_double_slashes():
    assert is_sepa_identifier("KL-2026-000123/1")
    assert not is_sepa_identifier("KL 2026")
    assert not is_sepa_identifier("KL//2026")
    assert not is_sepa_identifier("KL-2026/")
    assert not is_sepa_identifier("X" * 36)
