"""The dashboard's SQL aggregations on a small dataset whose answers are known."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from prepdesk.store.models import Attempt, Competency, Problem, Rating, Story, StudySession, Topic
from prepdesk.store.repositories.dashboard_stats import DashboardStatsRepository, week_start

TODAY = date(2026, 3, 4)  # a Wednesday


def local(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def topic_ids(session, area_key: str) -> list[int]:
    from prepdesk.store.models import Area

    return list(
        session.scalars(select(Topic.id).join(Area).where(Area.key == area_key).order_by(Topic.id))
    )


def test_study_minutes_group_by_local_day_and_week(db):
    with db.transaction() as s:
        first = topic_ids(s, "math")[0]
        for day, minutes in ((TODAY, 30), (TODAY, 45), (TODAY - timedelta(days=7), 60)):
            s.add(StudySession(topic_id=first, started_at=local(day), minutes=minutes))
        s.add(
            StudySession(topic_id=first, started_at=local(TODAY - timedelta(days=400)), minutes=9)
        )
    with db.transaction() as s:
        stats = DashboardStatsRepository(s)
        daily = stats.daily_minutes(TODAY)
        hours = stats.weekly_hours(TODAY, weeks=4)
    assert daily.minutes == {TODAY: 75, TODAY - timedelta(days=7): 60}  # 400 days ago left out
    assert hours.weeks[-1] == week_start(TODAY)
    ((area, values),) = hours.areas
    assert area == "Mathematics"
    assert values == (0.0, 0.0, 1.0, 1.25)


def test_problem_weeks_count_distinct_solved_problems_and_median_minutes(db):
    with db.transaction() as s:
        easy = Problem(title="A", difficulty="easy")
        hard = Problem(title="B", difficulty="hard")
        easy.attempts = [
            Attempt(attempted_at=local(TODAY), minutes=10, solved=True),
            Attempt(attempted_at=local(TODAY, 14), minutes=20, solved=True),  # same problem
        ]
        hard.attempts = [
            Attempt(attempted_at=local(TODAY), minutes=50, solved=False),
            Attempt(attempted_at=local(TODAY - timedelta(days=7)), minutes=40, solved=True),
        ]
        s.add_all([easy, hard])
    with db.transaction() as s:
        weeks = DashboardStatsRepository(s).problem_weeks(TODAY, weeks=2)
    assert weeks.solved == {"easy": (0, 1), "medium": (0, 0), "hard": (1, 0)}
    assert weeks.median_minutes == {"easy": 15.0, "medium": None, "hard": 40.0}
    assert weeks.target_minutes == {"easy": 15.0, "medium": 30.0, "hard": 45.0}


def test_mastery_uses_the_latest_rating_and_carries_it_forward_by_week(db):
    with db.transaction() as s:
        math = topic_ids(s, "math")
        s.add(Rating(topic_id=math[0], level=1, rated_at=local(TODAY - timedelta(days=14))))
        s.add(Rating(topic_id=math[0], level=4, rated_at=local(TODAY)))
        s.add(Rating(topic_id=math[1], level=2, rated_at=local(TODAY - timedelta(days=14))))
        weights = [s.get(Topic, t).weight for t in math]
    with db.transaction() as s:
        stats = DashboardStatsRepository(s)
        now = {a.key: a for a in stats.mastery_by_area()}
        history = stats.mastery_history(TODAY, weeks=3)
        burndown = stats.burndown(TODAY, weeks=3)
    total = sum(weights)
    then, latest = (1 * weights[0] + 2 * weights[1]), (4 * weights[0] + 2 * weights[1])
    assert now["math"].level == pytest.approx(latest / total)  # never rated counts as 0
    assert now["ml"].level == 0
    math_series = next(a for a in history.areas if a.key == "math")
    assert math_series.levels == pytest.approx([then / total, then / total, latest / total])
    assert burndown.hours_needed[-1] < burndown.hours_needed[0]


def test_story_coverage_marks_each_story_competency(db):
    with db.transaction() as s:
        teamwork, impact = (
            s.scalar(select(Competency).where(Competency.name == n)) for n in ("Teamwork", "Impact")
        )
        s.add(Story(title="Shipped it", competencies=[teamwork, impact]))
    with db.transaction() as s:
        coverage = DashboardStatsRepository(s).story_coverage()
    assert coverage.stories == ("Shipped it",)
    covered = {coverage.competencies[c] for _s, c in coverage.cells}
    assert covered == {"Teamwork", "Impact"}
