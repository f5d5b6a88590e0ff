"""Building blocks for the companies tests: a company with values, stories and stages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from prepdesk.store import models as m
from prepdesk.store.database import Database
from prepdesk.store.repositories.companies import CompanyRepository
from prepdesk.store.repositories.stages import StageInput, StageRepository

# Noon today (UTC): close to the real clock for code that reads it, yet far enough from
# midnight that 'today' in an evidence sentence cannot turn into 'yesterday' mid-test.
NOW = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)


def stage_type_id(db: Database, name: str) -> int:
    with db.transaction() as s:
        return s.scalar(select(m.StageType.id).where(m.StageType.name == name))


def make_company(
    db: Database, name: str = "Acme AI", values: tuple[str, ...] = ("Ownership",)
) -> int:
    with db.transaction() as s:
        repo = CompanyRepository(s)
        company_id = repo.create(name, "ML Engineer")
        repo.update(company_id, products="Search for shops", ml_usage="Ranking models")
        ids = s.scalars(select(m.Competency.id).where(m.Competency.name.in_(values))).all()
        repo.set_values(company_id, list(ids))
        return company_id


def make_stage(
    db: Database,
    company_id: int,
    type_name: str,
    *,
    at: datetime | None = None,
    zone: str = "Europe/Berlin",
    location: str = "https://meet.example.com/abc",
) -> int:
    when = at or (NOW + timedelta(days=3)).astimezone(ZoneInfo(zone)).replace(
        hour=14, minute=30, second=0
    )
    data = StageInput(
        stage_type_id=stage_type_id(db, type_name),
        scheduled_at=when,
        timezone=zone,
        duration_minutes=45,
        location=location,
    )
    with db.transaction() as s:
        return StageRepository(s).add_with_checklist(company_id, data, NOW)


def make_story(db: Database, title: str, value: str) -> int:
    with db.transaction() as s:
        competency = s.scalar(select(m.Competency).where(m.Competency.name == value))
        story = m.Story(title=title, competencies=[competency])
        s.add(story)
        s.flush()
        return story.id


def rehearse(db: Database, story_id: int, when: datetime) -> None:
    with db.transaction() as s:
        s.add(m.PracticeRun(story_id=story_id, practised_at=when, duration_seconds=110))
