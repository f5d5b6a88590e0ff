"""Coding-practice log: problems (LeetCode, HackerRank, Kaggle, ...) and attempts."""

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

from prepdesk.core.practice import DIFFICULTIES
from prepdesk.store.models.base import Base, UTCDateTime, link_table, one_of, utcnow
from prepdesk.store.models.topics import Topic

problem_topic = link_table("problem_topic", ("problem_id", "problem"), ("topic_id", "topic"))


class Problem(Base):
    __tablename__ = "problem"
    __table_args__ = (
        one_of("difficulty", DIFFICULTIES, name="difficulty_valid"),
        UniqueConstraint("platform", "title", name="uq_problem_platform_title"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    platform: Mapped[str] = mapped_column(String(64), default="LeetCode")
    url: Mapped[str] = mapped_column(Text, default="")
    difficulty: Mapped[str] = mapped_column(String(16), default="medium")
    patterns: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    topics: Mapped[list[Topic]] = relationship(secondary=problem_topic)
    attempts: Mapped[list[Attempt]] = relationship(
        back_populates="problem", cascade="all, delete-orphan", order_by="Attempt.attempted_at"
    )


class Attempt(Base):
    __tablename__ = "attempt"
    __table_args__ = (CheckConstraint("minutes >= 0 AND minutes <= 1440", name="minutes_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problem.id", ondelete="CASCADE"), index=True
    )
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    solved: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    problem: Mapped[Problem] = relationship(back_populates="attempts")
