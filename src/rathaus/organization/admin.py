from django.contrib import admin

from rathaus.core.admin import AuditedAdmin
from rathaus.organization.models import Membership, OrgUnit


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(OrgUnit)
class OrgUnitAdmin(AuditedAdmin):
    list_display = ["name_de", "kind", "parent", "handles_cases"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "unit", "role"]
    list_filter = ["unit", "role"]
    autocomplete_fields = ["user"]
