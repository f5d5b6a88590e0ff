"""Story rehearsal rules: how a practice self-score becomes a spaced-review grade,
and which question to practise next. Pure Python."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

PICK_MODES = ("random", "uncovered", "due")
PICK_MODE_LABELS = {
    "random": "Any question, at random",
    "uncovered": "A question with no story yet",
    "due": "A story due for rehearsal",
}


def grade_for_score(score: int) -> int:
    """Self-score 1-5 to an fsrs grade: 1-2 Again, 3 Hard, 4 Good, 5 Easy."""
    if not 1 <= score <= 5:
        raise ValueError(f"score must be 1 to 5, got {score}")
    return {1: 1, 2: 1, 3: 2, 4: 3, 5: 4}[score]


def pick(candidates: Sequence[T], rng: random.Random, avoid: T | None = None) -> T | None:
    """One candidate at random, not the one just shown when there is a choice."""
    pool = [c for c in candidates if c != avoid] or list(candidates)
    return rng.choice(pool) if pool else None
