from django.db.models import Prefetch, QuerySet

from rathaus.organization.models import Membership, OrgUnit


def units_with_members() -> QuerySet[OrgUnit]:
    return OrgUnit.objects.select_related("parent").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("user").order_by("role"))
    )


def unit_with_duty(duty: str) -> OrgUnit | None:
    """The department that holds `duty` (the first by name when a city gave it to several)."""
    return OrgUnit.objects.filter(duties__duty=duty).order_by("name_de", "pk").first()
