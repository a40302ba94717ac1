"""Answers a new application starts with: what an identity service has verified about the person.

Fields are matched by key and type, so any form (built in the builder or by a domain) benefits:
text fields `given_name` / `family_name`, a date field `born_on` and the first address field of
the first step.
"""

from __future__ import annotations

from rathaus.accounts.selectors import verified_attributes
from rathaus.eservices.formschema import FormSchema


def prefilled_answers(schema: FormSchema, user) -> dict:
    verified = verified_attributes(user, min_level="substantial")
    values: dict = {}
    for key in ("given_name", "family_name"):
        item = schema.field(key)
        if key in verified and item is not None and item.type == "text":
            values[key] = str(verified[key].value)
    born_on = schema.field("born_on")
    if "birth_date" in verified and born_on is not None and born_on.type == "date":
        values["born_on"] = str(verified["birth_date"].value)
    address = verified.get("address")
    if address is not None and isinstance(address.value, dict) and schema.steps:
        item = next((field for field in schema.steps[0].fields if field.type == "address"), None)
        if item is not None:
            values[item.key] = {
                "street": address.value.get("street_address", ""),
                "postal_code": address.value.get("postal_code", ""),
                "city": address.value.get("locality", ""),
            }
    return values
