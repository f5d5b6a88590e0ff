"""Companies, people, questions to ask, the interview pipeline and checklists."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from prepdesk.core.interview_pipeline import (
    ASK_CATEGORIES,
    COMPANY_STATUSES,
    STAGE_CATEGORIES,
    STAGE_FORMATS,
)
from prepdesk.store.models.base import Base, UTCDateTime, link_table, one_of, utcnow
from prepdesk.store.models.stories import Competency

company_value = link_table(
    "company_value", ("company_id", "company"), ("competency_id", "competency")
)

stage_interviewer = link_table(
    "stage_interviewer", ("stage_id", "interview_stage"), ("person_id", "person")
)


class Company(Base):
    __tablename__ = "company"
    __table_args__ = (one_of("status", COMPANY_STATUSES, name="status_valid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="researching")
    links: Mapped[str] = mapped_column(Text, default="")
    products: Mapped[str] = mapped_column(Text, default="")
    ml_usage: Mapped[str] = mapped_column(Text, default="")
    culture: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # The company's stated values, expressed as competencies so stories can be matched.
    values: Mapped[list[Competency]] = relationship(secondary=company_value)
    people: Mapped[list[Person]] = relationship(
        back_populates="company", cascade="all, delete-orphan"
    )
    questions: Mapped[list[CompanyQuestion]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="CompanyQuestion.position"
    )
    stages: Mapped[list[InterviewStage]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="InterviewStage.position"
    )


class Person(Base):
    """A recruiter or interviewer at a company."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("company.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(100), default="interviewer")
    notes: Mapped[str] = mapped_column(Text, default="")

    company: Mapped[Company] = relationship(back_populates="people")


class AskQuestion(Base):
    """The bank of good questions to ask an interviewer (built in or the user's own)."""

    __tablename__ = "ask_question"
    __table_args__ = (one_of("category", ASK_CATEGORIES, name="category_valid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text, unique=True)
    category: Mapped[str] = mapped_column(String(32))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class CompanyQuestion(Base):
    """A question the user means to ask one company's interviewers."""

    __tablename__ = "company_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("company.id", ondelete="CASCADE"), index=True
    )
    bank_id: Mapped[int | None] = mapped_column(ForeignKey("ask_question.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32), default="team")
    ready: Mapped[bool] = mapped_column(Boolean, default=False)
    asked: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    company: Mapped[Company] = relationship(back_populates="questions")


class StageType(Base):
    """Kinds of interview stage; `category` drives checklist generation and planning."""

    __tablename__ = "stage_type"
    __table_args__ = (one_of("category", STAGE_CATEGORIES, name="category_valid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    category: Mapped[str] = mapped_column(String(32), default="other")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class InterviewStage(Base):
    __tablename__ = "interview_stage"
    __table_args__ = (
        one_of("format", STAGE_FORMATS, name="format_valid"),
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("company.id", ondelete="CASCADE"), index=True
    )
    stage_type_id: Mapped[int] = mapped_column(ForeignKey("stage_type.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # IANA zone the user entered the time in, so exports and the brief show local time.
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    format: Mapped[str] = mapped_column(String(16), default="video")
    location: Mapped[str] = mapped_column(Text, default="")
    prep_notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(32), default="")
    debrief: Mapped[str] = mapped_column(Text, default="")

    company: Mapped[Company] = relationship(back_populates="stages")
    stage_type: Mapped[StageType] = relationship()
    interviewers: Mapped[list[Person]] = relationship(secondary=stage_interviewer)
    checklist: Mapped[list[ChecklistItem]] = relationship(
        back_populates="stage", cascade="all, delete-orphan", order_by="ChecklistItem.position"
    )
    asked_questions: Mapped[list[DebriefQuestion]] = relationship(
        back_populates="stage", cascade="all, delete-orphan"
    )


class DebriefQuestion(Base):
    """A question actually asked in a stage; may be sent on to the banks or topics."""

    __tablename__ = "debrief_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(
        ForeignKey("interview_stage.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    behavioral_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("behavioral_question.id", ondelete="SET NULL")
    )
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topic.id", ondelete="SET NULL"))
    tech_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("tech_question.id", ondelete="SET NULL")
    )

    stage: Mapped[InterviewStage] = relationship(back_populates="asked_questions")


class ChecklistItem(Base):
    """One line of a stage's pre-interview checklist.

    `rule` names an automatic check (None for the user's own items); `override`
    is the user's tick or untick, which wins over the rule when set.
    """

    __tablename__ = "checklist_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(
        ForeignKey("interview_stage.id", ondelete="CASCADE"), index=True
    )
    section: Mapped[str] = mapped_column(String(32), default="other")
    text: Mapped[str] = mapped_column(Text)
    rule: Mapped[str | None] = mapped_column(String(64))
    checked: Mapped[bool] = mapped_column(Boolean, default=False)
    override: Mapped[bool | None] = mapped_column(Boolean)
    position: Mapped[int] = mapped_column(Integer, default=0)

    stage: Mapped[InterviewStage] = relationship(back_populates="checklist")
