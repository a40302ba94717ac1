from django import template
from django.utils import timezone

from rathaus.organization.predicates import is_moderator
from rathaus.participation.models import ParticipantProfile
from rathaus.participation.selectors import processes_visible

register = template.Library()


@register.simple_tag(takes_context=True)
def running_processes(context, limit: int = 3):
    """Processes with a phase running now, for the start page (two queries)."""
    now = timezone.now()
    user = context.get("user")
    processes = processes_visible(user).filter(phases__starts_at__lte=now, phases__ends_at__gt=now)
    return list(processes.distinct()[:limit])


@register.simple_tag(takes_context=True)
def process_audience(context) -> str:
    """Who the process lists are for: moderators also see unpublished processes, so their
    cached fragments are kept apart from everyone else's."""
    return "moderators" if is_moderator(context.get("user")) else "public"


@register.inclusion_tag("participation/includes/block_notice.html", takes_context=True)
def block_notice(context):
    """Tells a blocked person why they cannot contribute (nothing for everyone else)."""
    user = context.get("user")
    profile = None
    if user is not None and user.is_authenticated:
        profile = ParticipantProfile.objects.filter(user=user, blocked_at__isnull=False).first()
    return {"profile": profile}
