"""Between the dog register's records and the pure ``taxrules`` values (no query, no write)."""

from __future__ import annotations

from rathaus.dogtax import taxrules
from rathaus.dogtax.models import Dog


def rules_dog(dog: Dog) -> taxrules.Dog:
    exemption = None
    if dog.exemption_code:
        exemption = taxrules.Exemption(
            kind=dog.exemption_code,
            granted_from=dog.exemption_from,
            granted_until=dog.exemption_until,
        )
    return taxrules.Dog(
        ref=str(dog.pk),
        kept_since=dog.kept_since,
        born_on=dog.born_on if dog.born_on and dog.born_on <= dog.kept_since else None,
        given_up_on=dog.given_up_on,
        deregistered_on=dog.deregistered_on,
        exemption=exemption,
        dangerous=dog.dangerous,
    )
