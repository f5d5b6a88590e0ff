"""Design prompts and sessions in the store: seeded prompts, timing, scoring, review cards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from prepdesk.core.design_practice import (
    DEFAULT_TOTAL_MINUTES,
    PHASE_KEYS,
    SessionTimer,
    clock_text,
    phase_budgets,
    review_grade,
)
from prepdesk.store.models import DesignPrompt, TechQuestion
from prepdesk.store.repositories.design_practice import DesignPracticeRepository
from prepdesk.store.repositories.reviews import ReviewRepository

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def test_builtin_prompts_and_questions_are_seeded(db):
    with db.transaction() as session:
        prompts = session.scalars(select(DesignPrompt)).all()
        assert len(prompts) >= 20
        assert all(
            p.clarifying and p.tradeoffs and len(p.covers.splitlines()) >= 5 for p in prompts
        )
        assert len({p.category for p in prompts}) >= 8
        assert session.scalar(select(func.count()).select_from(TechQuestion)) >= 200
        assert all(q.topics for q in session.scalars(select(TechQuestion)))


def test_budgets_add_up_to_the_session_length():
    assert sum(phase_budgets(DEFAULT_TOTAL_MINUTES).values()) == 45 * 60
    assert sum(phase_budgets(37).values()) == 37 * 60
    with pytest.raises(ValueError, match="10 to 180"):
        phase_budgets(5)


def test_timer_tracks_each_phase_and_the_whole():
    timer = SessionTimer(phase_budgets(45), T0)
    assert timer.phase.key == "requirements"
    assert timer.advance(T0 + timedelta(minutes=5))
    assert timer.phase_left(T0 + timedelta(minutes=6)) == 7 * 60 - 60
    assert clock_text(timer.total_left(T0 + timedelta(minutes=6))) == "39:00"
    for minute in range(6, 12):
        timer.advance(T0 + timedelta(minutes=minute * 5))
    assert timer.finished_at is not None
    assert timer.spent["requirements"] == 300
    assert clock_text(-30) == "-0:30"


def test_scoring_grades_the_prompt_and_history_keeps_it(db):
    with db.transaction() as session:
        repo = DesignPracticeRepository(session)
        prompt_id = repo.prompts()[0].id
        session_id = repo.start_session(prompt_id, T0, 45)
        phases = repo.phase_ids(session_id)
        assert set(phases) == set(PHASE_KEYS)
        for key, score in zip(PHASE_KEYS, (3, 2, 3, 4, 1, 3, 3), strict=True):
            repo.update_phase(phases[key], {"score": score, "notes": f"notes on {key}"})
        repo.record_time(session_id, {"requirements": 300.4}, T0 + timedelta(minutes=44))
        assert repo.complete_scoring(session_id, T0 + timedelta(minutes=50)) == 2
    with db.transaction() as session:
        repo = DesignPracticeRepository(session)
        [view] = repo.history(prompt_id)
        assert view.scored and view.phases[0].spent_seconds == 300
        assert repo.phase_averages()[0].key == "evaluation"
        row = next(r for r in repo.prompts() if r.id == prompt_id)
        assert row.sessions == 1 and row.due is not None and row.due > T0
        due_now = ReviewRepository(session).due(T0 + timedelta(hours=1), kind="design")
        assert prompt_id not in [c.owner_id for c in due_now]
        later = ReviewRepository(session).due(T0 + timedelta(days=60), kind="design")
        assert prompt_id in [c.owner_id for c in later]


def test_scoring_refuses_an_unscored_session(db):
    with db.transaction() as session:
        repo = DesignPracticeRepository(session)
        session_id = repo.start_session(repo.prompts()[0].id, T0, 45)
        with pytest.raises(ValueError, match="score at least one phase"):
            repo.complete_scoring(session_id, T0)
    assert review_grade([None, 4, 3]) == 3


def test_recent_practice_and_the_phase_scores_per_session(db):
    with db.transaction() as session:
        repo = DesignPracticeRepository(session)
        first, second = (p.id for p in repo.prompts()[:2])
        assert repo.last_practice(T0) is None and repo.recent_scores(T0) == ()
        old = repo.start_session(first, T0 - timedelta(days=40), 45)
        repo.update_session(old, {"score.model": 1})
        repo.complete_scoring(old, T0 - timedelta(days=40))
        recent = repo.start_session(second, T0 - timedelta(days=2), 45)
        repo.update_session(recent, {"score.requirements": 4, "score.data": 3})
        repo.record_time(recent, {}, T0 - timedelta(days=2) + timedelta(minutes=45))
        repo.complete_scoring(recent, T0 - timedelta(days=2))
        repo.start_session(first, T0 - timedelta(hours=1), 45)  # still running: not counted
    with db.transaction() as session:
        repo = DesignPracticeRepository(session)
        last = repo.last_practice(T0)
        assert last is not None and last.prompt == repo.prompts()[1].title
        assert last.practised_at == T0 - timedelta(days=2) and last.score == 3.5
        assert repo.recent_scores(T0) == (3.5,)  # the 40-day-old session is too old
        history = repo.phase_score_history()
        assert len(history.days) == 2  # scored sessions only, oldest first
        scores = dict(history.phases)
        assert scores["Model"] == (1, None)
        assert scores["Requirements & success metrics"] == (None, 4)
        assert repo.phase_score_history(sessions=1).prompts == (repo.prompts()[1].title,)
