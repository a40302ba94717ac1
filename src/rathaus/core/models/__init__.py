from rathaus.core.models.audit import AuditEntry
from rathaus.core.models.municipality import MunicipalityProfile
from rathaus.core.models.ratecounter import RateCounter
from rathaus.core.models.runtime import JobLease, SentMail, WorkerHeartbeat

__all__ = [
    "AuditEntry",
    "JobLease",
    "MunicipalityProfile",
    "RateCounter",
    "SentMail",
    "WorkerHeartbeat",
]
