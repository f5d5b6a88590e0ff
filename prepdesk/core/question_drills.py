"""Technical question drills: difficulty levels, the daily limit for new questions, and
how a topic's recall follows the recall of its drilled questions.
"""

from __future__ import annotations

from collections.abc import Iterable

QUESTION_DIFFICULTIES = ("easy", "medium", "hard")
DEFAULT_NEW_QUESTIONS_PER_DAY = 10


def topic_recall(own: float | None, questions: Iterable[float | None]) -> float | None:
    """A topic's predicted recall: its drilled questions' mean once it has any.

    A question counts as drilled once it has been reviewed (its recall is not None);
    until then the topic's own card decides.
    """
    drilled = [recall for recall in questions if recall is not None]
    if drilled:
        return sum(drilled) / len(drilled)
    return own


def new_questions_left(limit: int, introduced_today: int) -> int:
    """How many never-drilled questions today's session may still bring in."""
    return max(limit - introduced_today, 0)
