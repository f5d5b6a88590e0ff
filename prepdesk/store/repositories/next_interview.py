"""The next interview: the earliest upcoming stage, else the target date in settings."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.core.dashboard_numbers import NextInterview
from prepdesk.store.models import Company, InterviewStage
from prepdesk.store.repositories.settings import SettingsRepository

INACTIVE_STATUSES = ("rejected", "withdrawn")

__all__ = ["INACTIVE_STATUSES", "NextInterview", "next_interview"]


def next_interview(session: Session, now: datetime) -> NextInterview | None:
    stage = session.scalar(
        select(InterviewStage)
        .join(Company)
        .where(InterviewStage.scheduled_at >= now, Company.status.not_in(INACTIVE_STATUSES))
        .order_by(InterviewStage.scheduled_at)
        .limit(1)
    )
    if stage is not None and stage.scheduled_at is not None:
        return NextInterview(
            at=stage.scheduled_at,
            source="stage",
            stage_id=stage.id,
            company=stage.company.name,
            stage=stage.stage_type.name,
            category=stage.stage_type.category,
        )
    target = SettingsRepository(session).get("target_date")
    if not target:
        return None
    # A bare date means the start of that working day, in local time.
    at = datetime.combine(date.fromisoformat(target), time(9, 0)).astimezone()
    if at < now:
        return None
    return NextInterview(at=at, source="target_date")
