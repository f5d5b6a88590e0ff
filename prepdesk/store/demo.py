"""Sample data for `prepdesk demo`: someone about four months into preparing for ML interviews.

Everything is derived from `today` and one seeded random generator, so the same call
always writes the same rows. Review cards get real FSRS state from simulated histories.
"""

from __future__ import annotations

import random
from dataclasses import fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import fsrs
from sqlalchemy import inspect, null, select
from sqlalchemy.orm import Session, selectinload

from prepdesk.core.coding_targets import DEFAULT_CODING_TARGETS, coding_target
from prepdesk.store import demo_content as text
from prepdesk.store import models as m
from prepdesk.store.demo_ml_practice import fill_ml_practice_demo
from prepdesk.store.demo_problems import PROBLEMS
from prepdesk.store.first_run import mark_first_run_done
from prepdesk.store.repositories.role_profiles import RoleProfileRepository

PREP_DAYS = 120  # how long the sample person has been preparing


_SCHEDULER = fsrs.Scheduler(desired_retention=0.9, enable_fuzzing=False)
_GRADES = (fsrs.Rating.Again, fsrs.Rating.Hard, fsrs.Rating.Good, fsrs.Rating.Easy)
ReviewHistory = list[tuple[int, datetime, int]]  # rating, reviewed at, duration in ms


def fill_demo_data(session: Session, today: date, seed: int = 7) -> None:
    """Add the sample data to `session` (the caller commits)."""
    # The sample person prepares for ML engineer roles and did the first run long ago.
    RoleProfileRepository(session).apply("ml-engineer")
    mark_first_run_done(session)
    demo = _DemoBuilder(session, today, random.Random(seed))
    demo.add_ratings()
    demo.add_study_sessions()
    demo.review_topic_cards()
    demo.add_problems()
    stories = demo.add_stories(demo.add_projects())
    demo.add_practice_runs(stories)
    for spec in text.COMPANIES:
        demo.add_company(spec)
    session.flush()
    fill_ml_practice_demo(session, today)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), UTC)


def _same_named(spec: Any, model: type[m.Base]) -> dict[str, Any]:
    """The fields of a content record that are columns of `model` by the same name."""
    columns = inspect(model).columns.keys()
    return {
        field.name: getattr(spec, field.name) for field in fields(spec) if field.name in columns
    }


def _grade_weights(skill: int) -> tuple[float, float, float, float]:
    """Chances of Again, Hard, Good, Easy for a card at this skill level (0-5)."""
    if skill <= 1:
        return (2.5, 3, 6, 0.5)
    if skill <= 3:
        return (1.2, 2, 7, 1)
    return (0.5, 1, 7, 3)


