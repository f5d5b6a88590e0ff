"""Companies: their research fields, people, values and the questions to ask."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prepdesk.core.interview_pipeline import ASK_CATEGORIES, COMPANY_STATUSES
from prepdesk.store.models import (
    AskQuestion,
    Base,
    Company,
    CompanyQuestion,
    Competency,
    InterviewStage,
    Person,
    Story,
)
from prepdesk.store.models.stories import story_competency
from prepdesk.store.repositories.lookup import require

COMPANY_FIELDS = ("name", "role", "status", "links", "products", "ml_usage", "culture", "notes")
PERSON_FIELDS = ("name", "role", "notes")
T = TypeVar("T", bound=Base)


@dataclass(frozen=True)
class CompanySummary:
    id: int
    name: str
    role: str
    status: str
    next_stage_at: datetime | None


@dataclass(frozen=True)
class ValueStory:
    title: str
    metrics: str


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    role: str
    notes: str


@dataclass(frozen=True)
class QuestionRow:
    id: int
    text: str
    category: str
    ready: bool
    asked: bool
    from_bank: bool


@dataclass(frozen=True)
class BankQuestion:
    id: int
    text: str
    category: str


@dataclass(frozen=True)
class CompanyDetail:
    id: int
    name: str
    role: str
    status: str
    links: str
    products: str
    ml_usage: str
    culture: str
    notes: str
    values: tuple[str, ...]
    value_ids: tuple[int, ...]
    people: tuple[PersonRow, ...]
    questions: tuple[QuestionRow, ...]


class CompanyRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # companies ---------------------------------------------------------------------

    def list(self, now: datetime) -> list[CompanySummary]:
        """All companies, active ones first, each with its next scheduled stage."""
        upcoming = (
            select(InterviewStage.company_id, func.min(InterviewStage.scheduled_at).label("at"))
            .where(InterviewStage.scheduled_at >= now)
            .group_by(InterviewStage.company_id)
            .subquery()
        )
        rows = self._session.execute(
            select(Company, upcoming.c.at).outerjoin(upcoming, upcoming.c.company_id == Company.id)
        ).all()
        order = {status: index for index, status in enumerate(COMPANY_STATUSES)}
        summaries = []
        for company, at in rows:
            summaries.append(
                CompanySummary(company.id, company.name, company.role, company.status, at)
            )
        active_first = {"interviewing": 0, "offer": 1, "applied": 2, "researching": 3}
        summaries.sort(
            key=lambda c: (active_first.get(c.status, 9), order[c.status], c.name.lower())
        )
        return summaries

    def create(self, name: str, role: str = "") -> int:
        if not name.strip():
            raise ValueError("a company needs a name")
        company = Company(name=name.strip(), role=role.strip())
        self._session.add(company)
        self._session.flush()
        return company.id

    def update(self, company_id: int, **values: str) -> None:
        company = self._company(company_id)
        for key, value in values.items():
            if key not in COMPANY_FIELDS:
                raise ValueError(f"unknown company field {key!r}")
            if key == "status" and value not in COMPANY_STATUSES:
                raise ValueError(f"unknown status {value!r}")
            if key == "name" and not value.strip():
                raise ValueError("a company needs a name")
            setattr(company, key, value)

    def delete(self, company_id: int) -> None:
        self._session.delete(self._company(company_id))

    def detail(self, company_id: int) -> CompanyDetail:
        c = self._company(company_id)
        return CompanyDetail(
            id=c.id,
            name=c.name,
            role=c.role,
            status=c.status,
            links=c.links,
            products=c.products,
            ml_usage=c.ml_usage,
            culture=c.culture,
            notes=c.notes,
            values=tuple(v.name for v in c.values),
            value_ids=tuple(v.id for v in c.values),
            people=tuple(PersonRow(p.id, p.name, p.role, p.notes) for p in c.people),
            questions=tuple(
                QuestionRow(q.id, q.text, q.category, q.ready, q.asked, q.bank_id is not None)
                for q in c.questions
            ),
        )

    # values ------------------------------------------------------------------------

    def competencies(self) -> builtins.list[tuple[int, str]]:
        rows = self._session.scalars(select(Competency).order_by(Competency.position))
        return [(c.id, c.name) for c in rows]

    def set_values(self, company_id: int, competency_ids: builtins.list[int]) -> None:
        company = self._company(company_id)
        chosen = self._session.scalars(select(Competency).where(Competency.id.in_(competency_ids)))
        company.values = list(chosen)

    def stories_by_value(self, company_id: int) -> dict[str, builtins.list[ValueStory]]:
        """For each of the company's values, the stories tagged with it (title and metrics)."""
        company = self._company(company_id)
        result: dict[str, list[ValueStory]] = {}
        for value in company.values:
            stories = self._session.scalars(
                select(Story)
                .join(story_competency, story_competency.c.story_id == Story.id)
                .where(story_competency.c.competency_id == value.id)
                .order_by(Story.title)
            )
            result[value.name] = [ValueStory(story.title, story.metrics) for story in stories]
        return result

    # people ------------------------------------------------------------------------

    def add_person(
        self, company_id: int, name: str, role: str = "interviewer", notes: str = ""
    ) -> int:
        if not name.strip():
            raise ValueError("a person needs a name")
        person = Person(
            company_id=self._company(company_id).id, name=name.strip(), role=role, notes=notes
        )
        self._session.add(person)
        self._session.flush()
        return person.id

    def update_person(self, person_id: int, **values: str) -> None:
        """Saves the fields given (name, role, notes)."""
        person = self._get(Person, person_id)
        for key, value in values.items():
            if key not in PERSON_FIELDS:
                raise ValueError(f"unknown field of a person {key!r}")
            if key == "name" and not value.strip():
                raise ValueError("a person needs a name")
            setattr(person, key, value.strip() if key == "name" else value)

    def remove_person(self, person_id: int) -> None:
        self._session.delete(self._get(Person, person_id))

    # questions to ask ------------------------------------------------------------------

    def bank(self) -> builtins.list[BankQuestion]:
        rows = self._session.scalars(select(AskQuestion).order_by(AskQuestion.id))
        result = [BankQuestion(q.id, q.text, q.category) for q in rows]
        result.sort(key=lambda q: ASK_CATEGORIES.index(q.category))
        return result

    def add_from_bank(self, company_id: int, bank_id: int) -> int:
        question = self._get(AskQuestion, bank_id)
        return self._add_question(company_id, question.text, question.category, bank_id)

    def add_own_question(self, company_id: int, text: str, category: str = "team") -> int:
        if not text.strip():
            raise ValueError("the question is empty")
        if category not in ASK_CATEGORIES:
            raise ValueError(f"unknown category {category!r}")
        return self._add_question(company_id, text.strip(), category, None)

    def _add_question(self, company_id: int, text: str, category: str, bank_id: int | None) -> int:
        company = self._company(company_id)
        position = max((q.position for q in company.questions), default=-1) + 1
        question = CompanyQuestion(
            company_id=company.id, bank_id=bank_id, text=text, category=category, position=position
        )
        self._session.add(question)
        self._session.flush()
        return question.id

    def set_question_flags(
        self, question_id: int, *, ready: bool | None = None, asked: bool | None = None
    ) -> None:
        question = self._get(CompanyQuestion, question_id)
        if ready is not None:
            question.ready = ready
        if asked is not None:
            question.asked = asked

    def remove_question(self, question_id: int) -> None:
        self._session.delete(self._get(CompanyQuestion, question_id))

    # helpers -------------------------------------------------------------------------

    def company_of_question(self, question_id: int) -> int | None:
        question = self._session.get(CompanyQuestion, question_id)
        return question.company_id if question is not None else None

    def _company(self, company_id: int) -> Company:
        return self._get(Company, company_id)

    def _get(self, model: type[T], row_id: int) -> T:
        return require(self._session, model, row_id)
