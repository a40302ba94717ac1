from django import forms
from django.contrib import admin

from rathaus.core.admin import AuditedAdmin
from rathaus.organization.duties import duty_choices
from rathaus.organization.models import Membership, OrgUnit, UnitDuty


class UnitDutyForm(forms.ModelForm):
    duty = forms.ChoiceField(choices=duty_choices)

    class Meta:
        model = UnitDuty
        fields = ["duty"]


class UnitDutyInline(admin.TabularInline):
    model = UnitDuty
    form = UnitDutyForm
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(OrgUnit)
class OrgUnitAdmin(AuditedAdmin):
    list_display = ["name_de", "kind", "parent", "handles_cases"]
    inlines = [UnitDutyInline, MembershipInline]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "unit", "role"]
    list_filter = ["unit", "role"]
    autocomplete_fields = ["user"]
