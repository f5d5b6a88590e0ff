"""The interview pipeline: stages per company, their types, interviewers and debriefs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prepdesk.core.interview_pipeline import STAGE_CATEGORIES, STAGE_FORMATS
from prepdesk.store.models import (
    Area,
    BehavioralQuestion,
    Company,
    DebriefQuestion,
    InterviewStage,
    Person,
    StageType,
    TechQuestion,
    Topic,
)
from prepdesk.store.repositories.checklist import ChecklistRepository
from prepdesk.store.repositories.lookup import require
from prepdesk.store.repositories.next_interview import INACTIVE_STATUSES
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.repositories.tech_questions import TechQuestionRepository

# Where a question asked in a stage becomes a topic to review.
AREA_FOR_CATEGORY = {"coding": "algorithms", "system_design": "system-design"}


@dataclass(frozen=True)
class StageTypeRow:
    id: int
    name: str
    category: str


@dataclass(frozen=True)
class AskedRow:
    id: int
    text: str
    behavioral_question_id: int | None
    topic_id: int | None
    tech_question_id: int | None = None


@dataclass(frozen=True)
class StageRow:
    id: int
    company_id: int
    company: str
    type_id: int
    type_name: str
    category: str
    position: int
    scheduled_at: datetime | None  # aware UTC
    timezone: str
    duration_minutes: int
    format: str
    location: str
    prep_notes: str
    outcome: str
    debrief: str
    interviewers: tuple[str, ...]
    interviewer_ids: tuple[int, ...]
    asked: tuple[AskedRow, ...]

    def local_start(self) -> datetime | None:
        """The start in the stage's own time zone (where the interview happens)."""
        if self.scheduled_at is None:
            return None
        return self.scheduled_at.astimezone(zone_of(self.timezone))


@dataclass(frozen=True)
class StageInput:
    """What the user edits on a stage; `scheduled_at` is aware (or None: not scheduled)."""

    stage_type_id: int
    scheduled_at: datetime | None
    timezone: str = "UTC"
    duration_minutes: int = 60
    format: str = "video"
    location: str = ""
    prep_notes: str = ""
    outcome: str = ""
    debrief: str = ""
    interviewer_ids: tuple[int, ...] = ()


