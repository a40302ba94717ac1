"""Steps the participation tests share."""

import time

from tests.factories import sign_in


def sign_in_staff(client, user):
    """`tests.factories.sign_in`, kept clear of the end of a 30-second TOTP window: allauth
    accepts only the current code (no tolerance), so a code computed just before the window
    turns would be refused."""
    if 30 - time.time() % 30 < 2:
        time.sleep(2.5)
    return sign_in(client, user)
