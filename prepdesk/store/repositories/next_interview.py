"""The next interview: the earliest upcoming stage, else the target date in settings."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.core.dashboard_numbers import NextInterview
from prepdesk.store.models import Company, InterviewStage, StageType
from prepdesk.store.repositories.settings import SettingsRepository

INACTIVE_STATUSES = ("rejected", "withdrawn")

__all__ = ["INACTIVE_STATUSES", "NextInterview", "next_interview"]


def next_interview(session: Session, now: datetime) -> NextInterview | None:
    # One row of plain columns (no ORM objects and their lazy loads): read after every edit.
    stage = session.execute(
        select(
            InterviewStage.id,
            InterviewStage.scheduled_at,
            Company.name,
            StageType.name,
            StageType.category,
        )
        .join(Company, InterviewStage.company_id == Company.id)
        .join(StageType, InterviewStage.stage_type_id == StageType.id)
        .where(InterviewStage.scheduled_at >= now, Company.status.not_in(INACTIVE_STATUSES))
        .order_by(InterviewStage.scheduled_at)
        .limit(1)
    ).first()
    if stage is not None and stage.scheduled_at is not None:
        stage_id, _at, company, stage_name, category = stage
        return NextInterview(
            at=stage.scheduled_at,
            source="stage",
            stage_id=stage_id,
            company=company,
            stage=stage_name,
            category=category,
        )
    target = SettingsRepository(session).get("target_date")
    if not target:
        return None
    # A bare date means the start of that working day, in local time.
    at = datetime.combine(date.fromisoformat(target), time(9, 0)).astimezone()
    if at < now:
        return None
    return NextInterview(at=at, source="target_date")
