"""The first run's answers, saved in one transaction; and whether it is still due."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prepdesk.core.levels import check_level
from prepdesk.core.limits import HOURS_PER_DAY
from prepdesk.core.planner import Plan, PlanInput, PlanTopic, make_plan
from prepdesk.store.models import Area, Rating, Topic
from prepdesk.store.repositories.role_profiles import (
    RoleProfileRepository,
    curriculum_weights,
    role_profile,
)
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


def first_run_plan(session: Session, answers: FirstRunAnswers, today: date) -> Plan | None:
    """The plan the answers would give (nothing written); None without an interview date."""
    if answers.interview_date is None:
        return None
    profile = role_profile(answers.role)
    weights = curriculum_weights()
    rows = session.execute(
        select(Topic, Area.key)
        .join(Area, Topic.area_id == Area.id)
        .where(Topic.archived.is_(False))
    )
    topics = [
        PlanTopic(
            topic_id=topic.id,
            name=topic.name,
            area_key=area_key,
            level=answers.levels.get(topic.id) or 0,
            target=profile.target_for(topic.key) if topic.key else topic.target_level,
            weight=profile.weight_for(area_key, weights.get(topic.key or "", topic.weight)),
            hours_per_level=topic.hours_per_level,
            new=True,
        )
        for topic, area_key in rows
    ]
    limit = int(SettingsRepository(session).get("daily_new_limit"))
    return make_plan(
        PlanInput(
            today=today,
            interview_day=answers.interview_date,
            stage_category=None,
            hours_per_weekday=list(answers.hours_per_weekday),
            topics=topics,
            new_limit=limit,
        )
    )
