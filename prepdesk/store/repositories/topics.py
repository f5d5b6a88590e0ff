"""The curriculum: areas and topics with mastery, study time and review state; their edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from prepdesk.core.levels import check_level
from prepdesk.core.limits import (
    HOURS_PER_LEVEL,
    REVIEW_MINUTES_EACH,
    TOPIC_WEIGHT,
)
from prepdesk.core.planner import Plan, PlanInput, PlanTopic, make_plan
from prepdesk.store.models import Area, Rating, ReviewCard, StudySession, Topic
from prepdesk.store.repositories.lookup import require
from prepdesk.store.repositories.next_interview import NextInterview, next_interview
from prepdesk.store.repositories.rating_history import latest_level_of
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.repositories.settings import SettingsRepository

PLAN_HORIZON_DAYS = 400


@dataclass(frozen=True)
class TopicRow:
    id: int
    area_id: int
    name: str
    level: int | None  # latest rating; None when never rated
    target: int
    last_studied: datetime | None
    total_minutes: int
    due: datetime | None  # None while the topic is new (never reviewed)
    recall_at_interview: float | None  # None when never reviewed or no interview
    archived: bool
    weight: float = 1.0
    hours_per_level: float = 1.5


@dataclass(frozen=True)
class AreaRow:
    id: int
    key: str
    name: str
    topics: tuple[TopicRow, ...]


@dataclass(frozen=True)
class RatingRow:
    id: int
    level: int
    rated_at: datetime
    note: str


@dataclass(frozen=True)
class SessionRow:
    id: int
    topic_id: int
    started_at: datetime
    minutes: int
    note: str


@dataclass(frozen=True)
class TopicDetail:
    id: int
    area_id: int
    area_name: str
    name: str
    description: str
    notes: str
    resources: str
    target: int
    archived: bool
    ratings: tuple[RatingRow, ...]  # newest first
    sessions: tuple[SessionRow, ...]  # newest first

    @property
    def level(self) -> int | None:
        return self.ratings[0].level if self.ratings else None


# Card kinds that are new, not due reviews, until their first review.
NEW_UNTIL_REVIEWED = ("topic", "question", "design")


class TopicRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- reading ------------------------------------------------------------------------

    def areas(self) -> list[tuple[int, str]]:
        return [(a.id, a.name) for a in self._session.scalars(select(Area).order_by(Area.position))]

    def tree(self, now: datetime, include_archived: bool = False) -> list[AreaRow]:
        """Every area with its topics and their figures, in curriculum order."""
        interview = next_interview(self._session, now)
        levels = latest_level_of(self._session)
        # Totals: one pass over the covering (topic_id, started_at, minutes) index; each
        # topic's last session: one seek on it (max() over every row compares text).
        minutes: dict[int, int] = dict(
            self._session.execute(
                select(StudySession.topic_id, func.sum(StudySession.minutes)).group_by(
                    StudySession.topic_id
                )
            ).all()
        )
        latest = (
            select(func.max(StudySession.started_at))
            .where(StudySession.topic_id == Topic.id)
            .correlate(Topic)
            .scalar_subquery()
        )
        last: dict[int, datetime] = dict(
            self._session.execute(select(Topic.id, latest).where(latest.is_not(None))).all()
        )
        dues = dict(
            self._session.execute(
                select(ReviewCard.topic_id, ReviewCard.due).where(
                    ReviewCard.topic_id.is_not(None), ReviewCard.last_review.is_not(None)
                )
            ).all()
        )
        query = select(Topic).order_by(Topic.area_id, Topic.position, Topic.id)
        if not include_archived:
            query = query.where(Topic.archived.is_(False))
        topics = list(self._session.scalars(query))
        recall: dict[int, float | None] = {}
        if interview is not None and topics:
            recall = ReviewRepository(self._session).recall_at(
                "topic", [t.id for t in topics], interview.at
            )
        by_area: dict[int, list[TopicRow]] = {}
        for t in topics:
            by_area.setdefault(t.area_id, []).append(
                TopicRow(
                    id=t.id,
                    area_id=t.area_id,
                    name=t.name,
                    level=levels.get(t.id),
                    target=t.target_level,
                    last_studied=_aware(last.get(t.id)),
                    total_minutes=int(minutes.get(t.id) or 0),
                    due=_aware(dues.get(t.id)),
                    recall_at_interview=recall.get(t.id),
                    archived=t.archived,
                    weight=t.weight,
                    hours_per_level=t.hours_per_level,
                )
            )
        return [
            AreaRow(a.id, a.key, a.name, tuple(by_area.get(a.id, ())))
            for a in self._session.scalars(select(Area).order_by(Area.position))
        ]

    def detail(self, topic_id: int) -> TopicDetail:
        """The topic with its whole history, newest first (read as columns, in index order:
        years of sessions build no ORM objects)."""
        topic = self._get(topic_id)
        ratings = self._session.execute(
            select(Rating.id, Rating.level, Rating.rated_at, Rating.note)
            .where(Rating.topic_id == topic_id)
            .order_by(Rating.rated_at.desc(), Rating.id.desc())
        )
        sessions = self._session.execute(
            select(
                StudySession.id,
                StudySession.topic_id,
                StudySession.started_at,
                StudySession.minutes,
                StudySession.note,
            )
            .where(StudySession.topic_id == topic_id)
            .order_by(StudySession.started_at.desc(), StudySession.id.desc())
        )
        return TopicDetail(
            id=topic.id,
            area_id=topic.area_id,
            area_name=topic.area.name,
            name=topic.name,
            description=topic.description,
            notes=topic.notes,
            resources=topic.resources,
            target=topic.target_level,
            archived=topic.archived,
            ratings=tuple(RatingRow(*row) for row in ratings),
            sessions=tuple(SessionRow(*row) for row in sessions),
        )

    def plan(self, now: datetime, today: date) -> tuple[Plan | None, NextInterview | None]:
        """Today's plan to the next interview (None without an interview or target date)."""
        plan_input, interview = self.plan_input(now, today)
        return (make_plan(plan_input) if plan_input else None), interview

    def plan_input(
        self, now: datetime, today: date
    ) -> tuple[PlanInput | None, NextInterview | None]:
        """What the planner needs, or None without an upcoming interview or target date."""
        interview = next_interview(self._session, now)
        if interview is None:
            return None, None
        settings = SettingsRepository(self._session)
        levels = latest_level_of(self._session)
        studied = set(self._session.scalars(select(StudySession.topic_id).distinct()))
        studied |= set(
            self._session.scalars(
                select(ReviewCard.topic_id).where(
                    ReviewCard.topic_id.is_not(None), ReviewCard.last_review.is_not(None)
                )
            )
        )
        topics = [
            PlanTopic(
                topic_id=topic_id,
                name=name,
                area_key=area_key,
                level=levels.get(topic_id) or 0,
                target=target,
                weight=weight,
                hours_per_level=hours_per_level,
                new=topic_id not in studied,
            )
            for topic_id, name, area_key, target, weight, hours_per_level in self._session.execute(
                select(
                    Topic.id,
                    Topic.name,
                    Area.key,
                    Topic.target_level,
                    Topic.weight,
                    Topic.hours_per_level,
                )
                .join(Area, Topic.area_id == Area.id)
                .where(Topic.archived.is_(False))
                .order_by(Topic.id)
            )
        ]
        interview_day = interview.at.astimezone().date()
        days = min(max((interview_day - today).days, 0), PLAN_HORIZON_DAYS)
        limit = int(settings.get("daily_review_limit"))
        per_day = [0] * days
        # New cards (never studied nor reviewed) are not reviews: a topic waits for a
        # study, a question or design prompt for its first drill (within its own limit).
        studied_card = or_(
            ReviewCard.kind.not_in(NEW_UNTIL_REVIEWED),
            ReviewCard.last_review.is_not(None),
            ReviewCard.topic_id.in_(list(studied)),
        )
        # Counted per local day in SQL (a few hundred rows, not every card).
        day = func.date(ReviewCard.due, "localtime")
        for due_day, count in self._session.execute(
            select(day, func.count())
            .where(ReviewCard.suspended.is_(False), studied_card)
            .group_by(day)
        ):
            index = max((date.fromisoformat(due_day) - today).days, 0)
            if index < days:
                per_day[index] += count
        # Overdue cards pile onto today; the daily limit caps what is asked each day.
        review_minutes = [min(count, limit) * REVIEW_MINUTES_EACH for count in per_day]
        plan_input = PlanInput(
            today=today,
            interview_day=interview_day,
            stage_category=interview.category,
            hours_per_weekday=[float(h) for h in settings.get("hours_per_weekday")],
            topics=topics,
            review_minutes=review_minutes,
            new_limit=int(settings.get("daily_new_limit")),
        )
        return plan_input, interview

    # --- the curriculum -----------------------------------------------------------------

    def add_topic(self, area_id: int, name: str, target: int = 4) -> int:
        name = _clean_name(name)
        position = self._session.scalar(
            select(func.coalesce(func.max(Topic.position), -1)).where(Topic.area_id == area_id)
        )
        topic = Topic(
            area_id=area_id, name=name, target_level=target, position=(position or -1) + 1
        )
        self._session.add(topic)
        self._session.flush()
        ReviewRepository(self._session).ensure_card("topic", topic.id)
        return topic.id

    def rename(self, topic_id: int, name: str) -> None:
        self._get(topic_id).name = _clean_name(name)

    def move(self, topic_id: int, area_id: int) -> None:
        require(self._session, Area, area_id)
        topic = self._get(topic_id)
        topic.area_id, topic.parent_id = area_id, None

    def set_archived(self, topic_id: int, archived: bool) -> None:
        self._get(topic_id).archived = archived

    def set_target(self, topic_id: int, target: int) -> None:
        check_level(target, "a target")
        self._get(topic_id).target_level = target

    def set_plan_fields(
        self,
        topic_ids: list[int],
        *,
        target: int | None = None,
        weight: float | None = None,
        hours_per_level: float | None = None,
    ) -> None:
        """Set what the plan reads of one topic or many at once; None leaves a field."""
        if target is not None:
            check_level(target, "a target")
        if weight is not None:
            TOPIC_WEIGHT.check(weight)
        if hours_per_level is not None:
            HOURS_PER_LEVEL.check(hours_per_level)
        for topic_id in topic_ids:
            topic = self._get(topic_id)
            if target is not None:
                topic.target_level = target
            if weight is not None:
                topic.weight = weight
            if hours_per_level is not None:
                topic.hours_per_level = hours_per_level

    def plan_fields(self, topic_ids: list[int]) -> list[tuple[int, str, int, float, float]]:
        """(id, name, target, weight, hours per level) of each topic."""
        return [
            (t.id, t.name, t.target_level, t.weight, t.hours_per_level)
            for t in (self._get(topic_id) for topic_id in topic_ids)
        ]

    def set_notes(self, topic_id: int, notes: str) -> None:
        self._get(topic_id).notes = notes

    def set_resources(self, topic_id: int, resources: str) -> None:
        self._get(topic_id).resources = resources

    def rate(self, topic_id: int, level: int, when: datetime, note: str = "") -> int:
        """Append a rating to the topic's history (earlier ratings stay as they were)."""
        check_level(level)
        self._get(topic_id)
        rating = Rating(topic_id=topic_id, level=level, rated_at=when, note=note)
        self._session.add(rating)
        self._session.flush()
        return rating.id

    # --- helpers ------------------------------------------------------------------------

    def _get(self, topic_id: int) -> Topic:
        return require(self._session, Topic, topic_id)


def _aware(value: datetime | None) -> datetime | None:
    """Aggregates (max) bypass the UTC column type and come back naive: they are UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValueError("a topic needs a name")
    if len(name) > 200:
        raise ValueError("a topic name can be at most 200 characters")
    return name
