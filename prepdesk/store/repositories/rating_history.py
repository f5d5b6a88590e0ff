"""A topic's level from its rating history: its latest rating, now or before a moment.

The one definition every reader uses (Topics, the plan, readiness, the dashboard's
charts): the rating with the latest `rated_at`, the later id on a tie. Each topic's is one
seek on the rating (topic_id, rated_at) index, never a pass over the whole history.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ScalarSelect, Select, select
from sqlalchemy.orm import Session

from prepdesk.store.models import Rating, Topic


def latest_level(before: datetime | None = None) -> ScalarSelect[int]:
    """The level of the enclosing query's Topic's latest rating (before `before`, if
    given), or NULL when it has none: a correlated scalar subquery on Topic.id."""
    query = select(Rating.level).where(Rating.topic_id == Topic.id)
    if before is not None:
        query = query.where(Rating.rated_at < before)
    return (
        query.order_by(Rating.rated_at.desc(), Rating.id.desc())
        .limit(1)
        .correlate(Topic)
        .scalar_subquery()
    )


def latest_levels(before: datetime | None = None) -> Select[int, int]:
    """(topic_id, level) of each rated topic's latest rating (before `before`)."""
    level = latest_level(before).label("level")
    ranked = select(Topic.id.label("topic_id"), level).subquery()
    return select(ranked.c.topic_id, ranked.c.level).where(ranked.c.level.is_not(None))


def latest_level_of(session: Session, before: datetime | None = None) -> dict[int, int]:
    """Each rated topic's latest level, by topic id."""
    return {topic_id: level for topic_id, level in session.execute(latest_levels(before))}
