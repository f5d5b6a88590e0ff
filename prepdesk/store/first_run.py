"""The first run's answers, saved in one transaction; and whether it is still due."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prepdesk.core.levels import check_level
from prepdesk.core.limits import HOURS_PER_DAY
from prepdesk.store.models import Rating
from prepdesk.store.repositories.role_profiles import RoleProfileRepository
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.topics import TopicRepository

COMPLETED_SETTING = "first_run_completed"
SELF_ASSESSMENT_NOTE = "First-run self-assessment"


@dataclass(frozen=True)
class FirstRunAnswers:
    interview_date: date | None  # None: not scheduled yet
    role: str  # a role profile key
    hours_per_weekday: Sequence[float]  # Monday first
    levels: Mapping[int, int] = field(default_factory=dict)  # topic id -> self-rating


def first_run_due(session: Session) -> bool:
    """Due until it is completed or skipped, and never on data that already has ratings."""
    if SettingsRepository(session).get(COMPLETED_SETTING):
        return False
    return not session.scalar(select(func.count(Rating.id)))


def mark_first_run_done(session: Session) -> None:
    SettingsRepository(session).set(COMPLETED_SETTING, True)


def save_first_run(session: Session, answers: FirstRunAnswers, when: datetime) -> None:
    """Interview date, role profile, hours and self-assessment; marks the first run done."""
    if len(answers.hours_per_weekday) != 7:
        raise ValueError("hours per weekday: seven values, Monday first")
    hours = [float(HOURS_PER_DAY.check(h)) for h in answers.hours_per_weekday]
    for level in answers.levels.values():
        check_level(level)
    settings = SettingsRepository(session)
    settings.set(
        "target_date", answers.interview_date.isoformat() if answers.interview_date else None
    )
    settings.set("hours_per_weekday", hours)
    RoleProfileRepository(session).apply(answers.role)
    topics = TopicRepository(session)
    for topic_id, level in answers.levels.items():
        topics.rate(topic_id, level, when, SELF_ASSESSMENT_NOTE)
    mark_first_run_done(session)
