from django import template

from rathaus.core.forms import widget_css_class, widget_kind

register = template.Library()


@register.filter
def kern_kind(bound_field) -> str:
    return widget_kind(bound_field.field.widget)


@register.filter
def kern_widget(bound_field):
    """The field's widget with KERN classes and its hint and error linked by aria-describedby."""
    invalid = bool(bound_field.errors)
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-hint")
    if invalid:
        described_by.append(f"{bound_field.auto_id}-error")
    attrs = {}
    css = widget_css_class(bound_field.field.widget, invalid=invalid)
    if css:
        attrs["class"] = " ".join(filter(None, [bound_field.field.widget.attrs.get("class"), css]))
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if invalid:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)
