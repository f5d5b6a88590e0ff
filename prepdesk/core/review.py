"""Spaced review with the `fsrs` package: the scheduling rules live there, not here.

This module only translates between prepdesk's stored card state and fsrs cards,
so every feature (topics, problems, stories) schedules the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Card, Rating, Scheduler, State

from prepdesk.core.limits import DEFAULT_RETENTION, RETENTION

GRADES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


@dataclass(frozen=True)
class CardState:
    """What the database keeps of one card between reviews."""

    state: int = State.Learning.value
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None

    @property
    def is_new(self) -> bool:
        return self.last_review is None


class ReviewScheduler:
    def __init__(self, desired_retention: float = DEFAULT_RETENTION, *, fuzz: bool = True) -> None:
        RETENTION.check(desired_retention)
        self._scheduler = Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)

    def review(self, card: CardState, grade: int, when: datetime) -> CardState:
        """The card's state after a review graded 1 (Again) to 4 (Easy) at `when`."""
        if grade not in GRADES:
            raise ValueError(f"grade must be 1 to 4, got {grade}")
        reviewed, _log = self._scheduler.review_card(_to_fsrs(card, when), Rating(grade), when)
        return _from_fsrs(reviewed)

    def recall_at(self, card: CardState, when: datetime) -> float | None:
        """Predicted probability of recalling the card at `when`; None if never reviewed."""
        if card.is_new or card.stability is None:
            return None
        return float(self._scheduler.get_card_retrievability(_to_fsrs(card, when), when))


def _to_fsrs(card: CardState, now: datetime) -> Card:
    # fsrs sleeps 1 ms to invent a unique id when none is given; ours live in the store.
    return Card(
        card_id=0,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due or now,
        last_review=card.last_review,
    )


def _from_fsrs(card: Card) -> CardState:
    return CardState(
        state=card.state.value,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )
