"""STAR stories, their competency tags, linked questions and follow-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from prepdesk.core.star import count_words
from prepdesk.store.models import BehavioralQuestion, Competency, FollowUp, Project, Story
from prepdesk.store.repositories.lookup import require
from prepdesk.store.repositories.reviews import ReviewRepository

# The story's own text columns, edited one field at a time by the autosaving editor.
STORY_TEXT_FIELDS = ("title", "situation", "task", "action", "result", "metrics")
FOLLOW_UP_FIELDS = ("question", "answer_notes")


@dataclass(frozen=True)
class StorySummary:
    id: int
    title: str
    project_id: int | None
    words: int


@dataclass(frozen=True)
class QuestionRef:
    id: int
    text: str
    competency: str | None


@dataclass(frozen=True)
class FollowUpView:
    id: int
    question: str
    answer_notes: str


@dataclass(frozen=True)
class StoryView:
    id: int
    title: str
    project_id: int | None
    project_name: str | None
    situation: str
    task: str
    action: str
    result: str
    metrics: str
    competencies: tuple[str, ...]  # names, in their display order
    competency_ids: frozenset[int]
    questions: tuple[QuestionRef, ...]
    follow_ups: tuple[FollowUpView, ...]
    updated_at: datetime

    def text(self, field: str) -> str:
        return str(getattr(self, field))


class StoryRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list_stories(self) -> list[StorySummary]:
        stories = self._session.scalars(select(Story).order_by(Story.created_at, Story.id))
        return [
            StorySummary(
                id=s.id,
                title=s.title,
                project_id=s.project_id,
                words=sum(
                    count_words(getattr(s, p)) for p in ("situation", "task", "action", "result")
                ),
            )
            for s in stories
        ]

    def count(self) -> int:
        return int(self._session.scalar(select(func.count(Story.id))) or 0)

    def get(self, story_id: int) -> StoryView:
        return _view(self._story(story_id))

    def all_views(self) -> list[StoryView]:
        # Each relation in one query for all stories, not one per story (300 stories: 0.6 s).
        query = (
            select(Story)
            .order_by(Story.id)
            .options(
                selectinload(Story.competencies),
                selectinload(Story.project),
                selectinload(Story.questions).selectinload(BehavioralQuestion.competency),
                selectinload(Story.follow_ups),
            )
        )
        return [_view(s) for s in self._session.scalars(query)]

    def create(self, title: str, project_id: int | None = None) -> int:
        """A new story, with its rehearsal card (due now: the first rehearsal sets the pace)."""
        story = Story(title=title, project_id=project_id)
        self._session.add(story)
        self._session.flush()
        ReviewRepository(self._session).ensure_card("story", story.id)
        return story.id

    def update_text(self, story_id: int, values: dict[str, str]) -> None:
        story = self._story(story_id)
        for field, value in values.items():
            if field not in STORY_TEXT_FIELDS:
                raise ValueError(f"not a story text field: {field}")
            setattr(story, field, value)

    def set_project(self, story_id: int, project_id: int | None) -> None:
        self._story(story_id).project_id = project_id

    def delete(self, story_id: int) -> None:
        self._session.delete(self._story(story_id))

    def set_competency(self, story_id: int, competency_id: int, tagged: bool) -> None:
        story = self._story(story_id)
        competency = require(self._session, Competency, competency_id)
        if tagged and competency not in story.competencies:
            story.competencies.append(competency)
        elif not tagged and competency in story.competencies:
            story.competencies.remove(competency)

    def link_question(self, story_id: int, question_id: int) -> None:
        story = self._story(story_id)
        question = require(self._session, BehavioralQuestion, question_id)
        if question not in story.questions:
            story.questions.append(question)

    def unlink_question(self, story_id: int, question_id: int) -> None:
        story = self._story(story_id)
        story.questions[:] = [q for q in story.questions if q.id != question_id]

    def add_follow_up(self, story_id: int, question: str = "") -> int:
        story = self._story(story_id)
        position = max((f.position for f in story.follow_ups), default=-1) + 1
        follow_up = FollowUp(question=question, answer_notes="", position=position)
        story.follow_ups.append(follow_up)
        self._session.flush()
        return follow_up.id

    def update_follow_up(self, follow_up_id: int, values: dict[str, str]) -> None:
        follow_up = self._session.get(FollowUp, follow_up_id)
        if follow_up is None:
            return  # deleted meanwhile: nothing left to save into
        for field, value in values.items():
            if field not in FOLLOW_UP_FIELDS:
                raise ValueError(f"not a follow-up field: {field}")
            setattr(follow_up, field, value)

    def delete_follow_up(self, follow_up_id: int) -> None:
        follow_up = self._session.get(FollowUp, follow_up_id)
        if follow_up is not None:
            self._session.delete(follow_up)

    def _story(self, story_id: int) -> Story:
        return require(self._session, Story, story_id)


def _view(story: Story) -> StoryView:
    competencies = sorted(story.competencies, key=lambda c: (c.position, c.name))
    project: Project | None = story.project
    return StoryView(
        id=story.id,
        title=story.title,
        project_id=story.project_id,
        project_name=project.name if project else None,
        situation=story.situation,
        task=story.task,
        action=story.action,
        result=story.result,
        metrics=story.metrics,
        competencies=tuple(c.name for c in competencies),
        competency_ids=frozenset(c.id for c in competencies),
        questions=tuple(
            QuestionRef(q.id, q.text, q.competency.name if q.competency else None)
            for q in sorted(story.questions, key=lambda q: q.id)
        ),
        follow_ups=tuple(FollowUpView(f.id, f.question, f.answer_notes) for f in story.follow_ups),
        updated_at=story.updated_at,
    )
