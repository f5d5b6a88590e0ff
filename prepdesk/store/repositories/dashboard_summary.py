"""The dashboard's numbers: countdown, upcoming stages, readiness inputs, due rehearsals.

Every query aggregates in SQL and returns plain frozen dataclasses.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from prepdesk.core.dashboard_numbers import UpcomingStage
from prepdesk.core.readiness import ReadinessInputs, TopicStanding, design_applies
from prepdesk.store.models import (
    Area,
    Company,
    Competency,
    InterviewStage,
    ReviewCard,
    StageType,
    Topic,
)
from prepdesk.store.models.companies import company_value
from prepdesk.store.models.stories import story_competency
from prepdesk.store.repositories.checklist import ChecklistRepository
from prepdesk.store.repositories.design_practice import DesignPracticeRepository
from prepdesk.store.repositories.next_interview import (
    INACTIVE_STATUSES,
    NextInterview,
    next_interview,
)
from prepdesk.store.repositories.rating_history import latest_level
from prepdesk.store.repositories.reviews import ReviewRepository


class DashboardSummaryRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def next_interview(self, now: datetime) -> NextInterview | None:
        return next_interview(self._session, now)

    def upcoming_stages(self, now: datetime, limit: int = 5) -> list[UpcomingStage]:
        rows = self._session.execute(
            select(InterviewStage.id, InterviewStage.scheduled_at, Company.name, StageType.name)
            .join(Company, InterviewStage.company_id == Company.id)
            .join(StageType, InterviewStage.stage_type_id == StageType.id)
            .where(
                InterviewStage.scheduled_at >= now,
                Company.status.not_in(INACTIVE_STATUSES),
            )
            .order_by(InterviewStage.scheduled_at)
            .limit(limit)
        )
        # scheduled_at >= now: never None here
        return [
            UpcomingStage(sid, at, company, stage)
            for sid, at, company, stage in rows
            if at is not None
        ]

    def readiness_inputs(self, now: datetime) -> tuple[NextInterview | None, ReadinessInputs]:
        upcoming = self.next_interview(now)
        when = upcoming.at if upcoming is not None else now
        rows = self._session.execute(
            select(Topic.id, Area.key, latest_level(), Topic.target_level, Topic.weight)
            .join(Area, Topic.area_id == Area.id)
            .where(Topic.archived.is_(False))
        ).all()
        recall = ReviewRepository(self._session).recall_at("topic", [r[0] for r in rows], when)
        topics = tuple(
            TopicStanding(area, level, target, weight, recall.get(topic_id), topic_id)
            for topic_id, area, level, target, weight in rows
        )
        total, covered = self._value_coverage(upcoming)
        checked_total, checked_done = self._checklist(upcoming, now)
        category = upcoming.category if upcoming else None
        design = (
            DesignPracticeRepository(self._session).recent_scores(now)
            if design_applies(category)
            else ()
        )
        inputs = ReadinessInputs(
            category=category,
            topics=topics,
            values_total=total,
            values_covered=covered,
            checklist_total=checked_total,
            checklist_done=checked_done,
            design_scores=design,
        )
        return upcoming, inputs

    def _value_coverage(self, upcoming: NextInterview | None) -> tuple[int, int]:
        """(values the company holds, of which covered by a story); all competencies if none."""
        covered_expr = func.count(
            func.distinct(case((story_competency.c.story_id.is_not(None), Competency.id)))
        )
        query = select(func.count(func.distinct(Competency.id)), covered_expr).outerjoin(
            story_competency, story_competency.c.competency_id == Competency.id
        )
        if upcoming is not None and upcoming.stage_id is not None:
            company_id = self._session.scalar(
                select(InterviewStage.company_id).where(InterviewStage.id == upcoming.stage_id)
            )
            values = select(company_value.c.competency_id).where(
                company_value.c.company_id == company_id
            )
            if self._session.scalar(select(func.count()).select_from(values.subquery())):
                query = query.where(Competency.id.in_(values))
        total, covered = self._session.execute(query).one()
        return int(total or 0), int(covered or 0)

    def _checklist(self, upcoming: NextInterview | None, now: datetime) -> tuple[int, int]:
        """(items, of which ticked), automatic items as their rules decide now: the same
        count as the checklist window's."""
        if upcoming is None or upcoming.stage_id is None:
            return 0, 0
        done, total = ChecklistRepository(self._session).progress(upcoming.stage_id, now)
        return total, done

    def due_rehearsals(self, now: datetime) -> int:
        """Story cards due by `now` (never-rehearsed ones too), as the Practice tab lists them."""
        query = select(func.count(ReviewCard.id)).where(
            ReviewCard.kind == "story",
            ReviewCard.due <= now,
            ReviewCard.suspended.is_(False),
        )
        return int(self._session.scalar(query) or 0)
