"""Timed practice runs of stories, and story rehearsals scheduled as fsrs review cards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.core.rehearsal import grade_for_score
from prepdesk.store.models import BehavioralQuestion, PracticeRun, ReviewCard, Story
from prepdesk.store.models.stories import story_question
from prepdesk.store.repositories.next_interview import next_interview
from prepdesk.store.repositories.reviews import ReviewRepository


@dataclass(frozen=True)
class PracticeRunView:
    id: int
    story_id: int | None
    story_title: str | None
    question_id: int | None
    question_text: str | None
    practised_at: datetime
    target_seconds: int
    duration_seconds: int
    score: int | None
    note: str


@dataclass(frozen=True)
class RehearsalStatus:
    story_id: int
    due: datetime | None  # None: the story has no rehearsal card
    recall_at_interview: float | None  # None: never rehearsed, or no interview planned
    interview_at: datetime | None
    interview_label: str | None
    runs: int


@dataclass(frozen=True)
class DueRehearsal:
    story_id: int
    title: str
    due: datetime
    recall_now: float | None
    question_ids: tuple[int, ...]  # the questions the story answers


@dataclass(frozen=True)
class PlannedRehearsal:
    story_id: int
    title: str
    due: datetime
    is_due: bool
    recall_at_interview: float | None


class RehearsalRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def record(
        self,
        *,
        story_id: int | None,
        question_id: int | None,
        when: datetime,
        target_seconds: int,
        duration_seconds: int,
        score: int | None,
        note: str = "",
    ) -> int:
        """Saves one run; a scored run of a story also reschedules its rehearsal card."""
        run = PracticeRun(
            story_id=story_id,
            question_id=question_id,
            practised_at=when,
            target_seconds=target_seconds,
            duration_seconds=max(0, duration_seconds),
            score=score,
            note=note,
        )
        self._session.add(run)
        if story_id is not None and score is not None:
            reviews = ReviewRepository(self._session)
            card = reviews.ensure_card("story", story_id)
            reviews.review(card.id, grade_for_score(score), when, duration_seconds * 1000)
        self._session.flush()
        return run.id

    def history(
        self, *, story_id: int | None = None, question_id: int | None = None, limit: int = 50
    ) -> list[PracticeRunView]:
        query = select(PracticeRun).order_by(PracticeRun.practised_at.desc()).limit(limit)
        if story_id is not None:
            query = query.where(PracticeRun.story_id == story_id)
        if question_id is not None:
            query = query.where(PracticeRun.question_id == question_id)
        return [_run_view(run) for run in self._session.scalars(query)]

    def status(self, story_id: int, now: datetime) -> RehearsalStatus:
        card = self._session.scalar(select(ReviewCard).where(ReviewCard.story_id == story_id))
        interview = next_interview(self._session, now)
        recall = None
        if card is not None and interview is not None:
            recall = ReviewRepository(self._session).recall_at("story", [story_id], interview.at)[
                story_id
            ]
        label = None
        if interview is not None:
            label = (
                f"{interview.company} {interview.stage}".strip()
                if interview.company
                else "your target date"
            )
        runs = len(self.history(story_id=story_id, limit=10_000))
        return RehearsalStatus(
            story_id=story_id,
            due=card.due if card is not None else None,
            recall_at_interview=recall,
            interview_at=interview.at if interview else None,
            interview_label=label,
            runs=runs,
        )

    def due_rehearsals(self, now: datetime) -> list[DueRehearsal]:
        """Stories due for a rehearsal now, the most forgotten first (new ones last)."""
        due = ReviewRepository(self._session).due(now, kind="story")
        # The due cards already carry titles; the linked questions come in one query.
        links = self._session.execute(
            select(story_question.c.story_id, story_question.c.question_id).where(
                story_question.c.story_id.in_([card.owner_id for card in due])
            )
        )
        questions: dict[int, list[int]] = {}
        for story_id, question_id in links:
            questions.setdefault(story_id, []).append(question_id)
        return [
            DueRehearsal(
                story_id=card.owner_id,
                title=card.title,
                due=card.due,
                recall_now=card.recall_now,
                question_ids=tuple(sorted(questions.get(card.owner_id, []))),
            )
            for card in due
        ]

    def plan(self, now: datetime) -> list[PlannedRehearsal]:
        """Every story's next rehearsal, soonest first, with its recall at the interview."""
        rows = self._session.execute(
            select(ReviewCard.due, Story.id, Story.title)
            .join(Story, Story.id == ReviewCard.story_id)
            .where(ReviewCard.kind == "story", ReviewCard.suspended.is_(False))
            .order_by(ReviewCard.due)
        ).all()
        interview = next_interview(self._session, now)
        recall: dict[int, float | None] = {}
        if interview is not None and rows:
            ids = [story_id for _due, story_id, _title in rows]
            recall = ReviewRepository(self._session).recall_at("story", ids, interview.at)
        return [
            PlannedRehearsal(
                story_id=story_id,
                title=title,
                due=due,
                is_due=due <= now,
                recall_at_interview=recall.get(story_id),
            )
            for due, story_id, title in rows
        ]

    def question_text(self, question_id: int) -> str:
        question = self._session.get(BehavioralQuestion, question_id)
        return question.text if question else ""


def _run_view(run: PracticeRun) -> PracticeRunView:
    return PracticeRunView(
        id=run.id,
        story_id=run.story_id,
        story_title=run.story.title if run.story else None,
        question_id=run.question_id,
        question_text=run.question.text if run.question else None,
        practised_at=run.practised_at,
        target_seconds=run.target_seconds,
        duration_seconds=run.duration_seconds,
        score=run.score,
        note=run.note,
    )
