"""Competencies, the behavioral question bank and the coverage of both by stories."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prepdesk.store.models import BehavioralQuestion, Competency, Story
from prepdesk.store.models.stories import story_competency, story_question


@dataclass(frozen=True)
class CompetencyView:
    id: int
    name: str
    description: str
    builtin: bool


@dataclass(frozen=True)
class QuestionView:
    id: int
    text: str
    competency_id: int | None
    competency: str | None
    source: str  # builtin, user or debrief
    story_count: int


@dataclass(frozen=True)
class CoverageMatrix:
    """Which stories show which competency: tagged directly, or through a linked question."""

    competencies: tuple[CompetencyView, ...]
    stories: tuple[tuple[int, str], ...]  # (id, title)
    tagged: frozenset[tuple[int, int]]  # (competency id, story id)
    via_question: frozenset[tuple[int, int]]
    uncovered_questions: tuple[QuestionView, ...]

    def covers(self, competency_id: int, story_id: int) -> bool:
        key = (competency_id, story_id)
        return key in self.tagged or key in self.via_question

    def stories_for(self, competency_id: int) -> int:
        return self._story_counts.get(competency_id, 0)

    @cached_property
    def _story_counts(self) -> dict[int, int]:
        """Stories per competency, counted once: the matrix view asks for every cell."""
        story_ids = {story_id for story_id, _ in self.stories}
        counts: dict[int, int] = {}
        for competency_id, story_id in self.tagged | self.via_question:
            if story_id in story_ids:
                counts[competency_id] = counts.get(competency_id, 0) + 1
        return counts

    def uncovered_competencies(self) -> list[CompetencyView]:
        return [c for c in self.competencies if self.stories_for(c.id) == 0]


class QuestionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def competencies(self) -> list[CompetencyView]:
        rows = self._session.scalars(
            select(Competency).order_by(Competency.position, Competency.id)
        )
        return [CompetencyView(c.id, c.name, c.description, c.builtin) for c in rows]

    def add_competency(self, name: str, description: str = "") -> int:
        name = name.strip()
        if not name:
            raise ValueError("a competency needs a name")
        exists = self._session.scalar(
            select(Competency).where(func.lower(Competency.name) == name.lower())
        )
        if exists is not None:
            raise ValueError(f"there is already a competency called {exists.name}")
        position = self._session.scalar(select(func.max(Competency.position))) or 0
        competency = Competency(name=name, description=description, position=position + 1)
        self._session.add(competency)
        self._session.flush()
        return competency.id

    def questions(self) -> list[QuestionView]:
        counts: dict[int, int] = dict(
            self._session.execute(
                select(story_question.c.question_id, func.count()).group_by(
                    story_question.c.question_id
                )
            ).all()
        )
        rows = self._session.scalars(
            select(BehavioralQuestion).order_by(
                BehavioralQuestion.competency_id, BehavioralQuestion.id
            )
        )
        return [
            QuestionView(
                id=q.id,
                text=q.text,
                competency_id=q.competency_id,
                competency=q.competency.name if q.competency else None,
                source=q.source,
                story_count=int(counts.get(q.id, 0)),
            )
            for q in rows
        ]

    def add_question(self, text: str, competency_id: int | None) -> int:
        text = " ".join(text.split())
        if not text:
            raise ValueError("the question is empty")
        exists = self._session.scalar(
            select(BehavioralQuestion).where(func.lower(BehavioralQuestion.text) == text.lower())
        )
        if exists is not None:
            raise ValueError("that question is already in the bank")
        question = BehavioralQuestion(text=text, competency_id=competency_id, source="user")
        self._session.add(question)
        self._session.flush()
        return question.id

    def delete_question(self, question_id: int) -> None:
        """Only the user's own questions can go; the built-in bank stays whole."""
        question = self._session.get(BehavioralQuestion, question_id)
        if question is None:
            return
        if question.source == "builtin":
            raise ValueError("built-in questions cannot be deleted")
        self._session.delete(question)

    def coverage(self) -> CoverageMatrix:
        competencies = tuple(self.competencies())
        stories = tuple(
            (s.id, s.title)
            for s in self._session.scalars(select(Story).order_by(Story.created_at, Story.id))
        )
        tagged = frozenset(
            (competency_id, story_id)
            for story_id, competency_id in self._session.execute(
                select(story_competency.c.story_id, story_competency.c.competency_id)
            )
        )
        via_question = frozenset(
            (competency_id, story_id)
            for story_id, competency_id in self._session.execute(
                select(story_question.c.story_id, BehavioralQuestion.competency_id)
                .join(BehavioralQuestion, BehavioralQuestion.id == story_question.c.question_id)
                .where(BehavioralQuestion.competency_id.is_not(None))
            )
        )
        uncovered = tuple(q for q in self.questions() if q.story_count == 0)
        return CoverageMatrix(competencies, stories, tagged, via_question - tagged, uncovered)
