"""API tokens get a scope and always an expiry.

Existing tokens become read-only: a token made before scopes existed was not chosen for writing
by anybody, and the least privilege is the safe default (a holder who needs to write makes a new
read-write token, which for staff now needs TOTP). Tokens without an expiry get one
`API_TOKEN_DAYS` after they were made, so forgotten long-lived tokens stop working.
"""

from datetime import timedelta

from django.conf import settings
from django.db import migrations, models


def expire_unlimited_tokens(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    days = getattr(settings, "API_TOKEN_DAYS", 90)
    for token in ApiToken.objects.filter(expires_at__isnull=True):
        token.expires_at = token.created_at + timedelta(days=days)
        token.save(update_fields=["expires_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="scope",
            field=models.CharField(
                choices=[("read", "read only"), ("write", "read and write")],
                default="read",
                max_length=5,
                verbose_name="scope",
            ),
        ),
        migrations.RunPython(expire_unlimited_tokens, migrations.RunPython.noop),
    ]
