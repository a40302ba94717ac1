"""What the dog tax lends the form engine: the keeper's own dogs as a choice, and a check of a
typed tax tag number against the register (a message on the form, never a notice)."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rathaus.dogtax.selectors import keeper_account, keeper_dogs, tag_lookup_find
from rathaus.eservices.sources import register_choice_source, register_field_check

# Translators: a dog to choose in a form, e.g. "Bella, tax tag 00001".
DOG_OPTION = gettext_lazy("%(name)s, tax tag %(tag)s")

# Changes with every save or delete of a household, dog or tag (`dogtax.apps`); the seeding
# command, which writes in bulk, changes it itself.
KEEPERS_TOPIC = "dogtax.keepers"


def _in_every_language(message, **values) -> dict:
    texts = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts[language] = str(message) % values
    return texts


@register_choice_source(
    "dogtax.own_dogs", gettext_lazy("Dog tax: the applicant's dogs"), topics=(KEEPERS_TOPIC,)
)
def own_dogs(user) -> list[tuple[str, dict]]:
    """The dogs kept in the applicant's household that wear a valid tag: (tag number, label)."""
    options = []
    for dog in keeper_dogs(user, kept_only=True):
        tag = dog.current_tag
        if tag is None:
            continue
        options.append(
            (
                tag.number,
                _in_every_language(DOG_OPTION, name=dog.name, tag=tag.number),
            )
        )
    return options


@register_field_check("dogtax.tag_number", gettext_lazy("Dog tax: a valid tax tag number"))
def tag_number(value, user) -> str | None:
    """A typed tag number must be a valid tag of the register (of the applicant's own household
    when the applicant keeps dogs); otherwise the message shown at the field."""
    number = str(value).strip()
    tag = tag_lookup_find(number=number)
    if tag is None:
        return _("There is no tax tag with the number %(tag)s. Please check the number.") % {
            "tag": number
        }
    if not tag.is_valid:
        return _("The tax tag %(tag)s is no longer valid.") % {"tag": tag.number}
    account = keeper_account(user)
    if account is not None and tag.dog.account_id != account.pk:
        return _(
            "The tax tag number %(tag)s does not belong to a dog registered in your household."
        ) % {"tag": tag.number}
    return None
