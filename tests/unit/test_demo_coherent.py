"""The demo is coherent: every number it shows could come from a real person's use."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from prepdesk.core.coding_targets import DEFAULT_CODING_TARGETS, coding_target
from prepdesk.store import demo_content as text
from prepdesk.store.demo import fill_demo_data
from prepdesk.store.first_run import first_run_due
from prepdesk.store.models import Attempt, Problem, ReviewCard, Topic
from prepdesk.store.repositories.rating_history import latest_levels
from prepdesk.store.repositories.reviews import ReviewRepository


def test_the_demo_never_contradicts_itself(db):
    with db.transaction() as s:
        fill_demo_data(s, date(2026, 3, 2))
    with db.transaction() as s:
        assert not first_run_due(s)
        levels = dict(s.execute(latest_levels()).all())
        reviewed = set(
            s.scalars(
                select(ReviewCard.topic_id).where(
                    ReviewCard.topic_id.is_not(None), ReviewCard.last_review.is_not(None)
                )
            )
        )
        # Not started (0/5) or never rated: never reviewed, so no known recall, neither
        # from the topic's own card nor from drilled questions on it.
        assert all(levels.get(topic_id, 0) > 0 for topic_id in reviewed)
        topic_ids = list(s.scalars(select(Topic.id)))
        recall = ReviewRepository(s).recall_at("topic", topic_ids, datetime.now(UTC))
        unknown = [t for t in topic_ids if levels.get(t, 0) == 0 and recall[t] is not None]
        assert not unknown
        attempts = s.execute(
            select(Attempt.minutes, Attempt.solved, Attempt.notes, Problem.platform)
            .add_columns(Problem.difficulty)
            .join(Problem, Attempt.problem_id == Problem.id)
        ).all()
    kaggle = [a for a in attempts if a.platform == "Kaggle"]
    assert kaggle
    for minutes, solved, notes, platform, difficulty in attempts:
        target = coding_target(platform, difficulty, DEFAULT_CODING_TARGETS)
        if notes in text.SOLVED_ATTEMPT_NOTES:  # "Clean solution, first try." ...
            assert solved and minutes <= target, (notes, minutes, target)
        assert target * 0.5 <= minutes <= target * 2, (platform, difficulty, minutes)
