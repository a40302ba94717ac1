"""The participation platform's part of a person's data export (see accounts.privacy).

No eraser is needed: deleting the account removes the pseudonym, follows and supports, and keeps
proposals and comments without an author.
"""

from rathaus.accounts.privacy import ExportPart
from rathaus.participation.exports import personal_export


def participation_export(user) -> ExportPart:
    return ExportPart(data=personal_export(user))
