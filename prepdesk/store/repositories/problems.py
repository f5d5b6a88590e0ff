"""Coding problems and their attempts, handed to the UI as plain frozen dataclasses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Row, func, insert, select
from sqlalchemy.orm import Session, selectinload

from prepdesk.core.coding_targets import CodingTargets, coding_target, resolve_coding_targets
from prepdesk.core.practice import TimeAgainstTarget, canonical_platform
from prepdesk.store.models import Area, Attempt, Problem, ReviewCard, Topic, utcnow
from prepdesk.store.models.practice import problem_topic
from prepdesk.store.repositories.lookup import require
from prepdesk.store.repositories.reviews import ReviewRepository
from prepdesk.store.repositories.settings import SettingsRepository

ALGORITHMS_AREA = "algorithms"


@dataclass(frozen=True)
class AttemptRow:
    id: int
    problem_id: int
    attempted_at: datetime
    minutes: int
    solved: bool
    notes: str
    against_target: TimeAgainstTarget


@dataclass(frozen=True)
class ProblemRow:
    """One line of the practice table: the problem and a summary of its attempts."""

    id: int
    title: str
    platform: str
    url: str
    difficulty: str
    patterns: str
    topics: tuple[str, ...]
    target_minutes: int
    attempt_count: int
    solved: bool  # solved at least once
    last_attempt_at: datetime | None
    last_minutes: int | None
    best_minutes: int | None  # fastest solved attempt


@dataclass(frozen=True)
class ProblemDetail:
    row: ProblemRow
    notes: str
    topic_ids: tuple[int, ...]
    attempts: tuple[AttemptRow, ...]  # oldest first


@dataclass(frozen=True)
class ProblemInput:
    title: str
    platform: str
    difficulty: str
    url: str = ""
    patterns: str = ""
    notes: str = ""
    topic_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class AttemptInput:
    attempted_at: datetime
    minutes: int
    solved: bool
    notes: str = ""


@dataclass(frozen=True)
class ImportedProblem:
    """A validated problem from a file: created if new, else its new attempts are added."""

    fields: ProblemInput
    attempts: tuple[AttemptInput, ...]


@dataclass(frozen=True)
class ImportCounts:
    new_problems: int
    existing_problems: int
    new_attempts: int
    skipped_attempts: int  # already recorded: re-importing a file adds nothing twice


@dataclass(frozen=True)
class TopicChoice:
    id: int
    key: str | None
    name: str
    area: str
    is_algorithm: bool


class ProblemRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # reading ----------------------------------------------------------------------

    def target_minutes(self) -> CodingTargets:
        """Coding targets per platform and difficulty (core defaults, then Preferences)."""
        settings = SettingsRepository(self._session)
        return resolve_coding_targets(
            settings.get("coding_targets"), settings.get("target_minutes")
        )

    def list_problems(self) -> list[ProblemRow]:
        """Every problem's line, from three column queries (no ORM objects: thousands of
        problems and attempts as objects took a second)."""
        targets = self.target_minutes()
        topics: dict[int, list[str]] = {}
        for problem_id, name in self._session.execute(
            select(problem_topic.c.problem_id, Topic.name).join(
                Topic, Topic.id == problem_topic.c.topic_id
            )
        ):
            topics.setdefault(problem_id, []).append(name)
        attempts: dict[int, list[_AttemptFacts]] = {}
        for problem_id, attempted_at, minutes, solved in self._session.execute(
            select(
                Attempt.problem_id, Attempt.attempted_at, Attempt.minutes, Attempt.solved
            ).order_by(Attempt.problem_id, Attempt.attempted_at)
        ):
            attempts.setdefault(problem_id, []).append(_AttemptFacts(attempted_at, minutes, solved))
        fields = (Problem.id, Problem.title, Problem.platform, Problem.url, Problem.difficulty)
        query = select(*fields, Problem.patterns).order_by(Problem.title)
        return [
            _summary(
                row,
                tuple(topics.get(row.id, ())),
                attempts.get(row.id, []),
                targets,
            )
            for row in self._session.execute(query)
        ]

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(Problem)) or 0)

    def detail(self, problem_id: int) -> ProblemDetail:
        return _detail(self._get(problem_id), self.target_minutes())

    def all_details(self) -> list[ProblemDetail]:
        """Every problem with its attempts, in two queries (for export)."""
        targets = self.target_minutes()
        query = (
            select(Problem)
            .options(selectinload(Problem.attempts), selectinload(Problem.topics))
            .order_by(Problem.platform, Problem.title)
        )
        return [_detail(problem, targets) for problem in self._session.scalars(query)]

    def topic_choices(self) -> list[TopicChoice]:
        """Every active curriculum topic, algorithm-area topics first."""
        query = (
            select(Topic, Area)
            .join(Area)
            .where(Topic.archived.is_(False))
            .order_by(Area.position, Topic.position, Topic.name)
        )
        choices = [
            TopicChoice(topic.id, topic.key, topic.name, area.name, area.key == ALGORITHMS_AREA)
            for topic, area in self._session.execute(query)
        ]
        return sorted(choices, key=lambda c: not c.is_algorithm)  # stable: keeps the order

    # writing ----------------------------------------------------------------------

    def add_problem(self, data: ProblemInput) -> int:
        problem = Problem()
        self._fill(problem, data)
        self._session.add(problem)
        self._session.flush()
        ReviewRepository(self._session).ensure_card("problem", problem.id)
        return problem.id

    def update_problem(self, problem_id: int, data: ProblemInput) -> None:
        self._fill(self._get(problem_id), data)
        self._session.flush()

    def delete_problem(self, problem_id: int) -> None:
        self._session.delete(self._get(problem_id))

    def add_attempt(self, problem_id: int, data: AttemptInput) -> int:
        problem = self._get(problem_id)
        attempt = Attempt(problem=problem, **_attempt_fields(data))
        self._session.add(attempt)
        self._session.flush()
        return attempt.id

    def update_attempt(self, attempt_id: int, data: AttemptInput) -> None:
        attempt = require(self._session, Attempt, attempt_id)
        for name, value in _attempt_fields(data).items():
            setattr(attempt, name, value)

    def delete_attempt(self, attempt_id: int) -> None:
        attempt = require(self._session, Attempt, attempt_id)
        self._session.delete(attempt)

    def import_problems(self, items: list[ImportedProblem]) -> ImportCounts:
        """Write validated problems in the caller's transaction, in bulk.

        An existing problem (same platform and title) keeps its fields; it gains the
        topics and the attempts it does not have yet. New problems go in with
        executemany inserts: the ORM's per-object bookkeeping is 10x slower for 10,000.
        """
        existing = {(p.platform, p.title): p for p in self._session.scalars(select(Problem))}
        topics = {t.id: t for t in self._session.scalars(select(Topic))}
        fresh = [
            item for item in items if (item.fields.platform, item.fields.title) not in existing
        ]
        new_attempts = skipped = 0
        for item in items:
            problem = existing.get((item.fields.platform, item.fields.title))
            if problem is None:
                continue
            linked = {t.id for t in problem.topics}
            problem.topics.extend(topics[i] for i in item.fields.topic_ids if i not in linked)
            known = {_attempt_key(a.attempted_at, a.minutes, a.solved) for a in problem.attempts}
            for attempt in item.attempts:
                key = _attempt_key(attempt.attempted_at, attempt.minutes, attempt.solved)
                if key in known:
                    skipped += 1
                    continue
                known.add(key)
                problem.attempts.append(Attempt(**_attempt_fields(attempt)))
                new_attempts += 1
        self._session.flush()
        if fresh:
            inserted = self._insert_new(fresh)
            new_attempts += inserted
            skipped += sum(len(item.attempts) for item in fresh) - inserted  # repeated in file
        return ImportCounts(len(fresh), len(items) - len(fresh), new_attempts, skipped)

    def _insert_new(self, items: list[ImportedProblem]) -> int:
        now = utcnow()
        ids = self._session.scalars(
            insert(Problem).returning(Problem.id, sort_by_parameter_order=True),
            [
                {
                    "title": item.fields.title,
                    "platform": item.fields.platform,
                    "difficulty": item.fields.difficulty,
                    "url": item.fields.url,
                    "patterns": item.fields.patterns,
                    "notes": item.fields.notes,
                    "created_at": min((a.attempted_at for a in item.attempts), default=now),
                }
                for item in items
            ],
        ).all()
        attempts = [
            {"problem_id": problem_id, **_attempt_fields(attempt)}
            for problem_id, item in zip(ids, items, strict=True)
            for attempt in _unique_attempts(item.attempts)
        ]
        links = [
            {"problem_id": problem_id, "topic_id": topic_id}
            for problem_id, item in zip(ids, items, strict=True)
            for topic_id in item.fields.topic_ids
        ]
        if attempts:
            self._session.execute(insert(Attempt), attempts)
        if links:
            self._session.execute(insert(problem_topic), links)
        # New problems have no card yet: one executemany instead of a lookup each.
        self._session.execute(
            insert(ReviewCard), [{"kind": "problem", "problem_id": i, "due": now} for i in ids]
        )
        return len(attempts)

    def _get(self, problem_id: int) -> Problem:
        return require(self._session, Problem, problem_id)

    def _fill(self, problem: Problem, data: ProblemInput) -> None:
        title = data.title.strip()
        if not title:
            raise ValueError("a problem needs a title")
        platform = canonical_platform(data.platform) or "Other"
        clash = self._session.scalar(
            select(Problem.id).where(Problem.platform == platform, Problem.title == title)
        )
        if clash is not None and clash != problem.id:
            raise ValueError(f"{title!r} on {platform} is already in your practice log")
        problem.title = title
        problem.platform = platform
        problem.difficulty = data.difficulty
        problem.url = data.url.strip()
        problem.patterns = data.patterns.strip()
        problem.notes = data.notes
        topics = [self._session.get(Topic, topic_id) for topic_id in data.topic_ids]
        problem.topics = [topic for topic in topics if topic is not None]


def _attempt_fields(data: AttemptInput) -> dict[str, object]:
    return {
        "attempted_at": data.attempted_at,
        "minutes": data.minutes,
        "solved": data.solved,
        "notes": data.notes,
    }


def _attempt_key(when: datetime, minutes: int, solved: bool) -> tuple[datetime, int, bool]:
    # Files carry minutes, not seconds: compare attempts to the minute.
    return (when.replace(second=0, microsecond=0), minutes, solved)


def _unique_attempts(attempts: tuple[AttemptInput, ...]) -> list[AttemptInput]:
    seen: set[tuple[datetime, int, bool]] = set()
    unique = []
    for attempt in attempts:
        key = _attempt_key(attempt.attempted_at, attempt.minutes, attempt.solved)
        if key not in seen:
            seen.add(key)
            unique.append(attempt)
    return unique


def _attempt_row(attempt: Attempt, target: int) -> AttemptRow:
    return AttemptRow(
        id=attempt.id,
        problem_id=attempt.problem_id,
        attempted_at=attempt.attempted_at,
        minutes=attempt.minutes,
        solved=attempt.solved,
        notes=attempt.notes,
        against_target=TimeAgainstTarget(attempt.minutes, target),
    )


def _detail(problem: Problem, targets: CodingTargets) -> ProblemDetail:
    target = coding_target(problem.platform, problem.difficulty, targets)
    return ProblemDetail(
        row=_row(problem, targets),
        notes=problem.notes,
        topic_ids=tuple(topic.id for topic in problem.topics),
        attempts=tuple(_attempt_row(a, target) for a in problem.attempts),
    )


@dataclass(frozen=True)
class _AttemptFacts:
    attempted_at: datetime
    minutes: int
    solved: bool


def _row(problem: Problem, targets: CodingTargets) -> ProblemRow:
    topics = tuple(topic.name for topic in problem.topics)
    return _summary(problem, topics, problem.attempts, targets)


def _summary(
    problem: Problem | Row[int, str, str, str, str, str],  # or its columns by name
    topics: tuple[str, ...],
    attempts: Sequence[Attempt | _AttemptFacts],  # ordered by attempted_at
    targets: CodingTargets,
) -> ProblemRow:
    last = attempts[-1] if attempts else None
    solved_minutes = [a.minutes for a in attempts if a.solved]
    return ProblemRow(
        id=problem.id,
        title=problem.title,
        platform=problem.platform,
        url=problem.url,
        difficulty=problem.difficulty,
        patterns=problem.patterns,
        topics=topics,
        target_minutes=coding_target(problem.platform, problem.difficulty, targets),
        attempt_count=len(attempts),
        solved=bool(solved_minutes),
        last_attempt_at=last.attempted_at if last else None,
        last_minutes=last.minutes if last else None,
        best_minutes=min(solved_minutes) if solved_minutes else None,
    )
