from rathaus.eservices.models.archive import ArchiveStatus, ArchiveTransfer
from rathaus.eservices.models.cases import Case, CaseEvent, CaseNote, Message, ReferenceCounter
from rathaus.eservices.models.catalogue import LifeSituation, Service
from rathaus.eservices.models.drafts import Draft, ResumeLink, Upload
from rathaus.eservices.models.forms import FormVersion
from rathaus.eservices.models.handoff import Delivery
from rathaus.eservices.models.letters import Letter
from rathaus.eservices.models.notices import Notice
from rathaus.eservices.models.payments import (
    Mandate,
    PaymentRequest,
    SepaExport,
    StatementImport,
)

__all__ = [
    "ArchiveStatus",
    "ArchiveTransfer",
    "Case",
    "CaseEvent",
    "CaseNote",
    "Delivery",
    "Draft",
    "FormVersion",
    "Letter",
    "LifeSituation",
    "Mandate",
    "Message",
    "Notice",
    "PaymentRequest",
    "ReferenceCounter",
    "ResumeLink",
    "SepaExport",
    "Service",
    "StatementImport",
    "Upload",
]
