"""Models of the participation platform, one module per concept."""

from rathaus.participation.models.moderation import (
    AnswerStatus,
    OfficialAnswer,
    Report,
    ReportOutcome,
    ReportReason,
)
from rathaus.participation.models.people import Follow, ParticipantProfile
from rathaus.participation.models.process import Category, Phase, PhaseKind, Process
from rathaus.participation.models.project import (
    Project,
    ProjectDocument,
    ProjectStatus,
    TimelineEntry,
    Topic,
)
from rathaus.participation.models.proposal import Comment, Proposal, ProposalImage, Support

__all__ = [
    "AnswerStatus",
    "Category",
    "Comment",
    "Follow",
    "OfficialAnswer",
    "ParticipantProfile",
    "Phase",
    "PhaseKind",
    "Process",
    "Project",
    "ProjectDocument",
    "ProjectStatus",
    "Proposal",
    "ProposalImage",
    "Report",
    "ReportOutcome",
    "ReportReason",
    "Support",
    "TimelineEntry",
    "Topic",
]
