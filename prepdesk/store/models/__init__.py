"""All mapped classes; importing this package registers every table on Base.metadata."""

from prepdesk.store.models.base import Base, UTCDateTime, utcnow
from prepdesk.store.models.companies import (
    AskQuestion,
    ChecklistItem,
    Company,
    CompanyQuestion,
    DebriefQuestion,
    InterviewStage,
    Person,
    StageType,
)
from prepdesk.store.models.ml_practice import (
    DesignPhase,
    DesignPrompt,
    DesignSession,
    TechQuestion,
)
from prepdesk.store.models.practice import Attempt, Problem
from prepdesk.store.models.stories import (
    BehavioralQuestion,
    Competency,
    FollowUp,
    PracticeRun,
    Project,
    Story,
)
from prepdesk.store.models.topics import (
    Area,
    Rating,
    ReviewCard,
    ReviewLog,
    Setting,
    StudySession,
    Topic,
)

__all__ = [
    "Area",
    "AskQuestion",
    "Attempt",
    "Base",
    "BehavioralQuestion",
    "ChecklistItem",
    "Company",
    "CompanyQuestion",
    "Competency",
    "DebriefQuestion",
    "DesignPhase",
    "DesignPrompt",
    "DesignSession",
    "FollowUp",
    "InterviewStage",
    "Person",
    "PracticeRun",
    "Problem",
    "Project",
    "Rating",
    "ReviewCard",
    "ReviewLog",
    "Setting",
    "StageType",
    "Story",
    "StudySession",
    "TechQuestion",
    "Topic",
    "UTCDateTime",
    "utcnow",
]
