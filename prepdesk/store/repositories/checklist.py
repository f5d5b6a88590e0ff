"""A stage's pre-interview checklist: generated items, automatic ticks, the user's edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prepdesk.core.checklist_rules import (
    AREAS_FOR_CATEGORY,
    SECTIONS,
    WEAK_LEVEL,
    ChecklistFacts,
    DesignPractice,
    TimedSolve,
    ValueRehearsal,
    WeakTopic,
    evaluate,
    is_generated,
    item_key,
    items_for,
)
from prepdesk.core.design_practice import DESIGN_STAGE_CATEGORIES
from prepdesk.store.models import (
    Area,
    Attempt,
    ChecklistItem,
    InterviewStage,
    PracticeRun,
    Problem,
    ReviewCard,
    ReviewLog,
    Story,
    StudySession,
    Topic,
)
from prepdesk.store.models.stories import story_competency
from prepdesk.store.repositories.design_practice import DesignPracticeRepository
from prepdesk.store.repositories.lookup import require
from prepdesk.store.repositories.rating_history import latest_level


@dataclass(frozen=True)
class ChecklistRow:
    id: int
    section: str
    text: str
    rule: str | None
    checked: bool  # what the user sees: the override if set, else the rule, else the tick
    automatic: bool  # decided by a rule right now (no override)
    evidence: str  # why a rule decided as it did; "" for the user's own items


class ChecklistRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # reading ----------------------------------------------------------------------------

    def rows(self, stage_id: int, now: datetime) -> list[ChecklistRow]:
        stage = self._stage(stage_id)
        facts = self.facts(stage, now) if any(i.rule for i in stage.checklist) else None
        result = []
        for item in sorted(stage.checklist, key=lambda i: (i.position, i.id)):
            evidence, checked = "", item.checked
            if item.rule and facts is not None:
                verdict = evaluate(item.rule, facts)
                evidence, checked = verdict.evidence, verdict.checked
            if item.override is not None:
                checked = item.override
            result.append(
                ChecklistRow(
                    id=item.id,
                    section=item.section,
                    text=item.text,
                    rule=item.rule,
                    checked=checked,
                    automatic=bool(item.rule) and item.override is None,
                    evidence=evidence,
                )
            )
        return result

    def progress(self, stage_id: int, now: datetime) -> tuple[int, int]:
        rows = self.rows(stage_id, now)
        return sum(r.checked for r in rows), len(rows)

    def facts(self, stage: InterviewStage, now: datetime) -> ChecklistFacts:
        company = stage.company
        category = stage.stage_type.category
        areas = AREAS_FOR_CATEGORY.get(category, ())
        return ChecklistFacts(
            now=now,
            products=company.products,
            ml_usage=company.ml_usage,
            questions_ready=sum(1 for q in company.questions if q.ready),
            values=tuple(self._value_rehearsal(v.id, v.name, now) for v in company.values),
            last_solve=self._last_solve(now),
            last_design=self._last_design(category, now),
            weak_topics=tuple(self.weak_topics(areas)),
            area_names={a.key: a.name for a in self._session.scalars(select(Area))},
        )

    def weak_topics(self, area_keys: tuple[str, ...]) -> list[WeakTopic]:
        """Topics whose latest self-rating is at or below WEAK_LEVEL, weakest first."""
        if not area_keys:
            return []
        level = latest_level()  # the one definition of a topic's current level
        rows = self._session.execute(
            select(Topic, Area.key, level)
            .join(Area, Topic.area_id == Area.id)
            .where(Area.key.in_(area_keys), Topic.archived.is_(False), level <= WEAK_LEVEL)
        ).all()
        weak = [
            WeakTopic(topic.name, area_key, level, self._last_studied(topic.id), topic.id)
            for topic, area_key, level in rows
        ]
        weak.sort(key=lambda t: (t.level, t.name))
        return weak

    def _last_studied(self, topic_id: int) -> datetime | None:
        reviewed = self._session.scalar(
            select(func.max(ReviewLog.reviewed_at))
            .join(ReviewCard, ReviewLog.card_id == ReviewCard.id)
            .where(ReviewCard.topic_id == topic_id)
        )
        studied = self._session.scalar(
            select(func.max(StudySession.started_at)).where(StudySession.topic_id == topic_id)
        )
        moments = [m for m in (reviewed, studied) if m is not None]
        return max(moments) if moments else None

    def _value_rehearsal(self, competency_id: int, name: str, now: datetime) -> ValueRehearsal:
        row = self._session.execute(
            select(Story.title, PracticeRun.practised_at)
            .join(PracticeRun, PracticeRun.story_id == Story.id)
            .join(story_competency, story_competency.c.story_id == Story.id)
            .where(
                story_competency.c.competency_id == competency_id, PracticeRun.practised_at <= now
            )
            .order_by(PracticeRun.practised_at.desc())
            .limit(1)
        ).first()
        if row is None:
            return ValueRehearsal(name)
        return ValueRehearsal(name, row[0], row[1])

    def _last_solve(self, now: datetime) -> TimedSolve | None:
        row = self._session.execute(
            select(Problem.title, Attempt.attempted_at, Attempt.minutes)
            .join(Problem, Attempt.problem_id == Problem.id)
            .where(Attempt.solved.is_(True), Attempt.attempted_at <= now)
            .order_by(Attempt.attempted_at.desc())
            .limit(1)
        ).first()
        return TimedSolve(row[0], row[1], row[2]) if row is not None else None

    def _last_design(self, category: str, now: datetime) -> DesignPractice | None:
        if category not in DESIGN_STAGE_CATEGORIES:
            return None
        return DesignPracticeRepository(self._session).last_practice(now)

    # writing ---------------------------------------------------------------------------

    def generate(self, stage_id: int, now: datetime) -> int:
        """Give a stage the items for its type and company, once; returns how many were added."""
        stage = self._stage(stage_id)
        if stage.checklist:
            return 0
        self.regenerate(stage_id, now)
        return len(stage.checklist)

    def regenerate(self, stage_id: int, now: datetime) -> None:
        """Give a stage the generated items of its current type and format.

        Generated items that still apply stay as they are (with the person's tick or
        override), those that no longer apply go, new ones are added; the person's own
        items stay, after the generated ones of their section.
        """
        stage = self._stage(stage_id)
        items = sorted(stage.checklist, key=lambda i: (i.position, i.id))
        generated = {
            item_key(i.section, i.text, i.rule): i
            for i in items
            if is_generated(i.section, i.text, i.rule)
        }
        own = [i for i in items if not is_generated(i.section, i.text, i.rule)]
        ordered = []
        for template in items_for(stage.stage_type.category, stage.format):
            item = generated.pop(item_key(template.section, template.text, template.rule), None)
            if item is None:
                item = ChecklistItem(
                    section=template.section, text=template.text, rule=template.rule
                )
                stage.checklist.append(item)
            ordered.append(item)
        for gone in generated.values():
            stage.checklist.remove(gone)
        for position, item in enumerate([*ordered, *own]):
            item.position = position
        self._session.flush()
        self.store_verdicts(stage_id, now)

    def store_verdicts(self, stage_id: int, now: datetime) -> None:
        """Record the rules' current decisions in `checked`, so exports see them too."""
        stage = self._stage(stage_id)
        by_id = {row.id: row for row in self.rows(stage_id, now)}
        for item in stage.checklist:
            if item.rule and item.override is None:
                item.checked = by_id[item.id].checked

    def set_checked(self, item_id: int, checked: bool) -> None:
        """The user's tick: an override on automatic items, the tick itself on their own."""
        item = self._item(item_id)
        if item.rule:
            item.override = checked
        else:
            item.checked = checked

    def clear_override(self, item_id: int) -> None:
        self._item(item_id).override = None

    def add(self, stage_id: int, section: str, text: str) -> int:
        if not text.strip():
            raise ValueError("the item is empty")
        if section not in SECTIONS:
            raise ValueError(f"unknown section {section!r}")
        stage = self._stage(stage_id)
        position = max((i.position for i in stage.checklist), default=-1) + 1
        item = ChecklistItem(
            stage_id=stage.id, section=section, text=text.strip(), position=position
        )
        self._session.add(item)
        self._session.flush()
        return item.id

    def remove(self, item_id: int) -> None:
        self._session.delete(self._item(item_id))

    def move(self, item_id: int, delta: int) -> None:
        """Move an item up (-1) or down (+1) within its section."""
        item = self._item(item_id)
        ordered = sorted(item.stage.checklist, key=lambda i: (i.position, i.id))
        section = [i for i in ordered if i.section == item.section]
        index = section.index(item)
        target = index + delta
        if not 0 <= target < len(section):
            return
        other = section[target]
        for position, row in enumerate(ordered):
            row.position = position
        item.position, other.position = other.position, item.position

    # helpers ---------------------------------------------------------------------------

    def _stage(self, stage_id: int) -> InterviewStage:
        return require(self._session, InterviewStage, stage_id)

    def _item(self, item_id: int) -> ChecklistItem:
        return require(self._session, ChecklistItem, item_id)
