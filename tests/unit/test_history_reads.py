"""The reads rewritten for speed on years of data return what the straightforward
computation over every row returns, on varied histories (ties, old and future rows,
rows on the window's edges). No timing here: that lives in benchmarks/."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.core.checklist_rules import WEAK_LEVEL
from prepdesk.core.limits import REVIEW_MINUTES_EACH
from prepdesk.core.question_drills import topic_recall
from prepdesk.store.database import Database
from prepdesk.store.models import (
    Area,
    Rating,
    ReviewCard,
    ReviewLog,
    StudySession,
    TechQuestion,
    Topic,
)
from prepdesk.store.models.ml_practice import tech_question_topic
from prepdesk.store.repositories.checklist import ChecklistRepository
from prepdesk.store.repositories.dashboard_stats import DashboardStatsRepository, week_start
from prepdesk.store.repositories.rating_history import latest_level_of
from prepdesk.store.repositories.reviews import ReviewRepository, state_of
from prepdesk.store.repositories.settings import SettingsRepository
from prepdesk.store.repositories.study_sessions import StudySessionRepository
from prepdesk.store.repositories.tech_questions import TechQuestionRepository
from prepdesk.store.repositories.topics import TopicRepository

FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
TODAY = date(2026, 3, 4)  # a Wednesday
NOW = datetime.combine(TODAY, time(15)).astimezone().astimezone(UTC)

# A rating: (topic index, level, hours before NOW; negative = in the future). Whole hours
# make ties on rated_at frequent; the range reaches well before a 26-week window.
ratings = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 5), st.integers(-200, 24 * 7 * 40)),
    max_size=40,
)


@contextmanager
def rolled_back(db: Database) -> Iterator[Session]:
    """A session whose writes are undone afterwards: each example starts from the same data."""
    with Session(db.engine) as session:
        try:
            yield session
        finally:
            session.rollback()


def add_ratings(session: Session, rows: list[tuple[int, int, int]]) -> list[int]:
    ids = list(session.scalars(select(Topic.id).order_by(Topic.id)))[:8]
    for index, level, hours in rows:
        session.add(Rating(topic_id=ids[index], level=level, rated_at=NOW - timedelta(hours=hours)))
    session.flush()
    return ids


def all_ratings(session: Session) -> list[tuple[int, int, datetime, int]]:
    rows = session.execute(select(Rating.topic_id, Rating.level, Rating.rated_at, Rating.id))
    return [(topic, level, at, rid) for topic, level, at, rid in rows]


def naive_latest(
    rows: list[tuple[int, int, datetime, int]], before: datetime | None = None
) -> dict[int, int]:
    latest: dict[int, tuple[datetime, int, int]] = {}
    for topic, level, at, rid in rows:
        if before is not None and at >= before:
            continue
        if topic not in latest or (at, rid) > latest[topic][:2]:
            latest[topic] = (at, rid, level)
    return {topic: level for topic, (_at, _rid, level) in latest.items()}


def naive_weekly(
    rows: list[tuple[int, int, datetime, int]], mondays: tuple[date, ...]
) -> dict[int, list[int]]:
    """Each topic's latest rating whose local week is on or before each Monday."""
    series: dict[int, list[int]] = {}
    for topic in {r[0] for r in rows}:
        mine = sorted((at, rid, level) for t, level, at, rid in rows if t == topic)
        levels = []
        for monday in mondays:
            seen = [lv for at, _rid, lv in mine if week_start(at.astimezone().date()) <= monday]
            levels.append(seen[-1] if seen else 0)
        series[topic] = levels
    return series


@settings(max_examples=25, deadline=None, suppress_health_check=FIXTURES)
@given(rows=ratings, cut_hours=st.integers(0, 24 * 7 * 30))
def test_latest_levels_are_each_topics_last_rating_ties_to_the_later_id(db, rows, cut_hours):
    before = NOW - timedelta(hours=cut_hours)
    with rolled_back(db) as s:
        s.execute(Rating.__table__.delete())
        add_ratings(s, rows)
        every = all_ratings(s)
        assert latest_level_of(s) == naive_latest(every)
        assert latest_level_of(s, before=before) == naive_latest(every, before)
        areas = tuple(s.scalars(select(Area.key)))
        weak = {t.topic_id: t.level for t in ChecklistRepository(s).weak_topics(areas)}
        assert weak == {t: lv for t, lv in naive_latest(every).items() if lv <= WEAK_LEVEL}


