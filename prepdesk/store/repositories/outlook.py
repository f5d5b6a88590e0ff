"""The dashboard's story of the plan: is there anything yet, and what the plan means."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from prepdesk.core.plan_outlook import PlanOutlook, plan_outlook
from prepdesk.core.readiness import ReadinessInputs
from prepdesk.store.models import Company, Problem, Rating, Story, StudySession
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.topics import TopicRepository


@dataclass(frozen=True)
class DashboardOutlook:
    empty: bool  # no interview date, and nothing rated, studied, practised or written yet
    plan: PlanOutlook | None  # None without an interview date


def has_progress(session: Session) -> bool:
    return any(
        session.scalar(select(exists().where(column.is_not(None))))
        for column in (Rating.id, StudySession.id, Problem.id, Story.id, Company.id)
    )


def dashboard_outlook(session: Session, now: datetime, inputs: ReadinessInputs) -> DashboardOutlook:
    plan, _interview = TopicRepository(session).plan(now, now.astimezone().date())
    outlook = plan_outlook(plan, inputs) if plan is not None else None
    dated = SettingsRepository(session).get("target_date") is not None
    return DashboardOutlook(empty=not dated and not has_progress(session), plan=outlook)