def zone_of(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


class StageRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # stage types ---------------------------------------------------------------------

    def types(self) -> list[StageTypeRow]:
        rows = self._session.scalars(select(StageType).order_by(StageType.position, StageType.id))
        return [StageTypeRow(t.id, t.name, t.category) for t in rows]

    def add_type(self, name: str, category: str = "other") -> int:
        if not name.strip():
            raise ValueError("a stage type needs a name")
        if category not in STAGE_CATEGORIES:
            raise ValueError(f"unknown stage category {category!r}")
        position = (self._session.scalar(select(func.max(StageType.position))) or 0) + 1
        row = StageType(name=name.strip(), category=category, position=position)
        self._session.add(row)
        self._session.flush()
        return row.id

    # stages ---------------------------------------------------------------------------

    def for_company(self, company_id: int) -> list[StageRow]:
        query = (
            select(InterviewStage)
            .where(InterviewStage.company_id == company_id)
            .order_by(InterviewStage.position, InterviewStage.id)
        )
        return [_row(stage) for stage in self._session.scalars(query)]

    def upcoming(self, now: datetime) -> list[StageRow]:
        """Scheduled stages from `now` on at companies still in play, soonest first."""
        query = (
            select(InterviewStage)
            .join(Company)
            .where(InterviewStage.scheduled_at >= now, Company.status.not_in(INACTIVE_STATUSES))
            .order_by(InterviewStage.scheduled_at)
        )
        return [_row(stage) for stage in self._session.scalars(query)]

    def get(self, stage_id: int) -> StageRow:
        return _row(self._stage(stage_id))

    def add(self, company_id: int, data: StageInput) -> int:
        company = require(self._session, Company, company_id)
        position = max((s.position for s in company.stages), default=-1) + 1
        stage = InterviewStage(company_id=company_id, position=position)
        self._apply(stage, data)
        self._session.add(stage)
        self._session.flush()
        return stage.id

    def add_with_checklist(self, company_id: int, data: StageInput, now: datetime) -> int:
        """A new stage with its generated pre-interview checklist, in one go."""
        stage_id = self.add(company_id, data)
        ChecklistRepository(self._session).generate(stage_id, now)
        return stage_id

    def update_fields(self, stage_id: int, values: Mapping[str, Any], now: datetime) -> None:
        """Saves the fields the person changed (named as in StageInput).

        `when` stands for `scheduled_at` as the wall time in the stage's time zone (None:
        not scheduled): a new time zone keeps the wall time. A new type or format
        regenerates the stage's checklist.
        """
        stage = self._stage(stage_id)
        changes = dict(values)
        unknown = set(changes) - {f.name for f in fields(StageInput)} - {"when"}
        if unknown:
            raise ValueError(f"unknown stage field {sorted(unknown)[0]!r}")
        current = _input_of(stage)
        zone_name = str(changes.get("timezone", current.timezone))
        if "timezone" in changes and zone_name not in known_zones():
            raise ValueError(f"unknown time zone {zone_name!r}")
        if "when" in changes or "timezone" in changes:
            local = changes.pop("when") if "when" in changes else _wall_time(stage)
            changes["scheduled_at"] = (
                None if local is None else local.replace(tzinfo=ZoneInfo(zone_name))
            )
        if "interviewer_ids" in changes:
            changes["interviewer_ids"] = tuple(changes["interviewer_ids"])
        data = replace(current, **changes)
        follows = (data.stage_type_id, data.format) != (current.stage_type_id, current.format)
        self._apply(stage, data)
        if follows:
            self._session.flush()
            ChecklistRepository(self._session).regenerate(stage_id, now)

    def delete(self, stage_id: int) -> None:
        self._session.delete(self._stage(stage_id))

    def move(self, stage_id: int, delta: int) -> None:
        """Move a stage up (-1) or down (+1) in its company's pipeline."""
        stage = self._stage(stage_id)
        siblings = sorted(stage.company.stages, key=lambda s: (s.position, s.id))
        index = siblings.index(stage)
        target = index + delta
        if not 0 <= target < len(siblings):
            return
        siblings.insert(target, siblings.pop(index))
        for position, sibling in enumerate(siblings):
            sibling.position = position

    def _apply(self, stage: InterviewStage, data: StageInput) -> None:
        if data.format not in STAGE_FORMATS:
            raise ValueError(f"unknown format {data.format!r}")
        if data.duration_minutes <= 0:
            raise ValueError("the duration must be positive")
        if data.scheduled_at is not None and data.scheduled_at.tzinfo is None:
            raise ValueError("the stage time needs a time zone")
        zone_of(data.timezone)
        stage_type = require(self._session, StageType, data.stage_type_id)
        stage.stage_type = stage_type
        stage.scheduled_at = data.scheduled_at
        stage.timezone = data.timezone
        stage.duration_minutes = data.duration_minutes
        stage.format = data.format
        stage.location = data.location
        stage.prep_notes = data.prep_notes
        stage.outcome = data.outcome
        stage.debrief = data.debrief
        people = self._session.scalars(select(Person).where(Person.id.in_(data.interviewer_ids)))
        stage.interviewers = list(people)

    # debrief: questions actually asked ----------------------------------------------------

    def add_asked(self, stage_id: int, text: str) -> int:
        if not text.strip():
            raise ValueError("the question is empty")
        row = DebriefQuestion(stage_id=self._stage(stage_id).id, text=text.strip())
        self._session.add(row)
        self._session.flush()
        return row.id

    def remove_asked(self, asked_id: int) -> None:
        self._session.delete(self._asked(asked_id))

    def send_to_behavioral_bank(self, asked_id: int) -> int:
        """Add the asked question to the behavioral bank (source 'debrief'); returns its id."""
        asked = self._asked(asked_id)
        existing = self._session.scalar(
            select(BehavioralQuestion).where(BehavioralQuestion.text == asked.text)
        )
        if existing is None:
            existing = BehavioralQuestion(text=asked.text, source="debrief")
            self._session.add(existing)
            self._session.flush()
        asked.behavioral_question_id = existing.id
        return existing.id

    def send_to_technical_bank(self, asked_id: int, topic_id: int | None) -> int:
        """Add the asked question to the technical question bank under `topic_id`, as a new
        question to drill (one with the same text is reused); returns its id."""
        asked = self._asked(asked_id)
        existing = self._session.scalar(
            select(TechQuestion.id).where(TechQuestion.text == asked.text)
        )
        if existing is None:
            existing = TechQuestionRepository(self._session).create(asked.text, topic_id)
        asked.tech_question_id = existing
        return existing

    def send_to_topics(self, asked_id: int) -> int:
        """Create a topic to review from the asked question, in the stage's area."""
        asked = self._asked(asked_id)
        stage = asked.stage
        area_key = AREA_FOR_CATEGORY.get(stage.stage_type.category, "ml")
        area = self._session.scalar(select(Area).where(Area.key == area_key))
        if area is None:
            area = self._session.scalar(select(Area).order_by(Area.position))
        if area is None:
            raise LookupError("there is no curriculum area to add the topic to")
        name = asked.text if len(asked.text) <= 200 else asked.text[:199] + "…"
        position = max((t.position for t in area.topics), default=-1) + 1
        topic = Topic(
            area_id=area.id,
            name=name,
            description=asked.text,
            notes=f"Asked in the {stage.stage_type.name.lower()} at {stage.company.name}.",
            position=position,
        )
        self._session.add(topic)
        self._session.flush()
        asked.topic_id = topic.id
        ReviewRepository(self._session).ensure_card("topic", topic.id)  # due for review now
        return topic.id

    # helpers ------------------------------------------------------------------------------

    def _stage(self, stage_id: int) -> InterviewStage:
        return require(self._session, InterviewStage, stage_id)

    def _asked(self, asked_id: int) -> DebriefQuestion:
        return require(self._session, DebriefQuestion, asked_id)


@cache
def known_zones() -> tuple[str, ...]:
    """The IANA time zones a stage can be in, sorted."""
    return tuple(sorted(name for name in available_timezones() if "/" in name or name == "UTC"))


def _wall_time(stage: InterviewStage) -> datetime | None:
    if stage.scheduled_at is None:
        return None
    return stage.scheduled_at.astimezone(zone_of(stage.timezone)).replace(tzinfo=None)


# The columns a stage, its row and its input share by name.
_SHARED = (
    "scheduled_at",
    "timezone",
    "duration_minutes",
    "format",
    "location",
    "prep_notes",
    "outcome",
    "debrief",
)


def _shared(stage: InterviewStage) -> dict[str, Any]:
    return {name: getattr(stage, name) for name in _SHARED}


def _input_of(stage: InterviewStage) -> StageInput:
    return StageInput(
        stage_type_id=stage.stage_type_id,
        interviewer_ids=tuple(p.id for p in stage.interviewers),
        **_shared(stage),
    )


def _row(stage: InterviewStage) -> StageRow:
    return StageRow(
        id=stage.id,
        company_id=stage.company_id,
        company=stage.company.name,
        type_id=stage.stage_type_id,
        type_name=stage.stage_type.name,
        category=stage.stage_type.category,
        position=stage.position,
        interviewers=tuple(p.name for p in stage.interviewers),
        interviewer_ids=tuple(p.id for p in stage.interviewers),
        asked=tuple(
            AskedRow(a.id, a.text, a.behavioral_question_id, a.topic_id, a.tech_question_id)
            for a in stage.asked_questions
        ),
        **_shared(stage),
    )
