"""Aggregations behind the dashboard charts, all grouped in SQL on indexed date columns.

Dates are bucketed in local time with SQLite's `date(col, 'localtime')`; a week starts
on Monday (`date(col, 'localtime', 'weekday 0', '-6 days')`). Only aggregates travel
to Python: per-day, per-week or per-topic-and-week rows, never every logged row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, literal, select, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session

from prepdesk.core.coding_targets import resolve_coding_targets
from prepdesk.core.mastery import TopicLevel, area_mastery
from prepdesk.core.practice import DIFFICULTIES
from prepdesk.store.models import (
    Area,
    Attempt,
    Competency,
    Problem,
    Rating,
    Story,
    StudySession,
    Topic,
)
from prepdesk.store.models.stories import story_competency
from prepdesk.store.repositories.rating_history import latest_level, latest_level_of
from prepdesk.store.repositories.settings import SettingsRepository


def local_day(
    column: ColumnElement[datetime] | InstrumentedAttribute[datetime],
) -> ColumnElement[str]:
    return func.date(column, "localtime")


def local_week(
    column: ColumnElement[datetime] | InstrumentedAttribute[datetime],
) -> ColumnElement[str]:
    """The Monday starting the local week of `column`, as 'YYYY-MM-DD'."""
    return func.date(column, "localtime", "weekday 0", "-6 days")


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def utc_midnight(day: date) -> datetime:
    """Local midnight of `day` as an aware datetime (for indexed range filters)."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


@dataclass(frozen=True)
class AreaMastery:
    key: str
    name: str
    level: float  # weighted mean of the latest ratings (never rated = 0)
    target: float  # weighted mean of target levels


@dataclass(frozen=True)
class AreaSeries:
    key: str
    name: str
    levels: tuple[float, ...]  # one per week
    target: float


@dataclass(frozen=True)
class MasteryHistory:
    weeks: tuple[date, ...]  # Mondays
    areas: tuple[AreaSeries, ...]
    rated: bool  # False when no rating exists at all


@dataclass(frozen=True)
class WeeklyHours:
    weeks: tuple[date, ...]
    areas: tuple[tuple[str, tuple[float, ...]], ...]  # (area name, hours per week)


@dataclass(frozen=True)
class ProblemWeeks:
    weeks: tuple[date, ...]
    solved: dict[str, tuple[int, ...]]  # difficulty -> problems solved per week
    median_minutes: dict[str, float | None]  # difficulty -> median solve time
    target_minutes: dict[str, float]


@dataclass(frozen=True)
class DailyMinutes:
    first: date
    last: date
    minutes: dict[date, int]  # study and practice together
    sessions: dict[date, int] = field(default_factory=dict)  # study sessions logged
    attempts: dict[date, int] = field(default_factory=dict)  # coding attempts logged


@dataclass(frozen=True)
class Burndown:
    weeks: tuple[date, ...]
    hours_needed: tuple[float, ...]
    rated: bool


@dataclass(frozen=True)
class StoryCoverage:
    competencies: tuple[str, ...]
    stories: tuple[str, ...]
    cells: frozenset[tuple[int, int]]  # (story index, competency index)


@dataclass(frozen=True)
class _TopicInfo:
    area_key: str
    area_name: str
    target: int
    weight: float
    hours_per_level: float


class DashboardStatsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- mastery ------------------------------------------------------------------------

    def _topics(self) -> dict[int, _TopicInfo]:
        rows = self._session.execute(
            select(Topic.id, Area.key, Area.name, Topic.target_level, Topic.weight)
            .add_columns(Topic.hours_per_level)
            .join(Area, Topic.area_id == Area.id)
            .where(Topic.archived.is_(False))
            .order_by(Area.position, Topic.position)
        )
        return {row[0]: _TopicInfo(*row[1:]) for row in rows}

    def mastery_by_area(self) -> list[AreaMastery]:
        """Each area's mastery by core.mastery's one definition (Topics and the brief too)."""
        rows = self._session.execute(
            select(Area.id, Area.key, Area.name, latest_level(), Topic.target_level, Topic.weight)
            .join(Topic, Topic.area_id == Area.id)
            .where(Topic.archived.is_(False))
            .order_by(Area.position, Topic.position)
        ).all()
        areas: dict[int, tuple[str, str, list[TopicLevel]]] = {}
        for area_id, key, name, level, target, weight in rows:
            areas.setdefault(area_id, (key, name, []))[2].append(TopicLevel(level, target, weight))
        result = []
        for key, name, topics in areas.values():
            mastery = area_mastery(topics)
            result.append(AreaMastery(key, name, mastery.level, mastery.target))
        return result

    def _weekly_levels(
        self, today: date, weeks: int
    ) -> tuple[tuple[date, ...], dict[int, list[int]], bool]:
        """Each topic's level at the end of each of the last `weeks` weeks (carried forward).

        Bounded to the window: SQL gives each topic's latest level before the window (one
        index seek a topic) and one row per topic and week inside it (its last rating that
        week); Python only carries those forward across the window.
        """
        last = week_start(today)
        mondays = tuple(last - timedelta(weeks=weeks - 1 - i) for i in range(weeks))
        start = utc_midnight(mondays[0])
        week = local_week(Rating.rated_at).label("week")
        ranked = (
            select(
                Rating.topic_id,
                week,
                Rating.level,
                func.row_number()
                .over(
                    partition_by=(Rating.topic_id, week),
                    order_by=(Rating.rated_at.desc(), Rating.id.desc()),
                )
                .label("rank"),
            )
            .where(Rating.rated_at >= start)
            .subquery()
        )
        rows = self._session.execute(
            select(ranked.c.topic_id, ranked.c.week, ranked.c.level)
            .where(ranked.c.rank == 1)
            .order_by(ranked.c.week)
        ).all()
        carried = latest_level_of(self._session, before=start)
        changes: dict[int, list[tuple[date, int]]] = defaultdict(list)
        for topic_id, monday, level in rows:
            changes[topic_id].append((date.fromisoformat(monday), level))
        series: dict[int, list[int]] = {}
        for topic_id in carried.keys() | changes.keys():
            points = changes.get(topic_id, [])
            levels, index, current = [], 0, carried.get(topic_id, 0)
            for monday in mondays:
                while index < len(points) and points[index][0] <= monday:
                    current = points[index][1]
                    index += 1
                levels.append(current)
            series[topic_id] = levels
        return mondays, series, bool(rows) or bool(carried)  # rated at all, ever

    def mastery_history(self, today: date, weeks: int = 26) -> MasteryHistory:
        topics = self._topics()
        mondays, series, rated = self._weekly_levels(today, weeks)
        by_area: dict[str, list[int]] = defaultdict(list)
        names: dict[str, str] = {}
        for topic_id, info in topics.items():
            by_area[info.area_key].append(topic_id)
            names[info.area_key] = info.area_name
        areas = []
        for key, ids in by_area.items():
            total = sum(topics[t].weight for t in ids)
            levels = tuple(
                sum(series.get(t, [0] * len(mondays))[i] * topics[t].weight for t in ids) / total
                for i in range(len(mondays))
            )
            target = sum(topics[t].target * topics[t].weight for t in ids) / total
            areas.append(AreaSeries(key, names[key], levels, target))
        return MasteryHistory(mondays, tuple(areas), rated)

    def burndown(self, today: date, weeks: int = 26) -> Burndown:
        topics = self._topics()
        mondays, series, rated = self._weekly_levels(today, weeks)
        needed = tuple(
            sum(
                max(info.target - series.get(t, [0] * len(mondays))[i], 0) * info.hours_per_level
                for t, info in topics.items()
            )
            for i in range(len(mondays))
        )
        return Burndown(mondays, needed, rated)

    # --- study time ---------------------------------------------------------------------

    def weekly_hours(self, today: date, weeks: int = 16) -> WeeklyHours:
        first = week_start(today) - timedelta(weeks=weeks - 1)
        week = local_week(StudySession.started_at).label("week")
        rows = self._session.execute(
            select(week, Area.name, func.sum(StudySession.minutes))
            .join(Topic, StudySession.topic_id == Topic.id)
            .join(Area, Topic.area_id == Area.id)
            .where(StudySession.started_at >= utc_midnight(first))
            .group_by(week, Area.id)
            .order_by(Area.position)
        ).all()
        mondays = tuple(first + timedelta(weeks=i) for i in range(weeks))
        position = {monday: i for i, monday in enumerate(mondays)}
        hours: dict[str, list[float]] = {}
        for monday, area, minutes in rows:
            column = position.get(date.fromisoformat(monday))
            if column is not None:
                hours.setdefault(area, [0.0] * weeks)[column] += minutes / 60
        return WeeklyHours(mondays, tuple((a, tuple(h)) for a, h in hours.items()))

    def daily_minutes(self, today: date, days: int = 365) -> DailyMinutes:
        """Minutes of study and coding practice per local day, over the last `days` days."""
        first = today - timedelta(days=days - 1)
        since = utc_midnight(first)
        studied = select(
            local_day(StudySession.started_at).label("day"),
            StudySession.minutes.label("minutes"),
            literal(1).label("session"),
            literal(0).label("attempt"),
        ).where(StudySession.started_at >= since)
        practised = select(
            local_day(Attempt.attempted_at).label("day"),
            Attempt.minutes.label("minutes"),
            literal(0).label("session"),
            literal(1).label("attempt"),
        ).where(Attempt.attempted_at >= since)
        both = union_all(studied, practised).subquery()
        rows = self._session.execute(
            select(
                both.c.day,
                func.sum(both.c.minutes),
                func.sum(both.c.session),
                func.sum(both.c.attempt),
            ).group_by(both.c.day)
        ).all()
        totals = [(date.fromisoformat(day), m, s, a) for day, m, s, a in rows if day]
        return DailyMinutes(
            first,
            today,
            {day: int(minutes or 0) for day, minutes, _s, _a in totals},
            {day: int(sessions) for day, _m, sessions, _a in totals if sessions},
            {day: int(attempts) for day, _m, _s, attempts in totals if attempts},
        )

    # --- coding practice ----------------------------------------------------------------

    def problem_weeks(self, today: date, weeks: int = 16) -> ProblemWeeks:
        first = week_start(today) - timedelta(weeks=weeks - 1)
        week = local_week(Attempt.attempted_at).label("week")
        rows = self._session.execute(
            select(week, Problem.difficulty, func.count(func.distinct(Attempt.problem_id)))
            .join(Problem, Attempt.problem_id == Problem.id)
            .where(Attempt.attempted_at >= utc_midnight(first), Attempt.solved.is_(True))
            .group_by(week, Problem.difficulty)
        ).all()
        mondays = tuple(first + timedelta(weeks=i) for i in range(weeks))
        position = {monday: i for i, monday in enumerate(mondays)}
        solved = {d: [0] * weeks for d in DIFFICULTIES}
        for monday, difficulty, count in rows:
            column = position.get(date.fromisoformat(monday))
            if column is not None and difficulty in solved:
                solved[difficulty][column] = count
        settings = SettingsRepository(self._session)
        # The chart compares puzzle solves: LeetCode's targets (Kaggle has its own).
        targets = resolve_coding_targets(
            settings.get("coding_targets"), settings.get("target_minutes")
        )["LeetCode"]
        return ProblemWeeks(
            weeks=mondays,
            solved={d: tuple(c) for d, c in solved.items()},
            median_minutes={d: self._median_solve(d, utc_midnight(first)) for d in DIFFICULTIES},
            target_minutes={d: float(targets.get(d, 30)) for d in DIFFICULTIES},
        )

    def _median_solve(self, difficulty: str, since: datetime) -> float | None:
        """Median minutes of solved attempts since `since`, by ORDER BY/OFFSET in SQL."""
        solved = (
            select(Attempt.minutes)
            .join(Problem, Attempt.problem_id == Problem.id)
            .where(
                Problem.difficulty == difficulty,
                Attempt.solved.is_(True),
                Attempt.attempted_at >= since,
            )
        )
        count = self._session.scalar(select(func.count()).select_from(solved.subquery())) or 0
        if count == 0:
            return None
        middle = self._session.scalars(
            solved.order_by(Attempt.minutes).offset((count - 1) // 2).limit(2 - count % 2)
        ).all()
        return sum(middle) / len(middle)

    # --- stories ------------------------------------------------------------------------

    def story_coverage(self, stories: int = 14) -> StoryCoverage:
        """Competencies × the most recently edited stories, and which story shows which."""
        competencies = self._session.execute(
            select(Competency.id, Competency.name).order_by(Competency.position, Competency.id)
        ).all()
        recent = self._session.execute(
            select(Story.id, Story.title).order_by(Story.updated_at.desc()).limit(stories)
        ).all()
        story_index = {sid: i for i, (sid, _t) in enumerate(recent)}
        comp_index = {cid: i for i, (cid, _n) in enumerate(competencies)}
        links = self._session.execute(
            select(story_competency.c.story_id, story_competency.c.competency_id).where(
                story_competency.c.story_id.in_(list(story_index) or [literal(-1)])
            )
        )
        cells = frozenset((story_index[s], comp_index[c]) for s, c in links if c in comp_index)
        return StoryCoverage(
            competencies=tuple(n for _i, n in competencies),
            stories=tuple(t for _i, t in recent),
            cells=cells,
        )