class _DemoBuilder:
    """Adds one part of the sample at a time; holds what later parts need from earlier ones."""

    def __init__(self, session: Session, today: date, rng: random.Random) -> None:
        self.session = session
        self.today = today
        self.rng = rng
        topics = session.scalars(select(m.Topic).order_by(m.Topic.id))
        self.topics = {t.key: t for t in topics if t.key}
        self.competencies = {c.name: c for c in session.scalars(select(m.Competency))}
        self.levels: dict[int, int] = {}  # topic id -> today's self-rating
        self.first_rated: dict[int, datetime] = {}

    def day(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)

    def some_time(self, days_ago: int, hours: tuple[int, int] = (7, 21)) -> datetime:
        """A random minute between the given hours, `days_ago` days before today."""
        return _at(self.day(days_ago), self.rng.randint(*hours), self.rng.randint(0, 59))

    # --- ratings and study sessions -----------------------------------------------------

    def add_ratings(self) -> None:
        """A rising, uneven history per topic, from the first week to the last three."""
        rng = self.rng
        for key, topic in self.topics.items():
            if key in text.NEVER_RATED:
                continue
            final = text.FINAL_LEVELS.get(key, rng.choice((2, 2, 3, 3, 3, 4)))
            start = max(0, final - rng.randint(1, 3)) if final >= 2 else 0
            count = rng.randint(3, 6) if final else 2
            path = [start, *sorted(rng.randint(start, final) for _ in range(count - 2)), final]
            if count >= 4 and rng.random() < 0.3:
                path[-2] = max(0, path[-2] - 1)  # a wobble: confidence dropped after a mock
            first, last = rng.randint(0, 12), PREP_DAYS - rng.randint(1, 21)
            days = [first, *sorted(rng.sample(range(first + 1, last), count - 2)), last]
            for index, (level, day) in enumerate(zip(path, days, strict=True)):
                note = "Initial self-assessment" if index == 0 else ""
                if index == count - 1 and rng.random() < 0.3:
                    note = "After a mock interview question on this"
                when = self.some_time(PREP_DAYS - day, (18, 21))
                self.session.add(m.Rating(topic_id=topic.id, level=level, rated_at=when, note=note))
            self.levels[topic.id] = final
            self.first_rated[topic.id] = _at(self.day(PREP_DAYS - first), 21)

    def add_study_sessions(self) -> None:
        """Evenings on weekdays, longer mornings at weekends; weaker topics come up more."""
        rng = self.rng
        studied = [t for t in self.topics.values() if self.levels.get(t.id)]  # 0: not started
        weights = [t.weight * (max(t.target_level - self.levels[t.id], 0) + 0.5) for t in studied]
        for days_ago in range(PREP_DAYS, 0, -1):
            weekend = self.day(days_ago).weekday() >= 5
            if rng.random() < (0.1 if weekend else 0.2):
                continue  # a day off
            start = self.some_time(days_ago, (9, 10) if weekend else (18, 19))
            for _ in range(rng.randint(2, 3) if weekend else rng.randint(1, 2)):
                topic = rng.choices(studied, weights)[0]
                minutes = rng.randint(45, 120) if weekend else rng.randint(20, 90)
                note = rng.choice(text.SESSION_NOTES) if rng.random() < 0.35 else ""
                self.session.add(
                    m.StudySession(topic_id=topic.id, started_at=start, minutes=minutes, note=note)
                )
                start += timedelta(minutes=minutes + rng.randint(10, 30))

    # --- spaced review ------------------------------------------------------------------

    def review(self, row: m.ReviewCard, start: datetime, skill: int, ms: tuple[int, int]) -> None:
        """Give `row` the FSRS state of a simulated history: reviews from `start`, a little
        late now and then, until a recent day (some cards have been let slide since)."""
        rng = self.rng
        stop = _at(self.day(rng.choice((0, 0, 0, 0, 1, 3, 6))), 0)
        card = fsrs.Card(card_id=1, due=start)
        history: ReviewHistory = []
        when = start
        while when < stop and len(history) < 50:
            # Reviewing makes the material stick: one skill level better every eight reviews.
            grade = rng.choices(_GRADES, _grade_weights(skill + len(history) // 8))[0]
            card, _ = _SCHEDULER.review_card(card, grade, review_datetime=when)
            history.append((grade.value, when, rng.randint(*ms)))
            if card.state == fsrs.State.Review:
                day = card.due.date() + timedelta(days=rng.choice((0, 0, 0, 1, 1, 2, 4)))
                when = max(card.due, _at(day, rng.randint(7, 21), rng.randint(0, 59)))
            else:  # learning steps are minutes apart: done in the same sitting
                when = card.due + timedelta(minutes=rng.randint(0, 20))
        # null(), not None: on a new row None would let the column default (0) fill in.
        row.state, row.due = card.state.value, card.due
        row.step = card.step if card.step is not None else null()
        row.stability, row.difficulty = card.stability, card.difficulty
        row.last_review = card.last_review
        for rating, reviewed_at, duration_ms in history:
            row.logs.append(
                m.ReviewLog(rating=rating, reviewed_at=reviewed_at, duration_ms=duration_ms)
            )

    def let_slide(self, row: m.ReviewCard, start: datetime) -> None:
        """Drop `row`'s latest reviews until the FSRS state replayed from the rest is due
        before today: a real history, just stopped early. Uses no random numbers."""
        logs = list(row.logs)
        for keep in range(len(logs) - 1, 0, -1):
            card = fsrs.Card(card_id=1, due=start)
            for log in logs[:keep]:
                card, _ = _SCHEDULER.review_card(
                    card, fsrs.Rating(log.rating), review_datetime=log.reviewed_at
                )
            if card.due < _at(self.today, 0):
                del row.logs[keep:]
                row.state, row.due = card.state.value, card.due
                row.step = card.step if card.step is not None else null()
                row.stability, row.difficulty = card.stability, card.difficulty
                row.last_review = card.last_review
                return

    def review_topic_cards(self) -> None:
        query = (
            select(m.ReviewCard)
            .where(m.ReviewCard.kind == "topic")
            .order_by(m.ReviewCard.id)
            .options(selectinload(m.ReviewCard.logs))  # not one query (and flush) a card
        )
        for row in self.session.scalars(query).all():
            # Only topics actually studied were ever reviewed: one rated 0 is not started.
            if row.topic_id in self.first_rated and self.levels.get(row.topic_id, 0) > 0:
                start = self.first_rated[row.topic_id] + timedelta(hours=12)
                self.review(row, start, self.levels[row.topic_id], (4_000, 45_000))
            else:
                row.due = _at(self.today, 7)  # never reviewed: a new card, due now

    # --- coding problems ----------------------------------------------------------------

    def add_problems(self) -> None:
        rng = self.rng
        skill = {"easy": 4, "medium": 3, "hard": 1}
        for spec in PROBLEMS:
            problem = m.Problem(
                title=spec.title,
                platform=spec.platform,
                url=spec.link(),
                difficulty=spec.difficulty,
                patterns=spec.patterns,
                notes=spec.lesson,
                topics=[self.topics[k] for k in spec.topic_keys() if k in self.topics],
            )
            count = rng.randint(1, 4)
            days_ago = [spec.last_days_ago]
            while len(days_ago) < count:
                days_ago.insert(0, days_ago[0] + rng.randint(3, 14))
            # Judged like the app judges it: a Kaggle notebook by Kaggle's targets.
            target = coding_target(spec.platform, spec.difficulty, DEFAULT_CODING_TARGETS)
            for index, day in enumerate(days_ago):
                solved = rng.random() < (0.85 if index == count - 1 else 0.35)
                minutes = round(target * rng.uniform(0.6, 1.8))
                notes = rng.choice(
                    text.FAILED_ATTEMPT_NOTES
                    if not solved
                    else text.SLOW_SOLVED_NOTES
                    if minutes > target
                    else text.SOLVED_ATTEMPT_NOTES
                )
                when = self.some_time(day)
                problem.attempts.append(
                    m.Attempt(attempted_at=when, minutes=minutes, solved=solved, notes=notes)
                )
            problem.created_at = problem.attempts[0].attempted_at
            self.session.add(problem)
            self.session.flush()  # the review card needs the problem's id
            row = m.ReviewCard(kind="problem", problem_id=problem.id)
            start = problem.created_at + timedelta(hours=2)
            self.review(row, start, skill[spec.difficulty], (20_000, 120_000))
            self.session.add(row)

    # --- projects, stories and rehearsals -----------------------------------------------

    def add_projects(self) -> dict[str, m.Project]:
        projects: dict[str, m.Project] = {}
        for index, spec in enumerate(text.PROJECTS):
            written = _at(self.day(PREP_DAYS - 3 - index), 20)
            projects[spec.key] = m.Project(
                **_same_named(spec, m.Project),
                started_on=self.day(spec.started_days_ago),
                ended_on=self.day(spec.ended_days_ago) if spec.ended_days_ago else None,
                created_at=written,
                updated_at=written + timedelta(days=20 + 9 * index),
            )
            self.session.add(projects[spec.key])
        return projects

    def add_stories(self, projects: dict[str, m.Project]) -> list[m.Story]:
        """STAR stories, each linked to built-in questions asking for its competencies."""
        rng = self.rng
        questions = self.session.scalars(
            select(m.BehavioralQuestion).order_by(m.BehavioralQuestion.id)
        ).all()
        stories: list[m.Story] = []
        for spec in text.STORIES:
            written = self.some_time(rng.randint(60, 105), (19, 22))
            matching = [
                q for q in questions if q.competency and q.competency.name in spec.competencies
            ]
            story = m.Story(
                **_same_named(spec, m.Story),
                project=projects.get(spec.project_key or ""),
                created_at=written,
                updated_at=written + timedelta(days=rng.randint(5, 40)),
                competencies=[self.competencies[name] for name in spec.competencies],
                questions=rng.sample(matching, min(len(matching), rng.randint(2, 4))),
                follow_ups=[
                    m.FollowUp(question=q, answer_notes=a, position=i)
                    for i, (q, a) in enumerate(spec.follow_ups.items())
                ],
            )
            self.session.add(story)
            stories.append(story)
        self.session.flush()  # the review cards need the stories' ids
        for index, story in enumerate(stories):
            row = m.ReviewCard(kind="story", story_id=story.id)
            self.review(row, story.created_at + timedelta(days=1), 3, (60_000, 180_000))
            if index < 2:  # two stories' last rehearsals were skipped: due again today
                self.let_slide(row, story.created_at + timedelta(days=1))
            self.session.add(row)
        return stories

    def add_practice_runs(self, stories: list[m.Story]) -> None:
        """Timed rehearsals over the last five weeks, getting better; one in the last days."""
        rng = self.rng
        count = rng.randint(12, 18)
        days_ago = [rng.randint(1, 4), *(rng.randint(1, 35) for _ in range(count - 1))]
        for day in sorted(days_ago, reverse=True):
            story = rng.choice(stories)
            score = round(2.5 + 2 * (1 - day / 35) + rng.uniform(-1, 1))
            self.session.add(
                m.PracticeRun(
                    story=story,
                    question=rng.choice(story.questions),
                    practised_at=self.some_time(day),
                    target_seconds=120,
                    duration_seconds=rng.randint(80, 170),
                    score=min(5, max(2, score)),
                    note=rng.choice(text.PRACTICE_NOTES),
                )
            )

    # --- companies and the interview pipeline -------------------------------------------

    def add_company(self, spec: text.CompanyText) -> None:
        rng = self.rng
        added = _at(self.day(spec.created_days_ago), 19)
        company = m.Company(
            **_same_named(spec, m.Company),
            created_at=added,
            updated_at=added + timedelta(days=spec.created_days_ago // 2),
            values=[self.competencies[name] for name in spec.values],
            people=[m.Person(name=n, role=r, notes=notes) for n, r, notes in spec.people],
        )
        bank = self.session.scalars(select(m.AskQuestion).order_by(m.AskQuestion.id)).all()
        for position, asked in enumerate(rng.sample(bank, rng.randint(4, 6))):
            company.questions.append(
                m.CompanyQuestion(
                    bank_id=asked.id,
                    text=asked.text,
                    category=asked.category,
                    ready=rng.random() < 0.5,
                    position=position,
                )
            )
        self.session.add(company)
        for position, stage_spec in enumerate(spec.stages):
            self.add_stage(company, spec.timezone, position, stage_spec)

    def add_stage(self, company: m.Company, zone: str, position: int, spec: text.StageText) -> None:
        types = {t.name: t for t in self.session.scalars(select(m.StageType))}
        scheduled = None
        if spec.days_from_today is not None:
            local = datetime.combine(self.day(-spec.days_from_today), time(spec.local_hour))
            scheduled = local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
        stage = m.InterviewStage(
            **_same_named(spec, m.InterviewStage),
            stage_type=types[spec.type_name],
            position=position,
            scheduled_at=scheduled,
            timezone=zone,
            interviewers=[company.people[i] for i in spec.interviewers],
        )
        for asked, question_text, topic_key in spec.asked:
            question = self.session.scalars(
                select(m.BehavioralQuestion).where(m.BehavioralQuestion.text == question_text)
            ).first()
            topic = self.topics.get(topic_key or "")
            stage.asked_questions.append(
                m.DebriefQuestion(
                    text=asked,
                    behavioral_question_id=question.id if question else None,
                    topic_id=topic.id if topic else None,
                )
            )
        company.stages.append(stage)
        if spec.days_from_today is not None and spec.days_from_today >= 0:
            self.add_checklist(stage, spec.days_from_today)

    def add_checklist(self, stage: m.InterviewStage, days_ahead: int) -> None:
        """The generated checklist; nearer stages have more of the manual items ticked."""
        from prepdesk.store.repositories.checklist import ChecklistRepository

        self.session.flush()  # the generator needs the stage's id
        ChecklistRepository(self.session).generate(stage.id, _at(self.today, 8))
        odds = {"logistics": 0.6, "day-before": 0.0}
        nearness = 1.0 if days_ahead <= 7 else 0.4
        for item in stage.checklist:
            if item.rule is None:
                item.checked = self.rng.random() < odds.get(item.section, 0.5) * nearness
