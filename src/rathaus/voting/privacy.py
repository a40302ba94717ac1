"""The voting platform's part of a person's data export (see accounts.privacy).

The voter roll knows *that* the person voted in a poll and on which day; how they voted is in
the ballot box, which has no link to anyone, so it cannot be part of anybody's export.
"""

from rathaus.accounts.privacy import ExportPart
from rathaus.voting.models import Poll
from rathaus.voting.models.ballot_box import USER_VOTER, RollEntry


def votes_export(user) -> ExportPart:
    entries = RollEntry.objects.filter(voter=f"{USER_VOTER}:{user.pk}").order_by("voted_on")
    polls = Poll.objects.in_bulk([entry.poll_id for entry in entries])
    return ExportPart(
        data={
            "took_part_in": [
                {
                    "poll": polls[entry.poll_id].title_de,
                    "voted_on": entry.voted_on,
                    "note": "how you voted is not stored with your name",
                }
                for entry in entries
            ]
        }
    )
