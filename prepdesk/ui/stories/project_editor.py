"""A project write-up, shown as a readable page and edited in place; saves by itself."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from prepdesk.store.repositories.projects import ProjectRepository
from prepdesk.ui.autosave import AutosaveBuffer
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
NO_DATE = QDate(1970, 1, 1)  # the minimum date stands for "not set"


class DateField(QDateEdit):
    def __init__(self, accessible_name: str, empty_text: str) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.setCalendarPopup(True)
        self.setDisplayFormat("MMM yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(empty_text)

    def set_value_quietly(self, value: date | None) -> None:
        self.blockSignals(True)
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        self.blockSignals(False)

    def value(self) -> date | None:
        qdate = self.date()
        return None if qdate == NO_DATE else date(qdate.year(), qdate.month(), qdate.day())


class ProjectEditor(QScrollArea):
    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.ops = ops
        self.project_id: int | None = None
        self.autosave = AutosaveBuffer(self._save_batch, parent=self)
        self.autosave.pending_changed.connect(
            lambda pending: self.save_state.setText("Saving…" if pending else "All changes saved")
        )
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

        self.save_state = hint_label("")
        layout.addWidget(self.save_state)
        self.name = LineField("Project name", "Project name")
        self.name.setObjectName("titleField")
        self.name.setFont(heading_font(self.font(), 1.6))
        layout.addWidget(self.name)
        facts = QHBoxLayout()
        self.role = LineField("Your role", "Your role, e.g. tech lead")
        self.started = DateField("Started", "start?")
        self.ended = DateField("Ended", "ongoing")
        facts.addWidget(self.role, 2)
        facts.addWidget(QLabel("from"))
        facts.addWidget(self.started)
        facts.addWidget(QLabel("to"))
        facts.addWidget(self.ended)
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

        self.name.textEdited.connect(lambda text: self._edited("name", text))
        self.role.textEdited.connect(lambda text: self._edited("role", text))
        for line in (self.name, self.role):
            line.focus_lost.connect(self._save_quietly)
        self.started.dateChanged.connect(
            lambda _d: self._edited("started_on", self.started.value())
        )
        self.ended.dateChanged.connect(lambda _d: self._edited("ended_on", self.ended.value()))
        for field, edit in self.fields.items():
            edit.textChanged.connect(lambda f=field, e=edit: self._edited(f, e.toPlainText()))
            edit.focus_lost.connect(self._save_quietly)

    def load(self, project_id: int, story_count: int) -> None:
        self.save_now()
        project = self.ops.read(lambda s: ProjectRepository(s).get(project_id))
        self.project_id = project_id
        self.name.set_text_quietly(project.name)
        self.role.set_text_quietly(project.role)
        self.started.set_value_quietly(project.started_on)
        self.ended.set_value_quietly(project.ended_on)
        for field, edit in self.fields.items():
            edit.set_text_quietly(project.text(field))
        self.save_state.setText("Everything here saves as you type.")
        self.stories_hint.setText(
            f"{story_count} STAR stor{'y' if story_count == 1 else 'ies'} from this project. "
            "Add one with New story while this project is selected."
        )

    def _edited(self, field: str, value: object) -> None:
        if self.project_id is not None:
            self.autosave.mark((self.project_id, field), value)

    def save_now(self) -> bool:
        return self.autosave.flush()

    def _save_quietly(self) -> None:
        self.save_now()  # a slot: returns None (see AutosaveBuffer._on_timeout)

    def _save_batch(self, batch: dict[Hashable, object]) -> None:
        by_project: dict[int, dict[str, object]] = {}
        for key, value in batch.items():
            project_id, field = key  # type: ignore[misc]
            by_project.setdefault(int(project_id), {})[str(field)] = value

        def save(session: object) -> None:
            repo = ProjectRepository(session)  # type: ignore[arg-type]
            for project_id, values in by_project.items():
                repo.update(project_id, values)

        self.ops.write(save, initiator=self)

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_now()
        super().hideEvent(event)
