"""Answers a new application starts with: what an identity service has verified about the person.

A field is pre-filled only when it declares a pre-fill source (`"prefill": "person.birth_date"`)
of its own type; a field that merely shares a key (the dog's `born_on`) stays empty. The person
sources are registered here; domains may register more (`sources.register_prefill_source`).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from rathaus.accounts.selectors import verified_attributes
from rathaus.eservices.formschema import FormSchema
from rathaus.eservices.sources import prefilled_values, register_prefill_source


def _text(name: str):
    def value(verified: dict):
        return str(verified[name].value) if name in verified else None

    return value


register_prefill_source("person.given_name", _("Verified given name"), field_type="text")(
    _text("given_name")
)
register_prefill_source("person.family_name", _("Verified family name"), field_type="text")(
    _text("family_name")
)
register_prefill_source("person.birth_date", _("Verified date of birth"), field_type="date")(
    _text("birth_date")
)


@register_prefill_source("person.address", _("Verified address"), field_type="address")
def _address(verified: dict):
    address = verified.get("address")
    if address is None or not isinstance(address.value, dict):
        return None
    return {
        "street": address.value.get("street_address", ""),
        "postal_code": address.value.get("postal_code", ""),
        "city": address.value.get("locality", ""),
    }


def prefilled_answers(schema: FormSchema, user) -> dict:
    return prefilled_values(schema, verified_attributes(user, min_level="substantial"))
