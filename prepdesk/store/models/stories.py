"""Projects, STAR stories, competencies, behavioral questions and practice runs."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from prepdesk.store.models.base import Base, UTCDateTime, link_table, utcnow

story_competency = link_table(
    "story_competency", ("story_id", "story"), ("competency_id", "competency")
)

story_question = link_table(
    "story_question", ("story_id", "story"), ("question_id", "behavioral_question")
)


class Project(Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(200), default="")
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    problem: Mapped[str] = mapped_column(Text, default="")
    approach: Mapped[str] = mapped_column(Text, default="")
    challenges: Mapped[str] = mapped_column(Text, default="")
    results: Mapped[str] = mapped_column(Text, default="")
    tech_stack: Mapped[str] = mapped_column(Text, default="")
    links: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    stories: Mapped[list[Story]] = relationship(back_populates="project")


class Competency(Base):
    """What a behavioral answer shows: teamwork, conflict resolution, ..."""

    __tablename__ = "competency"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Story(Base):
    """A STAR answer (Situation, Task, Action, Result), optionally from a project."""

    __tablename__ = "story"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("project.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    situation: Mapped[str] = mapped_column(Text, default="")
    task: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    metrics: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    project: Mapped[Project | None] = relationship(back_populates="stories")
    competencies: Mapped[list[Competency]] = relationship(secondary=story_competency)
    questions: Mapped[list[BehavioralQuestion]] = relationship(
        secondary=story_question, back_populates="stories"
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="story", cascade="all, delete-orphan", order_by="FollowUp.position"
    )


class FollowUp(Base):
    """A likely follow-up question on a story, with short answer notes."""

    __tablename__ = "follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"), index=True)
    question: Mapped[str] = mapped_column(Text)
    answer_notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    story: Mapped[Story] = relationship(back_populates="follow_ups")


class BehavioralQuestion(Base):
    __tablename__ = "behavioral_question"
    __table_args__ = (
        CheckConstraint("source IN ('builtin', 'user', 'debrief')", name="source_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text, unique=True)
    competency_id: Mapped[int | None] = mapped_column(
        ForeignKey("competency.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str] = mapped_column(String(16), default="user")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    competency: Mapped[Competency | None] = relationship()
    stories: Mapped[list[Story]] = relationship(
        secondary=story_question, back_populates="questions"
    )


class PracticeRun(Base):
    """One timed rehearsal of an answer, aloud, against a countdown."""

    __tablename__ = "practice_run"
    __table_args__ = (
        CheckConstraint("score IS NULL OR score BETWEEN 1 AND 5", name="score_range"),
        CheckConstraint("duration_seconds >= 0", name="duration_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("story.id", ondelete="SET NULL"), index=True
    )
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("behavioral_question.id", ondelete="SET NULL"), index=True
    )
    practised_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    target_seconds: Mapped[int] = mapped_column(Integer, default=120)
    duration_seconds: Mapped[int] = mapped_column(Integer)
    score: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")

    story: Mapped[Story | None] = relationship()
    question: Mapped[BehavioralQuestion | None] = relationship()
