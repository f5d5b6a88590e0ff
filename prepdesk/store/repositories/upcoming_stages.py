"""Interview stages coming up soon, for reminders."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.core.reminders import UpcomingStage
from prepdesk.store.models import Company, InterviewStage
from prepdesk.store.repositories.next_interview import INACTIVE_STATUSES


def upcoming_stages(session: Session, now: datetime, within: timedelta) -> list[UpcomingStage]:
    """Stages of active companies scheduled in (now, now + within], soonest first."""
    rows = session.scalars(
        select(InterviewStage)
        .join(Company)
        .where(
            InterviewStage.scheduled_at > now,
            InterviewStage.scheduled_at <= now + within,
            Company.status.not_in(INACTIVE_STATUSES),
        )
        .order_by(InterviewStage.scheduled_at)
    )
    return [
        UpcomingStage(stage.id, stage.company.name, stage.stage_type.name, stage.scheduled_at)
        for stage in rows
        if stage.scheduled_at is not None
    ]
