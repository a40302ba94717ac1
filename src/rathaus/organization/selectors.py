from django.db.models import Prefetch, QuerySet

from rathaus.organization.models import Membership, OrgUnit


def units_with_members() -> QuerySet[OrgUnit]:
    return OrgUnit.objects.select_related("parent").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("user").order_by("role"))
    )
