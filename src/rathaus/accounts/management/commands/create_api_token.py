from django.core.management.base import BaseCommand, CommandError

from rathaus.accounts.models import User
from rathaus.accounts.tokens import api_token_create


class Command(BaseCommand):
    help = (
        "Create an API token for the account with this e-mail address. The token acts with that "
        "account's permissions; it is printed once, on the last line, and only its digest is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="", help="What the token is for.")
        parser.add_argument("--days", type=int, default=None, help="Expire after this many days.")

    def handle(self, *args, email, name, days, **options):
        user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
        if user is None:
            raise CommandError(f"No active account with the e-mail address {email}.")
        token = api_token_create(user=user, name=name, valid_days=days)
        self.stderr.write(f"API token for {user.email} (shown once, keep it secret):")
        self.stdout.write(token)
