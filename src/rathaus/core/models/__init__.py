from rathaus.core.models.audit import AuditEntry
from rathaus.core.models.municipality import MunicipalityProfile

__all__ = ["AuditEntry", "MunicipalityProfile"]
