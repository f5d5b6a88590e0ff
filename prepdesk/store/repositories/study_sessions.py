"""Study sessions: time spent on a topic, logged by hand or by the study timer, and the
minutes done since a moment (studied plus reviewed)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prepdesk.core.limits import REVIEW_MINUTES_EACH, SESSION_MINUTES
from prepdesk.store.models import StudySession, Topic
from prepdesk.store.repositories.lookup import require
from prepdesk.store.repositories.reviews import ReviewRepository


class StudySessionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def minutes_done_since(self, since: datetime) -> int:
        """Study minutes plus review time (REVIEW_MINUTES_EACH a review) from `since` on."""
        studied = self._session.scalar(
            select(func.coalesce(func.sum(StudySession.minutes), 0)).where(
                StudySession.started_at >= since
            )
        )
        reviewed = ReviewRepository(self._session).reviewed_since(since)
        return int(studied or 0) + reviewed * REVIEW_MINUTES_EACH

    def add_session(self, topic_id: int, started_at: datetime, minutes: int, note: str = "") -> int:
        SESSION_MINUTES.check(minutes)
        require(self._session, Topic, topic_id)
        row = StudySession(topic_id=topic_id, started_at=started_at, minutes=minutes, note=note)
        self._session.add(row)
        self._session.flush()
        return row.id

    def update_session(
        self, session_id: int, started_at: datetime, minutes: int, note: str
    ) -> None:
        SESSION_MINUTES.check(minutes)
        row = require(self._session, StudySession, session_id)
        row.started_at, row.minutes, row.note = started_at, minutes, note

    def delete_session(self, session_id: int) -> None:
        row = require(self._session, StudySession, session_id)
        self._session.delete(row)
