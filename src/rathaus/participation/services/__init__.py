"""Every write of the participation platform, one function per use case (`<entity>_<action>`).

Each runs in a transaction, checks the named permission of the actor (so views and API cannot
forget it) and writes its audit entry. E-mails go out through tasks after the commit.
"""

from django.core.exceptions import PermissionDenied


def require(actor, permission: str, obj=None) -> None:
    if not actor.has_perm(permission, obj):
        raise PermissionDenied(permission)


def field_snapshot(obj, fields) -> dict:
    """The named fields of a model instance as JSON-ready values (foreign keys as their id)."""
    values = {}
    for name in fields:
        value = getattr(obj, obj._meta.get_field(name).attname)
        values[name] = value if value is None or isinstance(value, bool | int) else str(value)
    return values
