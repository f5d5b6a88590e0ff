"""Review cards of topics, problems, stories, design prompts and technical questions,
scheduled by core.review (fsrs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Row, Select, exists, func, or_, select
from sqlalchemy.orm import Session

from prepdesk.core.question_drills import topic_recall
from prepdesk.core.review import CardState, ReviewScheduler
from prepdesk.store.models import (
    DesignPrompt,
    Problem,
    ReviewCard,
    ReviewLog,
    Story,
    StudySession,
    TechQuestion,
    Topic,
)
from prepdesk.store.models.ml_practice import tech_question_topic
from prepdesk.store.repositories.lookup import require
from prepdesk.store.repositories.settings import SettingsRepository

SelectT = TypeVar("SelectT", bound=Select)  # type: ignore[type-arg]
CardRow = Row[Any, *tuple[Any, ...]]  # a row of CARD_COLUMNS (and more)
OWNER_COLUMNS = {
    "topic": "topic_id",
    "problem": "problem_id",
    "story": "story_id",
    "design": "design_prompt_id",
    "question": "question_id",
}


@dataclass(frozen=True)
class DueCard:
    card_id: int
    kind: str
    owner_id: int
    title: str
    due: datetime
    recall_now: float | None  # None for a card never reviewed


@dataclass(frozen=True)
class CardBack:
    """What a card's answer side shows: the person's notes (Markdown) and a link."""

    notes: str
    link: str = ""


class ReviewRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def scheduler(self) -> ReviewScheduler:
        retention = float(SettingsRepository(self._session).get("desired_retention"))
        return ReviewScheduler(retention)

    def ensure_card(self, kind: str, owner_id: int) -> ReviewCard:
        column = getattr(ReviewCard, OWNER_COLUMNS[kind])
        card = self._session.scalar(select(ReviewCard).where(column == owner_id))
        if card is None:
            card = ReviewCard(kind=kind, **{OWNER_COLUMNS[kind]: owner_id})
            self._session.add(card)
            self._session.flush()
        return card

    def review(
        self, card_id: int, grade: int, when: datetime, duration_ms: int | None = None
    ) -> CardState:
        """Grade a card (1 Again .. 4 Easy): reschedules it and appends to the review log."""
        card = require(self._session, ReviewCard, card_id)
        after = self.scheduler().review(state_of(card), grade, when)
        card.state, card.step = after.state, after.step
        card.stability, card.difficulty = after.stability, after.difficulty
        if after.due is not None:  # always set once reviewed
            card.due = after.due
        if after.last_review is not None:
            card.last_review = after.last_review
        self._session.add(
            ReviewLog(card_id=card.id, rating=grade, reviewed_at=when, duration_ms=duration_ms)
        )
        return after

    def due(
        self,
        now: datetime,
        limit: int | None = None,
        kind: str | None = None,
        kinds: tuple[str, ...] | None = None,
    ) -> list[DueCard]:
        """Cards due by `now` (of `kind`, or of `kinds`), least likely to be remembered
        first (new cards last).

        A topic never studied nor reviewed is new, not due (as Anki keeps new cards
        apart): the plan starts new topics within the daily new limit, and once studied
        the topic's card is due for its first review.
        """
        # One query of plain columns (no ORM objects): each card's state beside its
        # owner's title; archived owners' cards left out.
        title = func.coalesce(
            Topic.name, Problem.title, Story.title, DesignPrompt.title, TechQuestion.text, ""
        )
        query = self._cards(select(*CARD_COLUMNS, title)).where(ReviewCard.due <= now)
        if kind is not None:
            query = query.where(ReviewCard.kind == kind)
        if kinds is not None:
            query = query.where(ReviewCard.kind.in_(kinds))
        scheduler = self.scheduler()
        cards = []
        for row in self._session.execute(query):
            state = _row_state(row)
            cards.append(
                DueCard(
                    card_id=row.id,
                    kind=row.kind,
                    owner_id=_owner_of_row(row),
                    title=row[-1],
                    due=row.due,
                    recall_now=scheduler.recall_at(state, now),
                )
            )
        cards.sort(key=lambda c: (c.recall_now is None, c.recall_now or 0.0, c.due))
        return cards[:limit] if limit is not None else cards

    def next_due(self, after: datetime, kinds: tuple[str, ...]) -> datetime | None:
        """When the next card of these kinds comes due after `after` (None: no card will)."""
        query = self._cards(select(func.min(ReviewCard.due))).where(
            ReviewCard.due > after, ReviewCard.kind.in_(kinds)
        )
        due: datetime | None = self._session.scalar(query)
        return due.replace(tzinfo=after.tzinfo) if due is not None and due.tzinfo is None else due

    def back_of(self, kind: str, owner_id: int) -> CardBack:
        """The answer side of a card: a topic's notes, a problem's notes and link, an answer."""
        if kind == "topic":
            return CardBack(require(self._session, Topic, owner_id).notes)
        if kind == "problem":
            problem = require(self._session, Problem, owner_id)
            lines = [f"**Patterns:** {problem.patterns}"] if problem.patterns.strip() else []
            if problem.notes.strip():
                lines.append(problem.notes)
            return CardBack("\n\n".join(lines), problem.url.strip())
        if kind == "question":
            return CardBack(require(self._session, TechQuestion, owner_id).answer)
        return CardBack("")

    def _cards(self, query: SelectT) -> SelectT:
        """Cards of owners still in use, each beside its owner: the due list's filters."""
        studied = exists().where(StudySession.topic_id == ReviewCard.topic_id)
        return (
            query.outerjoin(Topic, ReviewCard.topic_id == Topic.id)
            .outerjoin(Problem, ReviewCard.problem_id == Problem.id)
            .outerjoin(Story, ReviewCard.story_id == Story.id)
            .outerjoin(DesignPrompt, ReviewCard.design_prompt_id == DesignPrompt.id)
            .outerjoin(TechQuestion, ReviewCard.question_id == TechQuestion.id)
            .where(
                ReviewCard.suspended.is_(False),
                or_(Topic.id.is_(None), Topic.archived.is_(False)),
                or_(DesignPrompt.id.is_(None), DesignPrompt.archived.is_(False)),
                or_(TechQuestion.id.is_(None), TechQuestion.archived.is_(False)),
                or_(ReviewCard.kind != "topic", ReviewCard.last_review.is_not(None), studied),
            )
        )

    def reviewed_since(self, since: datetime) -> int:
        """How many reviews were logged from `since` on (for the daily limit)."""
        query = select(func.count(ReviewLog.id)).where(ReviewLog.reviewed_at >= since)
        return int(self._session.scalar(query) or 0)

    def recall_at(self, kind: str, owner_ids: list[int], when: datetime) -> dict[int, float | None]:
        """Predicted recall at `when` (e.g. the interview) for each owner id of `kind`."""
        column = getattr(ReviewCard, OWNER_COLUMNS[kind])
        scheduler = self.scheduler()
        rows = self._session.execute(select(*CARD_COLUMNS).where(column.in_(owner_ids)))
        found = {_owner_of_row(row): scheduler.recall_at(_row_state(row), when) for row in rows}
        if kind == "topic":  # a topic with drilled questions is as recalled as they are
            drilled = self._question_recalls_by_topic(owner_ids, when)
            return {
                owner: topic_recall(found.get(owner), drilled.get(owner, [])) for owner in owner_ids
            }
        return {owner: found.get(owner) for owner in owner_ids}

    def _question_recalls_by_topic(
        self, topic_ids: list[int], when: datetime
    ) -> dict[int, list[float | None]]:
        scheduler = self.scheduler()
        rows = self._session.execute(
            select(*CARD_COLUMNS, tech_question_topic.c.topic_id.label("of_topic"))
            .join(ReviewCard, ReviewCard.question_id == tech_question_topic.c.question_id)
            .join(TechQuestion, TechQuestion.id == tech_question_topic.c.question_id)
            .where(
                tech_question_topic.c.topic_id.in_(topic_ids),
                ReviewCard.last_review.is_not(None),
                TechQuestion.archived.is_(False),
            )
        )
        recalls: dict[int, list[float | None]] = {}
        for row in rows:
            recalls.setdefault(row.of_topic, []).append(scheduler.recall_at(_row_state(row), when))
        return recalls


def state_of(card: ReviewCard) -> CardState:
    return CardState(
        state=card.state,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


# A card's state and owner as plain columns: reading many cards builds no ORM objects.
CARD_COLUMNS = (
    ReviewCard.id,
    ReviewCard.kind,
    *(getattr(ReviewCard, column) for column in OWNER_COLUMNS.values()),
    ReviewCard.state,
    ReviewCard.step,
    ReviewCard.stability,
    ReviewCard.difficulty,
    ReviewCard.due,
    ReviewCard.last_review,
)


OWNERS_AT = slice(2, 2 + len(OWNER_COLUMNS))  # where CARD_COLUMNS has the owner ids
STATE_AT = slice(OWNERS_AT.stop, OWNERS_AT.stop + 6)  # ... and CardState's fields, in order


def _row_state(row: CardRow) -> CardState:
    return CardState(*row[STATE_AT])


def _owner_of_row(row: CardRow) -> int:
    owner: int | None = next((o for o in row[OWNERS_AT] if o is not None), None)
    assert owner is not None
    return owner
