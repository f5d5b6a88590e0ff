"""ML system design prompts and timed sessions; technical questions for drills."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from prepdesk.core.design_practice import PHASE_KEYS
from prepdesk.core.question_drills import QUESTION_DIFFICULTIES
from prepdesk.store.models.base import Base, UTCDateTime, link_table, one_of, utcnow
from prepdesk.store.models.topics import Topic

tech_question_topic = link_table(
    "tech_question_topic", ("question_id", "tech_question"), ("topic_id", "topic")
)


class DesignPrompt(Base):
    """An ML system design question to practise; lists are kept one item per line."""

    __tablename__ = "design_prompt"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(100), unique=True)  # built-in ones
    title: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(64), default="Other")
    brief: Mapped[str] = mapped_column(Text, default="")
    clarifying: Mapped[str] = mapped_column(Text, default="")
    tradeoffs: Mapped[str] = mapped_column(Text, default="")
    covers: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    sessions: Mapped[list[DesignSession]] = relationship(
        back_populates="prompt", cascade="all, delete-orphan", order_by="DesignSession.started_at"
    )


class DesignSession(Base):
    """One timed practice answer to a prompt, then its self-scoring."""

    __tablename__ = "design_session"
    __table_args__ = (
        CheckConstraint("total_minutes BETWEEN 10 AND 180", name="total_minutes_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    prompt_id: Mapped[int] = mapped_column(
        ForeignKey("design_prompt.id", ondelete="CASCADE"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    total_minutes: Mapped[int] = mapped_column(Integer, default=45)
    covered: Mapped[str] = mapped_column(Text, default="")  # ticked "covers" items, per line
    improve: Mapped[str] = mapped_column(Text, default="")
    scored: Mapped[bool] = mapped_column(Boolean, default=False)

    prompt: Mapped[DesignPrompt] = relationship(back_populates="sessions")
    phases: Mapped[list[DesignPhase]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="DesignPhase.position"
    )


class DesignPhase(Base):
    """One phase of a session: its budget, the time spent, the notes and the self-score."""

    __tablename__ = "design_phase"
    __table_args__ = (
        UniqueConstraint("session_id", "phase"),
        one_of("phase", PHASE_KEYS, "phase_valid"),
        CheckConstraint("score IS NULL OR score BETWEEN 1 AND 4", name="score_range"),
        CheckConstraint("budget_seconds >= 0 AND spent_seconds >= 0", name="seconds_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("design_session.id", ondelete="CASCADE"))
    phase: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    budget_seconds: Mapped[int] = mapped_column(Integer, default=0)
    spent_seconds: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[int | None] = mapped_column(Integer)

    session: Mapped[DesignSession] = relationship(back_populates="phases")


class TechQuestion(Base):
    """A technical interview question, with the person's own answer in Markdown."""

    __tablename__ = "tech_question"
    __table_args__ = (one_of("difficulty", QUESTION_DIFFICULTIES, "difficulty_valid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(100), unique=True)  # built-in ones
    text: Mapped[str] = mapped_column(Text)
    difficulty: Mapped[str] = mapped_column(String(16), default="medium")
    answer: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    topics: Mapped[list[Topic]] = relationship(secondary=tech_question_topic)
