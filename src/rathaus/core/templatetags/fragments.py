"""``{% data_version "topic" ... as v %}``: the token to key a ``{% cache %}`` fragment by."""

from django import template

from rathaus.core.fragments import version

register = template.Library()


@register.simple_tag
def data_version(*topics: str) -> str:
    return version(*topics)
