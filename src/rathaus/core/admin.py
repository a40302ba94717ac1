from django.contrib import admin
from django.forms.models import model_to_dict

from rathaus.core.audit import audit_record
from rathaus.core.models import AuditEntry, MunicipalityProfile


class AuditedAdmin(admin.ModelAdmin):
    """Admin changes write audit rows like the service functions do."""

    def save_model(self, request, obj, form, change):
        before = {name: form.initial.get(name) for name in form.changed_data} if change else None
        super().save_model(request, obj, form, change)
        after = {name: model_to_dict(obj).get(name) for name in form.changed_data}
        action = f"{obj._meta.label_lower}.admin_{'change' if change else 'add'}"
        audit_record(actor=request.user, action=action, target=obj, before=before, after=after)

    def delete_model(self, request, obj):
        audit_record(
            actor=request.user,
            action=f"{obj._meta.label_lower}.admin_delete",
            target=obj,
            before={"label": str(obj)},
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(MunicipalityProfile)
class MunicipalityProfileAdmin(AuditedAdmin):
    def has_add_permission(self, request):
        return not MunicipalityProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_label", "action", "target_label"]
    list_filter = ["action"]
    search_fields = ["actor_label", "action", "target_label", "target_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
