"""A project write-up, shown as a readable page and edited in place; saves by itself.

Every field is bound to one `EditForm` keyed by the project (see ui/edit_form.py); the
dates are `DateField`s, typed in the locale's format or ISO, or picked on a calendar.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.presentation import count_noun
from prepdesk.store.repositories.projects import ProjectRepository
from prepdesk.ui.date_field import DateField
from prepdesk.ui.edit_form import EditForm, SaveStatus
from prepdesk.ui.operations import Operations
from prepdesk.ui.stories.text_fields import (
    FIELD_STYLE,
    GrowingTextEdit,
    LineField,
    heading_font,
    hint_label,
    section_label,
)

# (field, heading, placeholder) in reading order.
PROJECT_SECTIONS = (
    ("problem", "Problem", "What was wrong or missing, for whom, and why it mattered."),
    ("approach", "Approach", "What you built or changed, and the main choices you made."),
    ("challenges", "Challenges", "What made it hard, and how you got past it."),
    ("results", "Results and metrics", "What changed, in numbers."),
    ("tech_stack", "Tech stack", "Languages, libraries, infrastructure."),
    ("links", "Links", "Design docs, talks, papers, repositories (one per line)."),
)


class ProjectEditor(QScrollArea):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.project_id: int | None = None
        self._name = ""
        self.form = EditForm(ops, save_project_fields, self, what=self._what)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Project write-up")

        page = QWidget()
        page.setStyleSheet(FIELD_STYLE)
        outer = QHBoxLayout(page)
        outer.addStretch(1)
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 110)
        outer.addWidget(column, 8)
        outer.addStretch(1)
        self.setWidget(page)
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        layout.setContentsMargins(12, 18, 12, 24)

        self.save_state = SaveStatus(self.form)
        self.save_state.setProperty("role", "hint")
        layout.addWidget(self.save_state)
        self.name = LineField("Project name", "Project name")
        self.name.setObjectName("titleField")
        self.name.setFont(heading_font(self.font(), 1.6))
        layout.addWidget(self.name)
        facts = QHBoxLayout()
        self.role = LineField("Your role", "Your role, e.g. tech lead")
        self.started = DateField("Started", "start date")
        self.ended = DateField("Ended", "ongoing")
        facts.addWidget(self.role, 2)
        facts.addWidget(QLabel("from"))
        facts.addWidget(self.started, 1)
        facts.addWidget(QLabel("to"))
        facts.addWidget(self.ended, 1)
        layout.addLayout(facts)

        self.fields: dict[str, GrowingTextEdit] = {}
        for field, heading, placeholder in PROJECT_SECTIONS:
            layout.addSpacing(6)
            layout.addWidget(section_label(heading))
            edit = GrowingTextEdit(heading, placeholder, min_lines=2)
            layout.addWidget(edit)
            self.fields[field] = edit
        self.stories_hint = hint_label("")
        layout.addSpacing(6)
        layout.addWidget(self.stories_hint)
        layout.addStretch(1)

        self.form.bind("name", self.name)
        self.form.bind("role", self.role)
        self.form.bind("started_on", self.started)
        self.form.bind("ended_on", self.ended)
        for field, edit in self.fields.items():
            self.form.bind(field, edit)

    def load(self, project_id: int, story_count: int) -> None:
        """Shows a project (the one shown before is saved first); again: a refresh."""
        project = self.ops.read(lambda s: ProjectRepository(s).get(project_id))
        values: dict[str, Any] = {
            "name": project.name,
            "role": project.role,
            "started_on": project.started_on,
            "ended_on": project.ended_on,
        }
        values.update({field: project.text(field) for field in self.fields})
        self.form.load(project_id, values)
        self.project_id = project_id
        self._name = project.name
        self.stories_hint.setText(
            f"{count_noun(story_count, 'STAR story')} from this project. "
            "Add one with New story while this project is selected."
        )

    def save_now(self) -> bool:
        """Saves what is typed now (before an export, a delete or a page change)."""
        return self.form.flush()

    def _what(self, _key: Hashable) -> str:
        return f"the project '{self._name}'" if self._name else "the project write-up"


def save_project_fields(session: Session, key: Hashable, values: dict[str, Any]) -> None:
    """The EditForm's save: a project's changed fields."""
    ProjectRepository(session).update(int(key), values)  # type: ignore[call-overload]