@settings(max_examples=25, deadline=None, suppress_health_check=FIXTURES)
@given(rows=ratings, weeks=st.sampled_from([1, 4, 26]))
def test_weekly_levels_in_the_window_match_every_rating_carried_forward(db, rows, weeks):
    with rolled_back(db) as s:
        s.execute(Rating.__table__.delete())
        add_ratings(s, rows)
        every = all_ratings(s)
        stats = DashboardStatsRepository(s)
        mondays, series, rated = stats._weekly_levels(TODAY, weeks)
        history = stats.mastery_history(TODAY, weeks)
        burndown = stats.burndown(TODAY, weeks)
    assert rated == bool(rows)
    expected = naive_weekly(every, mondays)
    assert {t: s for t, s in series.items() if any(s)} == {
        t: s for t, s in expected.items() if any(s)
    }
    assert history.rated == burndown.rated == bool(rows)
    assert len(burndown.hours_needed) == len(history.weeks) == weeks


@settings(max_examples=20, deadline=None, suppress_health_check=FIXTURES)
@given(
    dues=st.lists(st.integers(-24 * 30, 24 * 500), min_size=1, max_size=60),
    suspended=st.sets(st.integers(0, 59), max_size=10),
)
def test_the_plans_review_minutes_count_every_card_on_its_local_day(db, dues, suspended):
    """Counted per day in SQL: the same as counting each card's local due day in Python."""
    with rolled_back(db) as s:
        SettingsRepository(s).set("target_date", (TODAY + timedelta(days=300)).isoformat())
        cards = list(s.scalars(select(ReviewCard).order_by(ReviewCard.id)))
        for index, card in enumerate(cards):  # cards past the list: beyond the plan
            card.due = NOW + timedelta(hours=dues[index] if index < len(dues) else 24 * 900)
            card.last_review = NOW - timedelta(days=1)  # not new: every card counts
            card.suspended = index in suspended
        s.flush()
        plan_input, interview = TopicRepository(s).plan_input(NOW, TODAY)
        limit = int(SettingsRepository(s).get("daily_review_limit"))
        counted = s.scalars(select(ReviewCard.due).where(ReviewCard.suspended.is_(False)))
        assert plan_input is not None and interview is not None
        days = len(plan_input.review_minutes)
        per_day = [0] * days
        for due in counted:
            index = max((due.astimezone().date() - TODAY).days, 0)
            if index < days:
                per_day[index] += 1
    assert plan_input.review_minutes == [min(c, limit) * REVIEW_MINUTES_EACH for c in per_day]


@settings(max_examples=20, deadline=None, suppress_health_check=FIXTURES)
@given(
    logs=st.lists(st.tuples(st.integers(0, 9), st.integers(-48, 24 * 20)), max_size=30),
    since_hours=st.integers(0, 24 * 10),
)
def test_questions_introduced_since_are_those_first_reviewed_then(db, logs, since_hours):
    since = NOW - timedelta(hours=since_hours)
    with rolled_back(db) as s:
        questions = list(s.scalars(select(TechQuestion.id).order_by(TechQuestion.id)))[:10]
        reviews = ReviewRepository(s)
        cards = [reviews.ensure_card("question", q).id for q in questions]
        others = list(s.scalars(select(ReviewCard.id).where(ReviewCard.kind == "topic")))[:10]
        for index, hours in logs:
            at = NOW - timedelta(hours=hours)
            s.add(ReviewLog(card_id=cards[index], rating=3, reviewed_at=at))
            s.add(ReviewLog(card_id=others[index], rating=3, reviewed_at=at))  # not questions
        s.flush()
        counted = TechQuestionRepository(s).introduced_since(since)
    first: dict[int, int] = {}
    for index, hours in logs:
        first[index] = max(first.get(index, hours), hours)  # hours ago: the largest is first
    assert counted == sum(1 for hours in first.values() if NOW - timedelta(hours=hours) >= since)


