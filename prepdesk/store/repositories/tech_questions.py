"""Technical questions for drills: the bank, the person's answers, and how many new
questions have been drilled today (for the daily limit)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from prepdesk.core.question_drills import QUESTION_DIFFICULTIES
from prepdesk.store.models import Area, ReviewCard, ReviewLog, TechQuestion, Topic
from prepdesk.store.repositories.lookup import require

QUESTION_FIELDS = ("text", "difficulty", "answer", "topic_id")


@dataclass(frozen=True)
class QuestionRow:
    id: int
    text: str
    difficulty: str
    area: str  # the area name of its first topic ("" without a topic)
    topic: str
    answered: bool
    builtin: bool
    archived: bool
    due: datetime | None
    last_review: datetime | None


class TechQuestionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def rows(self, *, include_archived: bool = False) -> list[QuestionRow]:
        query = select(TechQuestion).options(selectinload(TechQuestion.topics))
        if not include_archived:
            query = query.where(TechQuestion.archived.is_(False))
        # Topics in one query with the questions, not one query per question.
        questions = self._session.scalars(query.order_by(TechQuestion.id)).all()
        cards = {
            card.question_id: card
            for card in self._session.scalars(
                select(ReviewCard).where(ReviewCard.kind == "question")
            )
        }
        areas = {area.id: area.name for area in self._session.scalars(select(Area))}
        rows = []
        for q in questions:
            topic = q.topics[0] if q.topics else None
            card = cards.get(q.id)
            rows.append(
                QuestionRow(
                    id=q.id,
                    text=q.text,
                    difficulty=q.difficulty,
                    area=areas.get(topic.area_id, "") if topic else "",
                    topic=topic.name if topic else "",
                    answered=bool(q.answer.strip()),
                    builtin=q.builtin,
                    archived=q.archived,
                    due=card.due if card else None,
                    last_review=card.last_review if card else None,
                )
            )
        return rows

    def values(self, question_id: int) -> dict[str, Any]:
        q = require(self._session, TechQuestion, question_id)
        return {
            "text": q.text,
            "difficulty": q.difficulty,
            "answer": q.answer,
            "topic_id": q.topics[0].id if q.topics else None,
            "archived": q.archived,
        }

    def create(self, text: str, topic_id: int | None, difficulty: str = "medium") -> int:
        if not text.strip():
            raise ValueError("a question needs its text")
        if difficulty not in QUESTION_DIFFICULTIES:
            raise ValueError(f"difficulty is easy, medium or hard, got {difficulty!r}")
        question = TechQuestion(text=text.strip(), difficulty=difficulty)
        if topic_id is not None:
            question.topics = [require(self._session, Topic, topic_id)]
        self._session.add(question)
        self._session.flush()
        self._session.add(ReviewCard(kind="question", question_id=question.id))
        return question.id

    def update(self, question_id: int, values: dict[str, Any]) -> None:
        q = require(self._session, TechQuestion, question_id)
        for name, value in values.items():
            if name == "text":
                if not str(value).strip():
                    raise ValueError("a question needs its text")
                q.text = value
            elif name == "difficulty":
                if value not in QUESTION_DIFFICULTIES:
                    raise ValueError(f"difficulty is easy, medium or hard, got {value!r}")
                q.difficulty = value
            elif name == "answer":
                q.answer = value
            elif name == "topic_id":
                q.topics = [require(self._session, Topic, int(value))] if value else []
            else:
                raise ValueError(f"a question has no field {name!r}")

    def set_archived(self, question_id: int, archived: bool) -> None:
        require(self._session, TechQuestion, question_id).archived = archived

    def answer_of(self, question_id: int) -> str:
        return require(self._session, TechQuestion, question_id).answer

    def introduced_since(self, since: datetime) -> int:
        """How many questions had their first ever review from `since` on: reviewed since
        then and never before (the index on reviewed_at finds today's few reviews)."""
        earlier = aliased(ReviewLog)
        before = exists().where(earlier.card_id == ReviewLog.card_id, earlier.reviewed_at < since)
        query = (
            select(func.count(func.distinct(ReviewLog.card_id)))
            .join(ReviewCard, ReviewCard.id == ReviewLog.card_id)
            .where(ReviewCard.kind == "question", ReviewLog.reviewed_at >= since, ~before)
        )
        return int(self._session.scalar(query) or 0)

    def topic_choices(self) -> tuple[list[str], list[tuple[int, str]]]:
        """The area names, and (topic id, "Area: Topic") for every topic, in curriculum order."""
        areas = [a.name for a in self._session.scalars(select(Area).order_by(Area.position))]
        topics = self._session.execute(
            select(Topic.id, Area.name, Topic.name)
            .join(Area, Area.id == Topic.area_id)
            .order_by(Area.position, Topic.position)
        )
        return areas, [(tid, f"{area}: {name}") for tid, area, name in topics]

    def answered_ids(self) -> list[int]:
        """Questions with an answer written."""
        return list(self._session.scalars(select(TechQuestion.id).where(TechQuestion.answer != "")))

    def first_with_maths(self) -> int | None:
        """A question whose answer has maths in it (a `$`), for showing the preview."""
        query = select(TechQuestion.id).where(TechQuestion.answer.contains("$")).limit(1)
        return self._session.scalar(query)
