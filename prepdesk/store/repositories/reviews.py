"""Review cards of topics, problems and stories, scheduled by core.review (fsrs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from prepdesk.core.review import CardState, ReviewScheduler
from prepdesk.store.models import Problem, ReviewCard, ReviewLog, Story, Topic
from prepdesk.store.repositories.lookup import require
from prepdesk.store.repositories.settings import SettingsRepository

OWNER_COLUMNS = {"topic": "topic_id", "problem": "problem_id", "story": "story_id"}


@dataclass(frozen=True)
class DueCard:
    card_id: int
    kind: str
    owner_id: int
    title: str
    due: datetime
    recall_now: float | None  # None for a card never reviewed


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
        self, now: datetime, limit: int | None = None, kind: str | None = None
    ) -> list[DueCard]:
        """Cards due by `now`, least likely to be remembered first (new cards last)."""
        # One query: each card with its owner's title; archived topics' cards left out.
        title = func.coalesce(Topic.name, Problem.title, Story.title, "")
        query = (
            select(ReviewCard, title)
            .outerjoin(Topic, ReviewCard.topic_id == Topic.id)
            .outerjoin(Problem, ReviewCard.problem_id == Problem.id)
            .outerjoin(Story, ReviewCard.story_id == Story.id)
            .where(
                ReviewCard.due <= now,
                ReviewCard.suspended.is_(False),
                or_(Topic.id.is_(None), Topic.archived.is_(False)),
            )
        )
        if kind is not None:
            query = query.where(ReviewCard.kind == kind)
        scheduler = self.scheduler()
        cards = [
            DueCard(
                card_id=card.id,
                kind=card.kind,
                owner_id=_owner_id(card),
                title=card_title,
                due=card.due,
                recall_now=scheduler.recall_at(state_of(card), now),
            )
            for card, card_title in self._session.execute(query)
        ]
        cards.sort(key=lambda c: (c.recall_now is None, c.recall_now or 0.0, c.due))
        return cards[:limit] if limit is not None else cards

    def reviewed_since(self, since: datetime) -> int:
        """How many reviews were logged from `since` on (for the daily limit)."""
        query = select(func.count(ReviewLog.id)).where(ReviewLog.reviewed_at >= since)
        return int(self._session.scalar(query) or 0)

    def recall_at(self, kind: str, owner_ids: list[int], when: datetime) -> dict[int, float | None]:
        """Predicted recall at `when` (e.g. the interview) for each owner id of `kind`."""
        column = getattr(ReviewCard, OWNER_COLUMNS[kind])
        scheduler = self.scheduler()
        rows = self._session.scalars(select(ReviewCard).where(column.in_(owner_ids)))
        found = {_owner_id(card): scheduler.recall_at(state_of(card), when) for card in rows}
        return {owner: found.get(owner) for owner in owner_ids}


def state_of(card: ReviewCard) -> CardState:
    return CardState(
        state=card.state,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


def _owner_id(card: ReviewCard) -> int:
    owner = card.topic_id or card.problem_id or card.story_id
    assert owner is not None
    return owner
