"""The ML system design prompts: a list by kind, the chosen prompt's text (editable, it
saves itself), its session history, and the controls to start a timed session."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prepdesk.core.design_practice import (
    DEFAULT_TOTAL_MINUTES,
    MAX_TOTAL_MINUTES,
    MIN_TOTAL_MINUTES,
    PHASE_NAMES,
    PROMPT_CATEGORIES,
    phase_averages,
)
from prepdesk.core.presentation import count_noun, date_text, datetime_text
from prepdesk.store.repositories.design_practice import (
    DesignPracticeRepository,
    PromptRow,
    SessionView,
)
from prepdesk.ui.clock import Clock
from prepdesk.ui.design.archive_button import ArchiveButton
from prepdesk.ui.edit_form import EditForm, SaveStatus
from prepdesk.ui.full_text_tips import show_full_text_on_hover
from prepdesk.ui.operations import Operations
from prepdesk.ui.stories.text_fields import FIELD_STYLE, heading_font

ID_ROLE = Qt.ItemDataRole.UserRole
TEXT_FIELDS = (
    ("brief", "The question", 3),
    ("clarifying", "Clarifying questions worth asking (one a line)", 4),
    ("tradeoffs", "Main trade-offs (one a line)", 4),
    ("covers", "A strong answer covers (one a line)", 6),
)


class PromptLibrary(QWidget):
    start_requested = Signal(int, int)  # prompt id, minutes
    session_opened = Signal(int)  # a past session, to see or finish its scoring

    def __init__(self, ops: Operations, clock: Clock) -> None:
        super().__init__()
        self.ops = ops
        self._clock = clock
        self.prompt_id: int | None = None
        self.setStyleSheet(FIELD_STYLE)

        self.weakest = QLabel()
        self.weakest.setWordWrap(True)
        self.weakest.setAccessibleName("Weakest phase across sessions")
        self.show_archived = QCheckBox("Show archived")
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.tree = QTreeWidget()
        show_full_text_on_hover(self.tree)
        self.tree.setAccessibleName("Design prompts")
        self.tree.setHeaderLabels(["Prompt", "Sessions", "Next practice"])
        self.tree.setRootIsDecorated(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_a: self._on_current())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        left_layout.addWidget(self.weakest)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.show_archived)

        self.form = EditForm(
            ops,
            lambda s, key, values: DesignPracticeRepository(s).update_prompt(
                cast(int, key), values
            ),
            self,
            what=lambda _key: "the design prompt",
        )
        self.title = QLineEdit()
        self.title.setObjectName("titleField")
        self.title.setAccessibleName("Prompt title")
        self.title.setFont(heading_font(self.font(), 1.4))
        self.form.bind("title", self.title)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setAccessibleName("Kind of system")
        self.category.addItems(list(PROMPT_CATEGORIES))
        self.form.bind("category", self.category)
        self.fields: dict[str, QPlainTextEdit] = {}
        form_layout = QFormLayout()
        form_layout.addRow("Kind", self.category)
        for name, label, lines in TEXT_FIELDS:
            editor = QPlainTextEdit()
            editor.setAccessibleName(label)
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 16)
            self.form.bind(name, editor)
            self.fields[name] = editor
            form_layout.addRow(QLabel(label))
            form_layout.addRow(editor)
        self.status = SaveStatus(self.form)

        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_TOTAL_MINUTES, MAX_TOTAL_MINUTES)
        self.minutes.setValue(DEFAULT_TOTAL_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Session length in minutes")
        self.start_button = QPushButton("Start timed session")
        self.start_button.setAccessibleName("Start a timed session on this prompt")
        self.start_button.clicked.connect(self._start)
        self.archive_button = ArchiveButton(
            ops,
            self.form,
            "design prompt",
            lambda s, record_id, on: DesignPracticeRepository(s).set_archived(record_id, on),
            self.refresh,
        )
        start_row = QHBoxLayout()
        start_row.addWidget(self.status, 1)
        start_row.addWidget(self.archive_button)
        start_row.addWidget(self.minutes)
        start_row.addWidget(self.start_button)

        self.history = QTreeWidget()
        show_full_text_on_hover(self.history)
        self.history.setAccessibleName("Sessions on this prompt")
        self.history.setHeaderLabels(["Practised", "Minutes", "Average", "Weakest phase"])
        self.history.setRootIsDecorated(False)
        self.history.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        self.history.itemActivated.connect(
            lambda item, _col: self.session_opened.emit(item.data(0, ID_ROLE))
        )

        body = QWidget()
        editor_layout = QVBoxLayout(body)
        editor_layout.setContentsMargins(16, 8, 16, 8)
        editor_layout.addWidget(self.title)
        editor_layout.addLayout(form_layout)
        editor_layout.addWidget(QLabel("History (open a session to see or score it):"))
        editor_layout.addWidget(self.history)
        scroll = QScrollArea()
        scroll.setAccessibleName("Prompt details")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 8, 8)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(start_row)
        self.detail = right

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 840])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    # data --------------------------------------------------------------------------

    def refresh(self) -> None:
        include = self.show_archived.isChecked()

        def load(s: Session) -> tuple[list[PromptRow], str]:
            repo = DesignPracticeRepository(s)
            return repo.prompts(include_archived=include), _weakest_text(repo)

        rows, weakest = self.ops.read(load)
        self.weakest.setText(weakest)
        selected = self.prompt_id
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        now = self._clock()
        current: QTreeWidgetItem | None = None
        for row in rows:
            group = groups.get(row.category)
            if group is None:
                group = QTreeWidgetItem(self.tree, [row.category])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setExpanded(True)
                groups[row.category] = group
            title = f"{row.title} (archived)" if row.archived else row.title
            item = QTreeWidgetItem(group, [title, str(row.sessions), _due_text(row.due, now)])
            item.setData(0, ID_ROLE, row.id)
            item.setToolTip(0, row.title)
            if row.id == selected:
                current = item
        self.tree.blockSignals(False)
        first_group = self.tree.topLevelItem(0)
        if current is None and first_group is not None:
            current = first_group.child(0)
        if current is not None:
            self.tree.setCurrentItem(current)
        self._on_current()

    def select_prompt(self, prompt_id: int) -> None:
        self.prompt_id = prompt_id
        groups = [self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount())]
        for parent in groups:
            children = [parent.child(i) for i in range(parent.childCount())] if parent else []
            for item in children:
                if item is not None and item.data(0, ID_ROLE) == prompt_id:
                    self.tree.setCurrentItem(item)
                    return
        if not self.show_archived.isChecked():
            self.show_archived.setChecked(True)  # an archived prompt: show those too

    def _on_current(self) -> None:
        item = self.tree.currentItem()
        prompt_id = item.data(0, ID_ROLE) if item is not None else None
        self.detail.setEnabled(prompt_id is not None)
        if prompt_id is None:
            self.form.clear()
            return
        self.prompt_id = prompt_id

        def load(s: Session) -> tuple[dict[str, Any], list[SessionView]]:
            repo = DesignPracticeRepository(s)
            return repo.prompt_values(prompt_id), repo.history(prompt_id)

        values, history = self.ops.read(load)
        archived = bool(values["archived"])
        self.form.load(prompt_id, values)
        self.archive_button.show_state(prompt_id, archived)
        self.history.clear()
        for view in history:
            scores = [p.score for p in view.phases if p.score is not None]
            average = f"{sum(scores) / len(scores):.1f}" if scores else "not scored"
            weakest = phase_averages((p.phase, p.score) for p in view.phases if p.score)
            item = QTreeWidgetItem(
                self.history,
                [
                    datetime_text(view.started_at),
                    str(view.total_minutes),
                    average,
                    weakest[0].name if weakest else "",
                ],
            )
            item.setData(0, ID_ROLE, view.id)

    # actions -----------------------------------------------------------------------

    def _start(self) -> None:
        if self.prompt_id is not None:
            self.form.flush()
            self.start_requested.emit(self.prompt_id, self.minutes.value())


def _weakest_text(repo: DesignPracticeRepository) -> str:
    averages = repo.phase_averages()
    if not averages:
        return "Practise a prompt to see which phase of your answers is weakest."
    weakest = averages[0]
    return (
        f"Weakest phase so far: <b>{PHASE_NAMES[weakest.key]}</b> "
        f"(average {weakest.average:.1f} of 4 over {count_noun(weakest.count, 'session')})"
    )


def _due_text(due: datetime | None, now: datetime) -> str:
    if due is None:
        return "new"
    if due <= now:
        return "due now"
    return date_text(due)


def _save_prompt(session: Session, key: Hashable, values: dict[str, Any]) -> None:
    DesignPracticeRepository(session).update_prompt(cast(int, key), values)
