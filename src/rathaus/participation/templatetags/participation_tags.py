from django import template
from django.utils import timezone

from rathaus.participation.selectors import processes_visible

register = template.Library()


@register.simple_tag(takes_context=True)
def running_processes(context, limit: int = 3):
    """Processes with a phase running now, for the start page (two queries)."""
    now = timezone.now()
    user = context.get("user")
    processes = processes_visible(user).filter(phases__starts_at__lte=now, phases__ends_at__gt=now)
    return list(processes.distinct()[:limit])
