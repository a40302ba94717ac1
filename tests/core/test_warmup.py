"""The production entry point prepares a worker before it serves (rathaus.core.warmup)."""

from django.urls import get_resolver
from django.utils import translation
from django.utils.translation import trans_real

from rathaus.core.warmup import warm_up


def test_warm_up_loads_urls_and_every_language():
    warm_up()
    resolver = get_resolver()
    assert "urlconf_module" in resolver.__dict__  # cached: imported once
    for code in ("de", "en"):
        assert code in trans_real._translations
        with translation.override(code):
            assert code in resolver._reverse_dict