@settings(max_examples=15, deadline=None, suppress_health_check=FIXTURES)
@given(
    reviewed=st.lists(
        st.tuples(st.integers(0, 40), st.integers(1, 4), st.integers(1, 60)), max_size=25
    ),
    studied=st.sets(st.integers(0, 40), max_size=8),
    drilled=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 4)), max_size=12),
)
def test_due_cards_read_as_columns_match_the_cards_own_state(db, reviewed, studied, drilled):
    """Read as plain columns, each due card has its owner, title, due time and recall as
    the scheduler gives them from the stored card."""
    with rolled_back(db) as s:
        reviews = ReviewRepository(s)
        cards = list(s.scalars(select(ReviewCard).order_by(ReviewCard.id)))
        for index, grade, days_ago in sorted(reviewed, key=lambda r: -r[2]):  # in time order
            card = cards[index % len(cards)]
            reviews.review(card.id, grade, NOW - timedelta(days=days_ago))
        sessions = StudySessionRepository(s)
        for index in studied:
            card = cards[index % len(cards)]
            if card.topic_id is not None:
                sessions.add_session(card.topic_id, NOW - timedelta(days=1), 30)
        query = select(ReviewCard).where(ReviewCard.kind == "question")
        questions = list(s.scalars(query.order_by(ReviewCard.id)))
        for index, grade in drilled:
            reviews.review(questions[index % len(questions)].id, grade, NOW - timedelta(days=2))
        s.flush()
        due = reviews.due(NOW + timedelta(days=3))
        kinds = reviews.due(NOW + timedelta(days=3), kinds=("topic", "question"))
        scheduler = reviews.scheduler()
        expected = {}
        for card in s.scalars(select(ReviewCard)):
            owner = card.topic_id or card.problem_id or card.story_id or card.question_id
            owner = owner or card.design_prompt_id
            expected[card.id] = (
                card.kind,
                owner,
                card.due,
                scheduler.recall_at(state_of(card), NOW + timedelta(days=3)),
            )
        topic_ids = [c.topic_id for c in cards if c.topic_id]
        recalls = reviews.recall_at("topic", topic_ids, NOW)
        by_card = {card.id: card for card in s.scalars(select(ReviewCard))}
        links = s.execute(
            select(tech_question_topic.c.topic_id, ReviewCard.id)
            .join(ReviewCard, ReviewCard.question_id == tech_question_topic.c.question_id)
            .join(TechQuestion, TechQuestion.id == ReviewCard.question_id)
            .where(TechQuestion.archived.is_(False))
        ).all()
        expected_recalls = {}
        for topic_id in topic_ids:
            own = next(c for c in by_card.values() if c.topic_id == topic_id)
            asked = [
                scheduler.recall_at(state_of(by_card[card_id]), NOW)
                for linked, card_id in links
                if linked == topic_id and by_card[card_id].last_review is not None
            ]
            expected_recalls[topic_id] = topic_recall(
                scheduler.recall_at(state_of(own), NOW), asked
            )
    assert recalls == pytest.approx(expected_recalls)
    for card in due:
        assert (card.kind, card.owner_id, card.due, card.recall_now) == expected[card.card_id]
    assert [c for c in due if c.kind in ("topic", "question")] == kinds


@settings(max_examples=20, deadline=None, suppress_health_check=FIXTURES)
@given(rows=ratings, sessions=st.lists(st.integers(0, 24 * 7 * 40), max_size=20))
def test_a_topics_detail_lists_its_history_newest_first(db, rows, sessions):
    with rolled_back(db) as s:
        ids = add_ratings(s, rows)
        for hours in sessions:  # whole hours: ties on started_at, broken by the later id
            s.add(StudySession(topic_id=ids[0], started_at=NOW - timedelta(hours=hours), minutes=5))
        s.flush()
        detail = TopicRepository(s).detail(ids[0])
        tree = {t.id: t for area in TopicRepository(s).tree(NOW) for t in area.topics}
        mine = [r for r in all_ratings(s) if r[0] == ids[0]]
        logged = s.execute(
            select(StudySession.id, StudySession.started_at).where(StudySession.topic_id == ids[0])
        ).all()
    newest_first = sorted(mine, key=lambda r: (r[2], r[3]), reverse=True)
    assert [(r.id, r.level, r.rated_at) for r in detail.ratings] == [
        (rid, level, at) for _t, level, at, rid in newest_first
    ]
    expected = sorted(logged, key=lambda row: (row[1], row[0]), reverse=True)
    assert tree[ids[0]].total_minutes == 5 * len(sessions)
    assert tree[ids[0]].last_studied == (expected[0][1] if expected else None)
    assert tree[ids[0]].level == naive_latest(mine).get(ids[0])
    assert [(row.id, row.started_at) for row in detail.sessions] == [tuple(r) for r in expected]
