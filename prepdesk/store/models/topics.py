"""Curriculum, self-ratings, study sessions and spaced-review cards."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from prepdesk.core.levels import DEFAULT_TARGET, LEVEL_MAX, LEVEL_MIN
from prepdesk.core.limits import SESSION_MINUTES
from prepdesk.store.models.base import Base, UTCDateTime, utcnow

LEVEL_CHECK = f"BETWEEN {LEVEL_MIN} AND {LEVEL_MAX}"
DEFAULT_HOURS_PER_LEVEL = 1.5


class Area(Base):
    """A top-level part of the curriculum (mathematics, programming, ...)."""

    __tablename__ = "area"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    topics: Mapped[list[Topic]] = relationship(
        back_populates="area", order_by="Topic.position", cascade="all, delete-orphan"
    )


class Topic(Base):
    """Something to master; topics can nest under a parent topic within an area."""

    __tablename__ = "topic"
    __table_args__ = (
        CheckConstraint(f"target_level {LEVEL_CHECK}", name="target_level_range"),
        CheckConstraint("weight > 0", name="weight_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("topic.id", ondelete="SET NULL"), index=True
    )
    key: Mapped[str | None] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    resources: Mapped[str] = mapped_column(Text, default="")
    target_level: Mapped[int] = mapped_column(Integer, default=DEFAULT_TARGET)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    hours_per_level: Mapped[float] = mapped_column(Float, default=DEFAULT_HOURS_PER_LEVEL)
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    area: Mapped[Area] = relationship(back_populates="topics")
    parent: Mapped[Topic | None] = relationship(remote_side=[id])
    ratings: Mapped[list[Rating]] = relationship(
        back_populates="topic", order_by="Rating.rated_at", cascade="all, delete-orphan"
    )
    sessions: Mapped[list[StudySession]] = relationship(
        back_populates="topic", cascade="all, delete-orphan"
    )


class Rating(Base):
    """One self-assessment of a topic; history is kept, never overwritten."""

    __tablename__ = "rating"
    __table_args__ = (
        CheckConstraint(f"level {LEVEL_CHECK}", name="level_range"),
        # A topic's latest rating (and its latest before a date) is one index seek.
        Index("ix_rating_topic_id_rated_at", "topic_id", "rated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    rated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    note: Mapped[str] = mapped_column(Text, default="")

    topic: Mapped[Topic] = relationship(back_populates="ratings")


class StudySession(Base):
    """Minutes spent studying one topic."""

    __tablename__ = "study_session"
    __table_args__ = (
        CheckConstraint(
            f"minutes > 0 AND minutes <= {SESSION_MINUTES.high:g}", name="minutes_range"
        ),
        # Covers each topic's total minutes and last session without reading the rows.
        Index("ix_study_session_topic_id_started_at", "topic_id", "started_at", "minutes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")

    topic: Mapped[Topic] = relationship(back_populates="sessions")


class ReviewCard(Base):
    """FSRS scheduling state for one topic, coding problem, story, design prompt or
    technical question.

    Exactly one of the owner columns is set; `kind` says which.
    """

    __tablename__ = "review_card"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('topic', 'problem', 'story', 'design', 'question')", name="kind_valid"
        ),
        CheckConstraint(
            "(topic_id IS NOT NULL) + (problem_id IS NOT NULL) + (story_id IS NOT NULL)"
            " + (design_prompt_id IS NOT NULL) + (question_id IS NOT NULL) = 1",
            name="one_owner",
        ),
        CheckConstraint("state IN (1, 2, 3)", name="state_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("topic.id", ondelete="CASCADE"), unique=True
    )
    problem_id: Mapped[int | None] = mapped_column(
        ForeignKey("problem.id", ondelete="CASCADE"), unique=True
    )
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("story.id", ondelete="CASCADE"), unique=True
    )
    design_prompt_id: Mapped[int | None] = mapped_column(
        ForeignKey("design_prompt.id", ondelete="CASCADE"), unique=True
    )
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("tech_question.id", ondelete="CASCADE"), unique=True
    )
    state: Mapped[int] = mapped_column(Integer, default=1)
    step: Mapped[int | None] = mapped_column(Integer, default=0)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime)
    suspended: Mapped[bool] = mapped_column(Boolean, default=False)

    logs: Mapped[list[ReviewLog]] = relationship(
        back_populates="card", cascade="all, delete-orphan", order_by="ReviewLog.reviewed_at"
    )


class ReviewLog(Base):
    """One review of a card: the grade given (1 Again .. 4 Easy) and when."""

    __tablename__ = "review_log"
    __table_args__ = (CheckConstraint("rating BETWEEN 1 AND 4", name="rating_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(
        ForeignKey("review_card.id", ondelete="CASCADE"), index=True
    )
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    duration_ms: Mapped[int | None] = mapped_column(Integer)

    card: Mapped[ReviewCard] = relationship(back_populates="logs")


class Setting(Base):
    """A user preference that travels with the data (JSON-encoded value)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
