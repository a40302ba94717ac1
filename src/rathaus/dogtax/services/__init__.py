"""Every write on the dog tax: keyword-only, in one transaction each, audited.

``statute``: the statute records; ``register``: households, dogs, tags, exemptions, notices.
"""

from rathaus.dogtax.services.assessment import (
    AssessmentError,
    assessment_continue,
    assessment_process,
    assessment_start,
)
from rathaus.dogtax.services.register import (
    RegisterError,
    account_change_address,
    account_for_keeper,
    account_set_mandate,
    dog_deregister,
    dog_register,
    exemption_grant,
    notice_record,
    tag_issue,
    tag_replace,
)
from rathaus.dogtax.services.statute import (
    exemption_kind_update,
    rate_period_add,
    statute_seed,
)

__all__ = [
    "AssessmentError",
    "RegisterError",
    "account_change_address",
    "account_for_keeper",
    "account_set_mandate",
    "assessment_continue",
    "assessment_process",
    "assessment_start",
    "dog_deregister",
    "dog_register",
    "exemption_grant",
    "exemption_kind_update",
    "notice_record",
    "rate_period_add",
    "statute_seed",
    "tag_issue",
    "tag_replace",
]
