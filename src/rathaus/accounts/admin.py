from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from rathaus.accounts.models import ApiToken, User
from rathaus.core.admin import AuditedAdmin

# Need to know: the admin administers accounts, departments and settings. Citizens' personal
# data (verified attributes, cases, uploads, the dog register, child-benefit claims, ballots)
# has no ModelAdmin; it is read only through the audited, role-checked back-office pages.


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "language", "is_staff", "is_active"]
    search_fields = ["email", "display_name", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["first_name", "last_name", "display_name", "language"]}),
        ("Notifications", {"fields": ["email_notifications", "email_news"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    list_display = ["user", "name", "created_at", "expires_at", "revoked_at", "last_used_on"]
    readonly_fields = ["digest"]
