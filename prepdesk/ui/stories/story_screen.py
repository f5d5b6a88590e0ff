"""Everything the story editor shows of one story, read in one transaction (on a worker
thread when the Stories page refreshes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from prepdesk.store.repositories.projects import ProjectRepository, ProjectView
from prepdesk.store.repositories.questions import CompetencyView, QuestionRepository, QuestionView
from prepdesk.store.repositories.rehearsals import RehearsalRepository, RehearsalStatus
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.stories import StoryRepository, StoryView


@dataclass(frozen=True)
class StoryScreen:
    """Everything the editor shows of a story, read in one transaction."""

    story: StoryView
    competencies: list[CompetencyView]
    bank: list[QuestionView]
    projects: list[ProjectView]
    rehearsal: RehearsalStatus
    now: datetime
    target_seconds: int


def read_story_screen(session: Session, story_id: int, now: datetime) -> StoryScreen:
    questions = QuestionRepository(session)
    return StoryScreen(
        StoryRepository(session).get(story_id),
        questions.competencies(),
        questions.questions(),
        ProjectRepository(session).list_projects(),
        RehearsalRepository(session).status(story_id, now),
        now,
        int(SettingsRepository(session).get("answer_seconds")),
    )
