"""ML system design prompts, timed sessions, their phases and scoring; prompts are
review cards (kind 'design') graded by their scored sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prepdesk.core.checklist_rules import DesignPractice
from prepdesk.core.design_practice import (
    DESIGN_RECENT_DAYS,
    PHASES,
    PhaseAverage,
    checked_items,
    next_practice_due,
    phase_averages,
    phase_budgets,
    review_grade,
    session_score,
)
from prepdesk.store.models import DesignPhase, DesignPrompt, DesignSession, ReviewCard
from prepdesk.store.repositories.lookup import require
from prepdesk.store.repositories.reviews import ReviewRepository

PROMPT_FIELDS = ("title", "category", "brief", "clarifying", "tradeoffs", "covers")
SESSION_FIELDS = ("covered", "improve")
PHASE_FIELDS = ("notes", "score")


@dataclass(frozen=True)
class PromptRow:
    id: int
    title: str
    category: str
    builtin: bool
    archived: bool
    sessions: int
    last_practised: datetime | None
    due: datetime | None  # None: never scored, so not yet a review card


@dataclass(frozen=True)
class PhaseView:
    id: int
    phase: str
    budget_seconds: int
    spent_seconds: int
    notes: str
    score: int | None


@dataclass(frozen=True)
class SessionView:
    id: int
    prompt_id: int
    prompt_title: str
    started_at: datetime
    finished_at: datetime | None
    total_minutes: int
    covered: str
    improve: str
    scored: bool
    phases: tuple[PhaseView, ...]
    covers: tuple[str, ...]  # the prompt's "a strong answer covers" items

    @property
    def covered_items(self) -> list[str]:
        return [item for item in checked_items(self.covered) if item in self.covers]


@dataclass(frozen=True)
class PhaseScoreHistory:
    """The phase scores of the latest scored sessions, oldest first."""

    days: tuple[date, ...]  # each session's local date
    prompts: tuple[str, ...]  # each session's prompt title
    phases: tuple[tuple[str, tuple[int | None, ...]], ...]  # (phase name, score per session)


class DesignPracticeRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # prompts -----------------------------------------------------------------

    def prompt_id(self, key: str) -> int | None:
        """The built-in prompt with `key`, if there is one."""
        return self._session.scalar(select(DesignPrompt.id).where(DesignPrompt.key == key))

    def latest_scored_session(self) -> int | None:
        return self._session.scalar(
            select(DesignSession.id)
            .where(DesignSession.scored.is_(True))
            .order_by(DesignSession.started_at.desc())
            .limit(1)
        )

    def prompts(self, *, include_archived: bool = False) -> list[PromptRow]:
        counts = (
            select(
                DesignSession.prompt_id,
                func.count(DesignSession.id).label("n"),
                func.max(DesignSession.started_at).label("last"),
            )
            .group_by(DesignSession.prompt_id)
            .subquery()
        )
        query = (
            select(DesignPrompt, counts.c.n, counts.c.last, ReviewCard.due)
            .outerjoin(counts, counts.c.prompt_id == DesignPrompt.id)
            .outerjoin(ReviewCard, ReviewCard.design_prompt_id == DesignPrompt.id)
            .order_by(DesignPrompt.category, DesignPrompt.title)
        )
        if not include_archived:
            query = query.where(DesignPrompt.archived.is_(False))
        return [
            PromptRow(p.id, p.title, p.category, p.builtin, p.archived, int(n or 0), last, due)
            for p, n, last, due in self._session.execute(query)
        ]

    def prompt_values(self, prompt_id: int) -> dict[str, Any]:
        prompt = require(self._session, DesignPrompt, prompt_id)
        return {name: getattr(prompt, name) for name in (*PROMPT_FIELDS, "archived")}

    def create_prompt(self, title: str) -> int:
        title = title.strip()
        if not title:
            raise ValueError("a design prompt needs a title")
        prompt = DesignPrompt(title=title)
        self._session.add(prompt)
        self._session.flush()
        return prompt.id

    def update_prompt(self, prompt_id: int, values: dict[str, Any]) -> None:
        prompt = require(self._session, DesignPrompt, prompt_id)
        for name, value in values.items():
            if name not in PROMPT_FIELDS:
                raise ValueError(f"a design prompt has no field {name!r}")
            if name == "title" and not str(value).strip():
                raise ValueError("a design prompt needs a title")
            setattr(prompt, name, value)

    def set_archived(self, prompt_id: int, archived: bool) -> None:
        require(self._session, DesignPrompt, prompt_id).archived = archived

    # sessions ----------------------------------------------------------------

    def start_session(self, prompt_id: int, started_at: datetime, total_minutes: int) -> int:
        require(self._session, DesignPrompt, prompt_id)
        budgets = phase_budgets(total_minutes)
        session = DesignSession(
            prompt_id=prompt_id, started_at=started_at, total_minutes=total_minutes
        )
        session.phases = [
            DesignPhase(phase=p.key, position=i, budget_seconds=budgets[p.key])
            for i, p in enumerate(PHASES)
        ]
        self._session.add(session)
        self._session.flush()
        return session.id

    def phase_ids(self, session_id: int) -> dict[str, int]:
        rows = self._session.execute(
            select(DesignPhase.phase, DesignPhase.id).where(DesignPhase.session_id == session_id)
        )
        return {phase: phase_id for phase, phase_id in rows}

    def update_phase(self, phase_id: int, values: dict[str, Any]) -> None:
        phase = require(self._session, DesignPhase, phase_id)
        for name, value in values.items():
            if name not in PHASE_FIELDS:
                raise ValueError(f"a design phase has no field {name!r}")
            if name == "score" and value is not None and value not in range(1, 5):
                raise ValueError(f"a phase score is 1 to 4, got {value}")
            setattr(phase, name, value)

    def record_time(
        self, session_id: int, spent: dict[str, float], finished_at: datetime | None
    ) -> None:
        """Stores the seconds spent in each phase, and the end once the session is over."""
        session = require(self._session, DesignSession, session_id)
        for phase in session.phases:
            phase.spent_seconds = round(spent.get(phase.phase, phase.spent_seconds))
        if finished_at is not None:
            session.finished_at = finished_at

    def update_session(self, session_id: int, values: dict[str, Any]) -> None:
        """Saves session fields ('covered', 'improve') and phase fields named
        '<field>.<phase>' ('notes.model', 'score.data')."""
        session = require(self._session, DesignSession, session_id)
        phases = {phase.phase: phase.id for phase in session.phases}
        for name, value in values.items():
            field, _, phase = name.partition(".")
            if phase:
                if phase not in phases:
                    raise ValueError(f"a design session has no phase {phase!r}")
                self.update_phase(phases[phase], {field: value})
            elif name in SESSION_FIELDS:
                setattr(session, name, value)
            else:
                raise ValueError(f"a design session has no field {name!r}")

    def complete_scoring(self, session_id: int, when: datetime) -> int | None:
        """Marks the session scored and grades its prompt's review card from the phase
        scores; returns the grade (None when no phase was scored: nothing is graded)."""
        session = require(self._session, DesignSession, session_id)
        grade = review_grade(phase.score for phase in session.phases)
        if grade is None:
            raise ValueError("score at least one phase before finishing")
        if session.scored:
            return grade
        session.scored = True
        reviews = ReviewRepository(self._session)
        card = reviews.ensure_card("design", session.prompt_id)
        after = reviews.review(card.id, grade, when)
        if after.due is not None:
            card.due = next_practice_due(after.due, when)
        return grade

    def view(self, session_id: int) -> SessionView:
        session = require(self._session, DesignSession, session_id)
        prompt = session.prompt
        return SessionView(
            id=session.id,
            prompt_id=prompt.id,
            prompt_title=prompt.title,
            started_at=session.started_at,
            finished_at=session.finished_at,
            total_minutes=session.total_minutes,
            covered=session.covered,
            improve=session.improve,
            scored=session.scored,
            phases=tuple(
                PhaseView(p.id, p.phase, p.budget_seconds, p.spent_seconds, p.notes, p.score)
                for p in session.phases
            ),
            covers=tuple(checked_items(prompt.covers)),
        )

    def history(self, prompt_id: int) -> list[SessionView]:
        """The prompt's sessions, newest first."""
        ids = self._session.scalars(
            select(DesignSession.id)
            .where(DesignSession.prompt_id == prompt_id)
            .order_by(DesignSession.started_at.desc())
        )
        return [self.view(session_id) for session_id in ids]

    def phase_averages(self) -> list[PhaseAverage]:
        """Mean self-score per phase over every scored session, weakest first."""
        rows = self._session.execute(
            select(DesignPhase.phase, DesignPhase.score)
            .join(DesignSession, DesignSession.id == DesignPhase.session_id)
            .where(DesignSession.scored.is_(True), DesignPhase.score.is_not(None))
        )
        return phase_averages((phase, score) for phase, score in rows if score is not None)

    def phase_score_history(self, sessions: int = 16) -> PhaseScoreHistory:
        """Every phase's self-score in the latest `sessions` scored sessions, oldest first."""
        latest = self._session.execute(
            select(DesignSession.id, DesignSession.started_at, DesignPrompt.title)
            .join(DesignPrompt, DesignPrompt.id == DesignSession.prompt_id)
            .where(DesignSession.scored.is_(True))
            .order_by(DesignSession.started_at.desc(), DesignSession.id.desc())
            .limit(sessions)
        ).all()[::-1]
        column = {session_id: index for index, (session_id, _at, _t) in enumerate(latest)}
        scores: dict[str, list[int | None]] = {p.key: [None] * len(latest) for p in PHASES}
        rows = self._session.execute(
            select(DesignPhase.session_id, DesignPhase.phase, DesignPhase.score).where(
                DesignPhase.session_id.in_(list(column))
            )
        )
        for session_id, phase, score in rows:
            if phase in scores:
                scores[phase][column[session_id]] = score
        return PhaseScoreHistory(
            days=tuple(at.astimezone().date() for _id, at, _t in latest),
            prompts=tuple(title for _id, _at, title in latest),
            phases=tuple((p.name, tuple(scores[p.key])) for p in PHASES),
        )

    def last_practice(self, now: datetime) -> DesignPractice | None:
        """The latest session finished by `now`, with its score once scored."""
        session = self._session.scalar(
            select(DesignSession)
            .where(DesignSession.finished_at.is_not(None), DesignSession.finished_at <= now)
            .order_by(DesignSession.started_at.desc())
            .limit(1)
        )
        if session is None:
            return None
        score = session_score(p.score for p in session.phases) if session.scored else None
        return DesignPractice(session.prompt.title, session.started_at, score)

    def recent_scores(self, now: datetime) -> tuple[float, ...]:
        """The mean self-score of each session scored in the DESIGN_RECENT_DAYS before `now`,
        oldest first."""
        since = now - timedelta(days=DESIGN_RECENT_DAYS)
        sessions = self._session.scalars(
            select(DesignSession)
            .where(
                DesignSession.scored.is_(True),
                DesignSession.started_at >= since,
                DesignSession.started_at <= now,
            )
            .order_by(DesignSession.started_at)
        )
        scores = (session_score(p.score for p in s.phases) for s in sessions)
        return tuple(score for score in scores if score is not None)

    def delete_session(self, session_id: int) -> None:
        self._session.delete(require(self._session, DesignSession, session_id))
