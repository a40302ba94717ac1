from django.core.management.base import BaseCommand, CommandError

from rathaus.accounts.models import TokenScope, User
from rathaus.accounts.tokens import TokenRefused, api_token_create


class Command(BaseCommand):
    help = (
        "Create an API token for the account with this e-mail address. The token acts with that "
        "account's permissions; it is printed once, on the last line, and only its digest is kept. "
        "Staff accounts need TOTP set up first."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="", help="What the token is for.")
        parser.add_argument(
            "--days", type=int, default=None, help="Expire after this many days (API_TOKEN_DAYS)."
        )
        parser.add_argument(
            "--scope",
            choices=TokenScope.values,
            default=TokenScope.READ,
            help="read (the default) or write.",
        )

    def handle(self, *args, email, name, days, scope, **options):
        user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
        if user is None:
            raise CommandError(f"No active account with the e-mail address {email}.")
        try:
            token = api_token_create(user=user, name=name, scope=scope, valid_days=days)
        except TokenRefused as refused:
            raise CommandError(str(refused)) from None
        self.stderr.write(f"API token for {user.email} (shown once, keep it secret):")
        self.stdout.write(token)
