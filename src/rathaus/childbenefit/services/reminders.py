"""Before a child with granted child benefit turns 18, the recipient is asked for evidence.

A scheduled job (`childbenefit.age_reminders`, daily). The reminder is a message in the mailbox
case of the decision; the e-mail only says that there is news (no personal data). One reminder
per child ever: `AgeReminder.child_tax_id` is unique, so retries and parallel runs send none twice.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from rathaus.childbenefit.benefitrules import month_completing_18th_year
from rathaus.childbenefit.messages import month_label
from rathaus.childbenefit.models import AgeReminder
from rathaus.childbenefit.selectors.claims import reminders_due
from rathaus.core.audit import audit_record
from rathaus.eservices.services.mailbox import message_inform


def age_reminders_send(*, today: date | None = None) -> int:
    """Send the reminders that are due; the number sent."""
    today = today or timezone.localdate()
    sent = 0
    for line in reminders_due(today):
        case = line.claim.case
        try:
            with transaction.atomic():
                AgeReminder.objects.create(
                    child_tax_id=line.child_tax_id, case=case, sent_at=timezone.now()
                )
                with override(case.language):
                    body = _(
                        "Child benefit for one of the children in this case is paid without "
                        "further evidence until %(month)s, when the child turns 18. If the child "
                        "then goes to school, trains, studies or another qualifying situation "
                        "applies, please send the evidence with the online change notice for "
                        "child benefit, so that payment can continue."
                    ) % {"month": month_label(month_completing_18th_year(line.child.born_on))}
                message_inform(case=case, body=body, actor=None)
                audit_record(
                    actor=None,
                    action="childbenefit.reminder.send",
                    target=case,
                    after={"child": line.child.position},
                )
        except IntegrityError:
            continue  # another run sent it just now
        sent += 1
    return sent
