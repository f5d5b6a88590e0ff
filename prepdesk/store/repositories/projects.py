"""Project write-ups: the problem, the approach, the challenges and the results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from prepdesk.store.models import Project
from prepdesk.store.repositories.lookup import require

PROJECT_TEXT_FIELDS = (
    "name",
    "role",
    "problem",
    "approach",
    "challenges",
    "results",
    "tech_stack",
    "links",
)
PROJECT_DATE_FIELDS = ("started_on", "ended_on")


@dataclass(frozen=True)
class ProjectView:
    id: int
    name: str
    role: str
    started_on: date | None
    ended_on: date | None
    problem: str
    approach: str
    challenges: str
    results: str
    tech_stack: str
    links: str

    def text(self, field: str) -> str:
        return str(getattr(self, field))


class ProjectRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list_projects(self) -> list[ProjectView]:
        projects = self._session.scalars(select(Project).order_by(Project.created_at, Project.id))
        return [_view(p) for p in projects]

    def get(self, project_id: int) -> ProjectView:
        return _view(self._project(project_id))

    def create(self, name: str) -> int:
        project = Project(name=name)
        self._session.add(project)
        self._session.flush()
        return project.id

    def update(self, project_id: int, values: dict[str, object]) -> None:
        project = self._project(project_id)
        for field, value in values.items():
            if field in PROJECT_TEXT_FIELDS:
                setattr(project, field, str(value))
            elif field in PROJECT_DATE_FIELDS:
                if value is not None and not isinstance(value, date):
                    raise ValueError(f"{field} must be a date or None")
                setattr(project, field, value)
            else:
                raise ValueError(f"not a project field: {field}")

    def delete(self, project_id: int) -> None:
        """Deletes the write-up; its stories stay, standing alone."""
        self._session.delete(self._project(project_id))

    def _project(self, project_id: int) -> Project:
        return require(self._session, Project, project_id)


def _view(project: Project) -> ProjectView:
    return ProjectView(
        id=project.id,
        name=project.name,
        role=project.role,
        started_on=project.started_on,
        ended_on=project.ended_on,
        problem=project.problem,
        approach=project.approach,
        challenges=project.challenges,
        results=project.results,
        tech_stack=project.tech_stack,
        links=project.links,
    )
